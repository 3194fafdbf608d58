"""The inspector's side of a report: the submission tracker and the review of one report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from reports import access, changes, tracking
from reports.forms_review import AcceptForm, PeriodForm, ReturnForm, chosen_period
from reports.models import ProvinceReport, WorkflowError


@login_required
@require_GET
def tracker(request: HttpRequest) -> HttpResponse:
    roles = access.roles_of(request.user)
    if not roles.may_inspect:
        raise PermissionDenied
    period = chosen_period(request)
    zones = tracking.tracker_zones(request.user, period.fiscal_year) if period else []
    context = {
        "period": period,
        "period_form": PeriodForm(initial={"period": period}),
        "tracks": tracking.track(period, zones) if period else [],
        "is_admin": roles.is_admin,
    }
    return render(request, "reports/tracker.html", context)


def _tracker_url(report: ProvinceReport) -> str:
    return f"{reverse('reports:tracker')}?period={report.period_id}"


def _render_review(request: HttpRequest, report: ProvinceReport, return_form=None, accept_form=None) -> HttpResponse:
    shortfalls, best_practices = report.findings_by_kind()
    events = list(report.review_events.select_related("by"))
    context = {
        "report": report,
        "shortfalls": shortfalls,
        "best_practices": best_practices,
        "attachments": report.attachments.all(),
        "events": events,
        "changes": changes.since_last_submission(events),
        "reviewable": report.status == ProvinceReport.Status.SUBMITTED,
        "return_form": return_form or ReturnForm(),
        "accept_form": accept_form or AcceptForm(),
        "tracker_url": _tracker_url(report),
    }
    return render(request, "reports/review.html", context)


@login_required
@require_GET
def review(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.get_report_for_user(request.user, pk, review=True)
    return _render_review(request, report)


@login_required
@require_POST
def return_report(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.get_report_for_user(request.user, pk, review=True)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            report.return_to_province(form.cleaned_data["comment"], by=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        except WorkflowError as exc:
            messages.error(request, str(exc))
            return redirect("reports:review", pk=report.pk)
        else:
            messages.success(request, _("The report of %(province)s was returned.") % {"province": report.province})
            return redirect(_tracker_url(report))
    return _render_review(request, report, return_form=form)


@login_required
@require_POST
def accept_report(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.get_report_for_user(request.user, pk, review=True)
    form = AcceptForm(request.POST)
    if form.is_valid():
        try:
            report.accept(by=request.user, comment=form.cleaned_data["comment"])
        except (ValidationError, WorkflowError) as exc:
            messages.error(request, " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))
            return redirect("reports:review", pk=report.pk)
        messages.success(request, _("The report of %(province)s was accepted.") % {"province": report.province})
        return redirect(_tracker_url(report))
    return _render_review(request, report, accept_form=form)
