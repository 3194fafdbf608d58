"""A quarter's findings as a spreadsheet, for those who follow zones (reports/findings_xlsx.py)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from inspection_portal.lib.downloads import content_disposition
from reports import access, findings_xlsx, tracking
from reports.forms_review import chosen_period


@login_required
@require_GET
def download_findings(request: HttpRequest) -> HttpResponse:
    """The findings of the quarter's handed-in reports in the zones the user tracks (every zone for admins)."""
    if not access.roles_of(request.user).follows_zones:
        raise PermissionDenied
    period = chosen_period(request)
    if period is None:
        raise Http404
    zones = tracking.tracker_zones(request.user, period.fiscal_year)
    zone_ids = None if zones is None else [zone.pk for zone in zones]
    content = findings_xlsx.workbook(findings_xlsx.findings_of(findings_xlsx.quarter_reports(period, zone_ids)))
    numbers = (
        "ทุกเขต"
        if zones is None
        else "เขต" + "-".join(str(zone.number) for zone in sorted(zones, key=lambda z: z.number))
    )
    ascii_numbers = "all-zones" if zones is None else "zone" + numbers.removeprefix("เขต")
    name = f"ประเด็นที่รายงาน-{numbers}-ไตรมาส{period.quarter}-{period.fiscal_year}.xlsx"
    ascii_name = f"findings-{ascii_numbers}-q{period.quarter}-{period.fiscal_year}.xlsx"
    response = HttpResponse(content, content_type=findings_xlsx.XLSX_TYPE)
    response["Content-Disposition"] = content_disposition(name, ascii_name)
    return response
