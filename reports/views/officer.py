"""The provincial officer's pages: home, the report form, attachments."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reports import access, chains, fiscal
from reports.forms import AttachmentForm, ResolutionForm, error_summary, report_forms, save_report
from reports.models import (
    Attachment,
    ConcurrentEditError,
    PeriodOpening,
    ProvinceReport,
    ReportingPeriod,
    ReviewEvent,
    WorkflowError,
)
from reports.tracking import LONG_TEXTS

# How many past fiscal years the officer's home lists, besides the current one.
HISTORY_YEARS = 2


@dataclass
class PeriodRow:
    period: ReportingPeriod
    report: ProvinceReport | None
    opening: PeriodOpening | None = None  # the quarter opened again for this province by an administrator

    @property
    def may_start(self) -> bool:
        return self.report is None and self.opening is not None

    @property
    def last_day(self):
        """The last day the province may submit: its report's (reopenings included), the opening's, or the deadline."""
        if self.report is not None:
            return self.report.last_day()
        return self.opening.until if self.opening is not None else self.period.deadline


def _officer_province(user):
    province = access.province_of(user)
    if province is None:
        raise PermissionDenied
    return province


@login_required
def officer_home(request: HttpRequest) -> HttpResponse:
    """The province's reports by quarter, newest first, and the quarter open now."""
    province = _officer_province(request.user)
    today = timezone.localdate()
    recent = ReportingPeriod.objects.filter(fiscal_year__gte=fiscal.fiscal_year_of(today) - HISTORY_YEARS)
    # Past quarters an administrator opened again for this province (or its zone), latest day kept.
    openings = {
        opening.period_id: opening for opening in PeriodOpening.objects.active_for(province, today).order_by("until")
    }
    periods = (
        recent.filter(start_date__lte=today)
        | ReportingPeriod.objects.accepting_reports(today).order_by()
        | ReportingPeriod.objects.filter(pk__in=list(openings))
    )
    # The list shows no report's text: the long texts of every quarter's report are left in the database.
    reports = {report.period_id: report for report in province.reports.select_related("period").defer(*LONG_TEXTS)}
    rows = [PeriodRow(period, reports.pop(period.pk, None), openings.get(period.pk)) for period in periods]
    rows += [PeriodRow(report.period, report, openings.get(report.period_id)) for report in reports.values()]
    rows.sort(key=lambda row: (row.period.fiscal_year, row.period.quarter), reverse=True)
    current = next((row for row in sorted(rows, key=lambda row: row.last_day) if _accepting(row, today)), None)
    context = {
        "province": province,
        "rows": rows,
        "current": current,
        "last_day": current.last_day if current else None,
        "days_left": (current.last_day - today).days if current else None,
        "current_editable": bool(current and current.report and current.report.officer_may_edit(today)),
    }
    return render(request, "reports/officer_home.html", context)


def _accepting(row: PeriodRow, today) -> bool:
    if row.report is not None and row.report.is_reopened and row.report.officer_may_edit(today):
        return True
    if row.may_start:
        return True
    period = row.period
    return period.is_open and period.start_date <= today and not period.deadline_passed(today)


@login_required
@require_POST
def start_report(request: HttpRequest, period_pk: int) -> HttpResponse:
    """Create the province's draft for an open period (or go to the one that exists)."""
    province = _officer_province(request.user)
    period = get_object_or_404(ReportingPeriod, pk=period_pk)
    existing = ProvinceReport.objects.filter(province=province, period=period).first()
    if existing is None:
        today = timezone.localdate()
        opening = PeriodOpening.objects.active_for(province, today).filter(period=period).order_by("-until").first()
        if opening is None and not ReportingPeriod.objects.accepting_reports(today).filter(pk=period.pk).exists():
            messages.error(request, _("%(period)s is not open for reports.") % {"period": period})
            return redirect("reports:officer_home")
        existing = ProvinceReport.start(province, period, by=request.user, opening=opening)
    return redirect("reports:edit", pk=existing.pk)


