"""The inspector's side of a report: the submission tracker and the review of one report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from reports import access, chains, changes, tracking
from reports.forms_review import AcceptForm, LongestRunningFilter, PeriodForm, ReturnForm, chosen_period
from reports.models import ProvinceReport, WorkflowError


@login_required
@require_GET
def tracker(request: HttpRequest) -> HttpResponse:
    roles = access.roles_of(request.user)
    if not roles.follows_zones:
        raise PermissionDenied
    period = chosen_period(request)
    zones = tracking.tracker_zones(request.user, period.fiscal_year) if period else []
    tracks = tracking.track(period, zones) if period else []
    tracking.add_links(tracks, reviews=roles.may_inspect)
    context = {
        "period": period,
        "period_form": PeriodForm(initial={"period": period}),
        "periods": PeriodForm.base_fields["period"].queryset.all(),
        "tracks": tracks,
        "is_admin": roles.is_admin,
        "reviews": roles.may_inspect,
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
        "resolutions": chains.resolutions(report),
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
    # A refused return or acceptance comes back here (post/redirect/get) with what was typed.
    refused = request.session.pop(_refused_key(report), None)
    if refused is None:
        return _render_review(request, report)
    form_class = ReturnForm if refused["form"] == "return" else AcceptForm
    form = form_class(refused["data"])
    form.is_valid()
    for message in refused.get("errors", []):
        form.add_error(None, message)
    forms = {"return_form": form} if refused["form"] == "return" else {"accept_form": form}
    return _render_review(request, report, **forms)


def _refused_key(report: ProvinceReport) -> str:
    return f"refused_review_{report.pk}"


def _refuse(request: HttpRequest, report: ProvinceReport, form_name: str, errors: list[str] = ()) -> HttpResponse:
    """Back to the review page, keeping what was typed, so that reloading it is harmless."""
    request.session[_refused_key(report)] = {
        "form": form_name,
        "data": {"comment": request.POST.get("comment", "")},
        "errors": list(errors),
    }
    return redirect("reports:review", pk=report.pk)


@login_required
@require_POST
def return_report(request: HttpRequest, pk: int) -> HttpResponse:
    report = access.get_report_for_user(request.user, pk, review=True)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        return _refuse(request, report, "return")
    try:
        report.return_to_province(form.cleaned_data["comment"], by=request.user)
    except ValidationError as exc:
        return _refuse(request, report, "return", exc.messages)
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("reports:review", pk=report.pk)
    messages.success(request, _("The report of %(province)s was returned.") % {"province": report.province})
    return redirect(_tracker_url(report))


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
    return _refuse(request, report, "accept")


# Rows per page of the longest-running problems.
PROBLEMS_PER_PAGE = 25


@login_required
@require_GET
def longest_running(request: HttpRequest) -> HttpResponse:
    """The problems still open in the reader's zones, longest-running first."""
    roles = access.roles_of(request.user)
    if not (roles.is_inspector or roles.reads_all_zones):
        raise PermissionDenied
    form = LongestRunningFilter(request.GET or None, user=request.user, reads_all=roles.reads_all_zones)
    zone = project = None
    if form.is_bound and form.is_valid():
        zone, project = form.cleaned_data["zone"], form.cleaned_data["project"]
    problems = chains.longest_running(user=request.user, zones=[zone.pk] if zone else None, project=project)
    page = Paginator(problems, PROBLEMS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode(), "reads_all": roles.reads_all_zones}
    return render(request, "reports/longest_running.html", context)
