"""A meeting's summary as documents: the print page, the Word and PDF downloads, the page numbers, the findings."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from inspection_portal.lib.downloads import content_disposition
from meetings import access, documents, exports, pdf, rendered
from meetings.forms_documents import PageNumbersForm
from meetings.models import FollowUpMeeting
from reports import access as report_access
from reports import findings_xlsx


@login_required
@require_GET
def print_summary(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk, defer_summaries=True)
    shown, source = rendered.shown(meeting, prefer_draft=False)
    context = exports.print_context(shown, draft=source != rendered.PUBLISHED, page_numbers=meeting.page_numbers)
    return render(request, "meetings/summary/print.html", {**context, "summary_html": shown["html"]})


def _meeting_for_download(user, pk: int) -> FollowUpMeeting:
    """The meeting without its summaries' JSON, which a published download does not need."""
    meetings = FollowUpMeeting.objects.select_related("period", "inspector", "published_by").prefetch_related("zones")
    meeting = get_object_or_404(meetings.defer("draft", "published"), pk=pk)
    if not access.may_view_meeting(user, meeting):
        raise PermissionDenied
    return meeting


@login_required
@require_GET
def download_summary(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    """The published file as stored, or the draft rendered now."""
    fmt = documents.FORMATS.get(extension)
    if fmt is None:
        raise Http404
    meeting = _meeting_for_download(request.user, pk)
    zones = [zone.number for zone in meeting.zones.all()]
    try:
        if meeting.published_at is not None:
            return _published(request, meeting, fmt, zones)
        content = documents.render_draft(meeting, fmt)
    except exports.SummaryTooLarge as error:
        messages.error(
            request,
            _(
                "This summary is too long to be made into a file (%(count)s characters; the limit is %(limit)s). "
                "Shorten its text, or ask an administrator to raise the limit."
            )
            % {"count": f"{error.characters:,}", "limit": f"{settings.SUMMARY_MAX_CHARACTERS:,}"},
        )
        return redirect("meetings:detail", pk=meeting.pk)
    except pdf.RendererBusy:
        response = render(request, "meetings/busy.html", {"meeting": meeting}, status=503)
        response["Retry-After"] = "30"
        return response
    response = HttpResponse(content, content_type=fmt.content_type)
    response["Content-Disposition"] = content_disposition(
        *documents.file_names(meeting, zones, fmt.extension, draft=True)
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _published(request: HttpRequest, meeting: FollowUpMeeting, fmt: documents.Format, zones: list[int]):
    stored = documents.published_file(meeting, fmt)
    etag = documents.etag(stored)
    modified = int(meeting.published_at.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=modified)
    if response is None:
        response = FileResponse(stored.open("rb"), content_type=fmt.content_type)
        response["Content-Disposition"] = content_disposition(
            *documents.file_names(meeting, zones, fmt.extension, draft=False)
        )
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = "private, no-cache"  # who may read it is checked on every request
    return response


@login_required
@require_POST
def set_page_numbers(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk, edit=True)
    form = PageNumbersForm(request.POST, instance=meeting)
    if form.is_valid():
        form.save()
        if meeting.published_at is not None:
            messages.success(request, _("Page numbers saved. The published files keep theirs until you publish again."))
        else:
            messages.success(request, _("Page numbers saved."))
    else:
        messages.error(request, _("Choose how pages are numbered."))
    return redirect("meetings:detail", pk=meeting.pk)


@login_required
@require_GET
def download_findings(request: HttpRequest, pk: int) -> HttpResponse:
    """The findings of the meeting's reports as a spreadsheet, for inspectors and administrators."""
    meeting = _meeting_for_download(request.user, pk)
    zones = list(meeting.zones.all())
    if not _may_read_findings(request.user, meeting, zones):
        raise PermissionDenied
    reports = findings_xlsx.meeting_reports(meeting.period, meeting.member_provinces())
    content = findings_xlsx.workbook(findings_xlsx.findings_of(reports))
    names = documents.file_names(meeting, [zone.number for zone in zones], "xlsx", draft=False, what="findings")
    response = HttpResponse(content, content_type=findings_xlsx.XLSX_TYPE)
    response["Content-Disposition"] = content_disposition(*names)
    return response


def page_context(user, meeting: FollowUpMeeting, zones, may_edit: bool | None = None) -> dict:
    """What the meeting page shows of the documents: the page-number form, the findings link, the PDF fallback.

    may_edit: access.may_edit_meeting's answer when the page has it already (not asked again)."""
    if may_edit is None:
        may_read_findings = _may_read_findings(user, meeting, zones)
    else:
        may_read_findings = may_edit or report_access.reads_all_zones(user)
    return {
        "page_numbers_form": PageNumbersForm(instance=meeting),
        "may_read_findings": may_read_findings,
        "pdf_fallback": pdf.is_fallback(),
    }


def _may_read_findings(user, meeting: FollowUpMeeting, zones) -> bool:
    """The meeting's inspector, inspectors of its zones that year, administrators, the head of inspectors."""
    if access.may_edit_meeting(user, meeting) or report_access.reads_all_zones(user):
        return True
    return bool({zone.pk for zone in zones} & report_access.inspected_zone_ids(user, meeting.period.fiscal_year))