@login_required
def edit_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The report page: a form for its officer while it may be changed, read-only for everyone else."""
    report = access.get_report_for_user(request.user, pk)
    is_officer = access.may_edit_report(request.user, report)
    if request.method != "POST":
        block_reason = report.edit_block_reason() if is_officer else None
        if is_officer and block_reason is None:
            form, formset = report_forms(report)
            return _render_form(request, report, form, formset)
        return _render_readonly(request, report, block_reason)
    if not is_officer:
        raise PermissionDenied
    return _save(request, report)


def _save(request: HttpRequest, report: ProvinceReport) -> HttpResponse:
    submitting = request.POST.get("action") == "submit"
    form, formset = report_forms(report, request.POST, submitting=submitting)
    if not (form.is_valid() and formset.is_valid()):
        return _render_form(request, report, form, formset, status=400)
    try:
        save_report(form, formset, by=request.user, submit=submitting)
    except ConcurrentEditError:
        messages.error(
            request,
            _(
                "Someone else saved this report after you opened it, so your changes were not saved. "
                "Your text is shown below: copy what you need, then reload the page to see the latest version."
            ),
        )
        return _render_form(request, report, form, formset, status=409, conflict=True)
    except WorkflowError as error:
        return _refused(request, report, form, formset, str(error), submitting)
    except ValidationError as error:
        form.add_completeness_errors(error.message_dict)
        return _render_form(request, report, form, formset, status=400)
    if submitting:
        messages.success(request, _("The report has been submitted to the inspector."))
    else:
        messages.success(request, _("The draft has been saved."))
    return redirect("reports:edit", pk=report.pk)


def _refused(request, report, form, formset, reason: str, submitting: bool) -> HttpResponse:
    report.refresh_from_db()
    if submitting and report.status == ProvinceReport.Status.SUBMITTED and report.submitted_by_id == request.user.pk:
        # A second click on "submit": the first one went through.
        messages.info(request, _("The report has already been submitted."))
        return redirect("reports:edit", pk=report.pk)
    messages.error(request, reason)
    return _render_form(request, report, form, formset, status=409, conflict=True)


def _render_form(
    request, report, form, formset, status: int = 200, conflict: bool = False, bound_resolution=None
) -> HttpResponse:
    context = {
        **_report_context(report),
        "offers": _offers(report, bound_resolution),
        "form": form,
        "formset": formset,
        "conflict": conflict,
        "submitting": request.POST.get("action") == "submit",
        "errors": error_summary(form, formset) if form.is_bound and not conflict else [],
        "attachment_form": AttachmentForm(),
        "editable": True,
    }
    return render(request, "reports/report_edit.html", context, status=status)


def _render_readonly(request, report, block_reason: str | None) -> HttpResponse:
    shortfalls, best_practices = report.findings_by_kind()
    context = {
        **_report_context(report),
        "shortfalls": shortfalls,
        "best_practices": best_practices,
        "block_reason": block_reason,
        "editable": False,
    }
    return render(request, "reports/report_detail.html", context)


def _report_context(report: ProvinceReport) -> dict:
    events = list(report.review_events.select_related("by"))
    return {
        "report": report,
        "resolutions": chains.resolutions(report),
        "attachments": report.attachments.all(),
        "events": events,
        "return_note": _return_note(report, events),
        "last_day": report.last_day(),
    }


def _return_note(report: ProvinceReport, events: list[ReviewEvent]) -> ReviewEvent | None:
    """Why a returned report is open again: the inspector's return or an administrator's reopening."""
    if report.status != ProvinceReport.Status.RETURNED:
        return None
    sent_back = [
        event for event in events if event.action in (ReviewEvent.Action.RETURNED, ReviewEvent.Action.REOPENED)
    ]
    if sent_back:
        return sent_back[-1]
    if report.return_comment:  # returned before returns were kept as events
        return ReviewEvent(action=ReviewEvent.Action.RETURNED, comment=report.return_comment, at=report.reviewed_at)
    return None


# --- attachments ------------------------------------------------------------------


def _editable_report(request: HttpRequest, pk: int) -> ProvinceReport:
    """The report if the user is its officer and it may be changed now; 403 otherwise."""
    report = access.get_report_for_user(request.user, pk, edit=True)
    if not report.officer_may_edit():
        raise PermissionDenied
    return report


@login_required
@require_POST
def add_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    report = _editable_report(request, pk)
    form = AttachmentForm(request.POST, request.FILES, report=report)
    if form.is_valid():
        attachment = form.save(report, by=request.user)
        messages.success(request, _("%(name)s has been attached.") % {"name": attachment.original_name})
    else:
        for error in form.errors.get("file", []):
            messages.error(request, error)
    return redirect("reports:edit", pk=report.pk)


@login_required
def download_attachment(request: HttpRequest, pk: int) -> FileResponse:
    """The file, for whoever may read the report, and for every signed-in user once it is shared in the library."""
    from library.sharing import is_in_library

    attachment = get_object_or_404(Attachment.objects.select_related("report__period"), pk=pk)
    if not (access.may_view_report(request.user, attachment.report) or is_in_library(attachment)):
        raise PermissionDenied
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


@login_required
@require_POST
def delete_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = get_object_or_404(Attachment, pk=pk)
    report = _editable_report(request, attachment.report_id)
    attachment.delete()  # django-cleanup removes the file once the deletion is committed
    messages.success(request, _("%(name)s has been removed.") % {"name": attachment.original_name})
    return redirect("reports:edit", pk=report.pk)


# --- carry-forward of last quarter's shortfalls ----------------------------------------


def _offers(report: ProvinceReport, bound: ResolutionForm | None = None) -> list[chains.Offer]:
    """Last quarter's shortfalls still to decide, each with its resolution form (the one posted, if refused)."""
    return [
        chains.Offer(
            finding,
            bound
            if bound is not None and bound.prefix == f"resolve-{finding.pk}"
            else ResolutionForm(finding_pk=finding.pk),
        )
        for finding in chains.offered(report)
    ]


