"""The trends' numbers as tables: the page shows them under each chart, the spreadsheet holds the same rows.

A table is plain data (caption, column headers, rows whose first cell names the row), so
the page and the .xlsx download cannot disagree.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from reports.models import ReportingPeriod
from trends import stats


@dataclass
class Table:
    key: str  # the page's anchor and the download's ?table=
    caption: str
    columns: list[str]  # the first names the rows
    rows: list[list]  # each: row header, then numbers (int, Decimal, None) or text

    def labelled_rows(self) -> list[tuple[object, list[tuple[str, object]]]]:
        """(row header, [(column header, value)]) per row: what a phone shows when the table is stacked."""
        return [(row[0], list(zip(self.columns[1:], row[1:], strict=False))) for row in self.rows]


def quarter_label(period: ReportingPeriod) -> str:
    """ "ไตรมาส 3/2564": the quarter and its Buddhist-era fiscal year."""
    return _("Q%(quarter)s/%(year)s") % {"quarter": period.quarter, "year": period.fiscal_year}


def quarter_lines(period: ReportingPeriod) -> tuple[str, str]:
    """The quarter's label on two lines, for a chart's axis."""
    return _("Q%(quarter)s") % {"quarter": period.quarter}, str(period.fiscal_year)


def submissions(quarters: list[stats.Submissions]) -> Table:
    columns = [
        _("Quarter"),
        _("Provinces"),
        _("On time"),
        _("Late"),
        _("Missing"),
        _("Not yet handed in (deadline ahead)"),
        _("On time (%)"),
    ]
    rows = [
        [quarter_label(q.period), q.expected, q.on_time, q.late, q.missing, q.pending, q.on_time_percent]
        for q in quarters
    ]
    return Table("submissions", _("Reports handed in on time, late and missing, per quarter"), columns, rows)


def shortfalls(projects: list[stats.ProjectShortfalls], periods: list[ReportingPeriod]) -> Table:
    columns = [
        _("Work / project / activity"),
        *[quarter_label(period) for period in periods],
        _("Quarters with shortfalls"),
        _("Provinces (quarters)"),
    ]
    rows = [
        [
            project.name,
            *project.counts(periods),
            project.quarters,
            " ".join(f"{name} ({count})" for name, count in project.provinces),
        ]
        for project in projects
    ]
    caption = _("Provinces that did not reach a project's target, per quarter")
    return Table("shortfalls", caption, columns, rows)


def figures(quarters: list[stats.QuarterFigures]) -> Table:
    columns = [
        _("Quarter"),
        _("Figures with target and result"),
        _("Reached the target"),
        _("Fell short"),
        _("Reached (%)"),
    ]
    rows = [[quarter_label(q.period), q.total, q.reached, q.short, q.reached_percent] for q in quarters]
    return Table("figures", _("Figures against their targets, per quarter"), columns, rows)


def project_figures(projects: list[stats.ProjectFigures]) -> Table:
    columns = [_("Work / project / activity"), _("Unit"), _("Figures"), _("Target"), _("Result"), _("Result (%)")]
    rows = [[p.name, p.unit, p.rows, p.target, p.result, p.percent] for p in projects]
    return Table("project-figures", _("Targets and results per project, summed over the quarters"), columns, rows)


def zone_name(status: stats.ZoneStatus) -> str:
    return status.zone.full_name if status.zone else _("Outside the inspection zones")


def zone_statuses(statuses: list[stats.ZoneStatus], period: ReportingPeriod) -> Table:
    columns = [
        _("Inspection zone"),
        _("Provinces"),
        _("Submitted, awaiting review"),
        _("Accepted"),
        _("Returned"),
        _("Missing"),
        _("Submitted late"),
    ]
    rows = [[zone_name(s), s.provinces, s.submitted, s.accepted, s.returned, s.missing, s.late] for s in statuses]
    caption = _("Every zone's reports in %(quarter)s") % {"quarter": quarter_label(period)}
    return Table("zones", caption, columns, rows)


def zone_trends(statuses: list[stats.ZoneStatus], periods: list[ReportingPeriod]) -> Table:
    columns = [_("Inspection zone"), *[quarter_label(period) for period in periods]]
    rows = [[zone_name(s), *[q.on_time_percent for q in s.quarters]] for s in statuses]
    return Table("zone-trends", _("Reports handed in on time (%), per zone and quarter"), columns, rows)


def is_number(value) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)
