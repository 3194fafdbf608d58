"""Findings as an Excel workbook (.xlsx, openpyxl): one row per finding (per figure row of a finding that
has several), Thai headers.

For inspectors and administrators who sort, filter and count findings beyond the summary:
the findings of a meeting's reports, or of a quarter's reports in the zones a user tracks.
Every text cell is written as a string, so that a finding beginning with "=", "+", "-" or "@"
is shown as typed and never run as a formula (a string cell is never evaluated, and a leading
apostrophe would change the text of the many findings that begin with "- ").
"""

import io
from collections.abc import Iterable
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from inspection_portal.lib.thai import sorted_by_zone
from provinces.models import Province
from reports.models import Finding, ProvinceReport, ReportingPeriod, with_reporting_zone

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_WIDTH = 60  # characters; longer texts wrap
NUMBER_FORMATS = {True: "#,##0", False: "#,##0.00"}  # whole numbers, and numbers with a fraction


def meeting_reports(period: ReportingPeriod, provinces):
    """The reports a meeting's summary reads: submitted or accepted, of its provinces (a Province queryset)."""
    return ProvinceReport.objects.for_summary().filter(period=period, province__in=provinces.values("pk"))


def quarter_reports(period: ReportingPeriod, zone_ids: list[int] | None):
    """A quarter's handed-in reports (all but drafts), of the given zones (the zone each province reports
    under that quarter, reports.models.with_reporting_zone) or of every zone (None)."""
    reports = ProvinceReport.objects.filter(period=period).exclude(status=ProvinceReport.Status.DRAFT)
    if zone_ids is not None:
        provinces = with_reporting_zone(Province.objects.all(), period).filter(reporting_zone_id__in=zone_ids)
        reports = reports.filter(province__in=provinces.values("pk"))
    return reports


def findings_of(reports) -> list[Finding]:
    """The reports' findings by zone, Thai order of provinces, then as the province ordered them: one query."""
    findings = (
        Finding.objects.filter(report__in=reports)
        .select_related("report__province__zone", "report__zone", "project")
        .prefetch_related("figures")
    )
    findings = sorted(
        findings, key=lambda finding: (finding.kind != Finding.Kind.SHORTFALL, finding.position, finding.pk)
    )
    return sorted_by_zone(findings, zone=_zone_number, name=lambda finding: finding.report.province.name_th)


def _zone_number(finding: Finding) -> int:
    zone = finding.report.zone or finding.report.province.zone
    return zone.number if zone else 99


def _columns() -> list[tuple[str, object]]:
    """(header, value of a finding and one of its figure rows, or None) for every column, in order."""
    return [
        (_("Province"), lambda f, _row: f.report.province.name_th),
        (_("Inspection zone"), lambda f, _row: _zone_number(f) if _zone_number(f) != 99 else ""),
        (_("Work / project / activity"), lambda f, _row: f.project.name_th),
        (_("Kind"), lambda f, _row: f.get_kind_display()),
        (_("Problems"), lambda f, _row: f.problems),
        (_("Causes (constraints)"), lambda f, _row: f.causes),
        (_("Measures taken or planned"), lambda f, _row: f.measures),
        (_("Title"), lambda f, _row: f.title),
        (_("What was done"), lambda f, _row: f.what_done),
        (_("What it achieved"), lambda f, _row: f.achieved),
        (_("Activity or phase"), lambda _f, row: row.activity if row else ""),
        (_("Target"), lambda _f, row: row.target if row else None),
        (_("Result"), lambda _f, row: row.result if row else None),
        (_("Unit"), lambda _f, row: row.unit if row else ""),
        (_("Report status"), lambda f, _row: f.report.get_status_display()),
    ]


def _rows(findings: Iterable[Finding]):
    """(finding, figure row) pairs: a finding with several figures takes one row per figure, numbers sortable."""
    for finding in findings:
        for figure in finding.figures.all() or [None]:
            yield finding, figure


def workbook(findings: Iterable[Finding]) -> bytes:
    """The findings as an .xlsx file: header row frozen, filters on, readable widths."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Findings")[:31]
    columns = _columns()
    widths = [_width(header) for header, _value in columns]
    sheet.append([header for header, _value in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row_number, (finding, figure) in enumerate(_rows(findings), start=2):
        for column, (_header, value_of) in enumerate(columns, start=1):
            value = value_of(finding, figure)
            cell = sheet.cell(row=row_number, column=column)
            _write(cell, value)
            widths[column - 1] = max(widths[column - 1], _width(str(value if value is not None else "")))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width, MAX_WIDTH) + 2
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write(cell, value) -> None:
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        cell.value = value
        cell.number_format = NUMBER_FORMATS[value == int(value)]
    else:
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", str(value or ""))
        cell.data_type = "s"  # text, even if it begins with "=": never a formula
        cell.alignment = Alignment(vertical="top", wrap_text=True)


def _width(text: str) -> int:
    """Columns a text needs on its longest line; Thai vowel and tone marks above and below take no width."""
    longest = max((line for line in text.split("\n")), key=len, default="")
    return sum(
        1 for char in longest if not ("\u0e31" == char or "\u0e34" <= char <= "\u0e3a" or "\u0e47" <= char <= "\u0e4e")
    )