@login_required
@require_POST
def carry_forward(request: HttpRequest, pk: int, finding_pk: int) -> HttpResponse:
    """Copy one of last quarter's shortfalls into the report, marked as carried forward."""
    report = _editable_report(request, pk)
    try:
        finding = chains.carry_forward(report, finding_pk, by=request.user)
    except chains.AlreadyDecided:
        messages.info(request, _("That shortfall has already been carried forward or resolved."))
    except WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("%(project)s has been carried forward into this report.") % {"project": finding.project}
        )
        return redirect(f"{reverse('reports:edit', args=[report.pk])}#finding-{finding.pk}")
    return redirect("reports:edit", pk=report.pk)


@login_required
@require_POST
def resolve_shortfall(request: HttpRequest, pk: int, finding_pk: int) -> HttpResponse:
    """Close one of last quarter's shortfalls as resolved, on this report; the text is required."""
    report = _editable_report(request, pk)
    resolution_form = ResolutionForm(request.POST, finding_pk=finding_pk)
    if not resolution_form.is_valid():
        form, formset = report_forms(report)
        return _render_form(request, report, form, formset, status=400, bound_resolution=resolution_form)
    try:
        chains.resolve(report, finding_pk, resolution_form.cleaned_data["how_resolved"], by=request.user)
    except chains.AlreadyDecided:
        messages.info(request, _("That shortfall has already been carried forward or resolved."))
    except WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The shortfall has been recorded as resolved in this report."))
    return redirect("reports:edit", pk=report.pk)


@login_required
@require_POST
def undo_resolution(request: HttpRequest, pk: int, resolution_pk: int) -> HttpResponse:
    """Take back a resolution while the report may be changed: the shortfall is offered again."""
    report = _editable_report(request, pk)
    try:
        chains.undo_resolution(report, resolution_pk)
    except WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The resolution has been taken back: decide on the shortfall again."))
    return redirect("reports:edit", pk=report.pk)
