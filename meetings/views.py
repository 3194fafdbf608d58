"""Follow-up meetings: create one, generate and edit its summary, publish it, print and download it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from meetings import access, documents, exports, pdf, summary, views_documents
from meetings.forms import ConflictError, MeetingForm, PublishForm, RegenerateForm, SummaryTextForm, draft_hash
from meetings.models import FollowUpMeeting
from reports import access as report_access
from reports.forms_review import PeriodForm, chosen_period


def _shown_tree(meeting: FollowUpMeeting) -> dict:
    """What readers, the print view and the downloads get: the published summary, else the draft."""
    if meeting.published is not None:
        return meeting.published
    return meeting.draft if meeting.draft is not None else summary.build(meeting)


@login_required
@require_GET
def meeting_list(request: HttpRequest) -> HttpResponse:
    roles = report_access.roles_of(request.user)
    context = {
        "meetings": access.meetings_visible_to(request.user),
        "may_add": roles.may_inspect,
    }
    return render(request, "meetings/list.html", context)


@login_required
def add_meeting(request: HttpRequest) -> HttpResponse:
    roles = report_access.roles_of(request.user)
    if not roles.may_inspect:
        raise PermissionDenied
    period = chosen_period(request)
    if period is None:
        messages.error(request, _("No reporting period exists yet. Ask an administrator to create one."))
        return redirect("meetings:list")
    form = MeetingForm(request.POST if request.method == "POST" else None, user=request.user, period=period)
    if request.method == "POST" and form.is_valid():
        meeting = form.save()
        meeting.generate_draft()
        messages.success(request, _("The meeting was created and its summary generated."))
        return redirect("meetings:detail", pk=meeting.pk)
    context = {"form": form, "period": period, "period_form": PeriodForm(initial={"period": period})}
    return render(request, "meetings/form.html", context)


@login_required
@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk)
    may_edit = access.may_edit_meeting(request.user, meeting)
    tree = meeting.draft if may_edit and meeting.draft is not None else _shown_tree(meeting)
    zones = meeting.zones.all()
    context = {
        **views_documents.page_context(request.user, meeting, zones),
        "meeting": meeting,
        "zones": zones,
        "tree": tree,
        "may_edit": may_edit,
        "showing_draft": may_edit or meeting.published is None,
        "unpublished_changes": meeting.published is not None and meeting.published != meeting.draft,
        "publish_form": PublishForm(initial={"draft_hash": draft_hash(meeting.draft)}),
        "regenerate_form": RegenerateForm(),
    }
    return render(request, "meetings/detail.html", context)


@login_required
def generate_summary(request: HttpRequest, pk: int) -> HttpResponse:
    """Generate the summary again; over hand edits only once confirmed, on a page of its own (GET)."""
    meeting = access.get_meeting_for_user(request.user, pk, edit=True)
    if request.method != "POST":
        if not meeting.draft_edited:
            return redirect("meetings:detail", pk=meeting.pk)
        return render(request, "meetings/regenerate.html", {"meeting": meeting, "form": RegenerateForm()})
    form = RegenerateForm(request.POST)
    form.is_valid()
    if meeting.draft_edited and not form.cleaned_data.get("confirm"):
        return redirect("meetings:generate", pk=meeting.pk)
    meeting.generate_draft()
    messages.success(request, _("The summary was generated from the reports."))
    return redirect("meetings:detail", pk=meeting.pk)


@login_required
def edit_summary_text(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk, edit=True)
    if meeting.draft is None:
        messages.error(request, _("Generate the summary before editing its text."))
        return redirect("meetings:detail", pk=meeting.pk)
    form = SummaryTextForm(meeting, request.POST if request.method == "POST" else None)
    conflicts = []
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except ConflictError:
            # Keep what was typed, against the draft as it is now, and show what changed.
            data = request.POST.copy()
            data["draft_hash"] = draft_hash(form.meeting.draft)
            form = SummaryTextForm(form.meeting, data)
            form.add_error(
                None,
                _(
                    "Someone changed this summary while you were editing it. Your text is kept here; "
                    "compare it with the saved text below, then save again."
                ),
            )
            conflicts = form.changed_elsewhere()
        else:
            messages.success(request, _("Your changes to the summary were saved."))
            return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/edit_text.html", {"meeting": meeting, "form": form, "conflicts": conflicts})


@login_required
@require_POST
def publish_summary(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk, edit=True)
    form = PublishForm(request.POST)
    if not form.is_valid() or form.cleaned_data["draft_hash"] != draft_hash(meeting.draft):
        messages.error(request, _("The summary changed since you opened the page. Read it again, then publish."))
        return redirect("meetings:detail", pk=meeting.pk)
    try:
        documents.publish(meeting, by=request.user)
    except exports.SummaryTooLarge:
        messages.error(
            request, _("This summary is too long to be published as a file. Shorten its text, then publish.")
        )
    except pdf.RendererBusy:
        messages.error(
            request, _("The server is busy making other documents. Nothing was published; try again in a minute.")
        )
    else:
        messages.success(request, _("The summary was published."))
    return redirect("meetings:detail", pk=meeting.pk)
