"""Follow-up meetings: create and change one, choose its provinces, generate and edit its summary, publish it,
delete a draft, print and download it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from meetings import access, documents, exports, pdf, rendered, summary, views_documents
from meetings.forms import (
    QUARTERLY,
    ConflictError,
    KindForm,
    MeetingForms,
    PublishForm,
    RegenerateForm,
    SummaryTextForm,
    draft_hash,
    province_rows_formset,
    save_province_rows,
)
from meetings.models import FollowUpMeeting, MeetingTopic
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


def _refresh_draft(request: HttpRequest, meeting: FollowUpMeeting) -> None:
    """After the meeting changed: regenerate its draft, unless the text was edited by hand (then say so)."""
    if meeting.draft_edited:
        messages.warning(
            request,
            _(
                "The summary's text was edited by hand, so it was not regenerated. "
                "Regenerate it from the reports to take in this change."
            ),
        )
    else:
        meeting.generate_draft()


def _kind_mismatch(request: HttpRequest, period, kind_form: KindForm) -> str | None:
    """Why a new meeting's POST may not be saved: the quarter or kind chosen above the form (sent along as
    chosen_period / chosen_kind) is not the one the form was made for, because "Choose" was not pressed."""
    chosen_kind = request.POST.get("chosen_kind", kind_form.value())
    chosen_period = request.POST.get("chosen_period", str(period.pk))
    if chosen_kind == kind_form.value() and chosen_period == str(period.pk):
        return None
    labels = dict(kind_form.fields["kind"].choices)
    return _(
        "The meeting was not created: you chose “%(chosen)s” above, but the form below is for “%(shown)s” of "
        "%(period)s. Press “Choose” to open the form of the meeting you chose, or choose “%(shown)s” again."
    ) % {
        "chosen": labels.get(chosen_kind, chosen_kind) if chosen_period == str(period.pk) else chosen_kind,
        "shown": labels[kind_form.value()],
        "period": period,
    }


@login_required
def add_meeting(request: HttpRequest) -> HttpResponse:
    roles = report_access.roles_of(request.user)
    if not roles.may_inspect:
        raise PermissionDenied
    period = chosen_period(request)
    if period is None:
        messages.error(request, _("No reporting period exists yet. Ask an administrator to create one."))
        return redirect("meetings:list")
    kind_form = KindForm(request.GET or None, period=period)
    context = {
        "period": period,
        "period_form": PeriodForm(initial={"period": period}),
        "kind_form": kind_form if kind_form.is_bound else KindForm(initial={"kind": QUARTERLY}, period=period),
        "action": f"{request.path}?{request.GET.urlencode()}",
    }
    if kind_form.refused:
        # A kind the quarter does not have (?kind= a month outside it): say so and offer no form to send.
        return render(request, "meetings/form.html", {**context, "forms": None}, status=400)
    kind, month = kind_form.chosen()
    forms = MeetingForms.make(
        request.POST if request.method == "POST" else None,
        user=request.user,
        period=period,
        kind=kind,
        month=month,
    )
    mismatch = _kind_mismatch(request, period, kind_form) if request.method == "POST" else None
    if request.method == "POST" and mismatch is None and forms.is_valid():
        try:
            meeting = forms.save()
        except IntegrityError:
            # The same form sent again (a double click): its token already made a meeting.
            token = forms.form.cleaned_data.get("creation_token")
            earlier = FollowUpMeeting.objects.filter(creation_token=token).first() if token else None
            if earlier is None:
                raise
            messages.info(request, _("This form was sent twice; the meeting was created once."))
            return redirect("meetings:detail", pk=earlier.pk)
        meeting.generate_draft()
        messages.success(request, _("The meeting was created and its summary generated."))
        return redirect("meetings:detail", pk=meeting.pk)
    context.update({"forms": forms, "kind_mismatch": mismatch, "chosen_kind": kind_form.value()})
    return render(request, "meetings/form.html", context, status=400 if request.method == "POST" else 200)


@login_required
def edit_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, pk, edit=True)
    forms = MeetingForms.make(
        request.POST if request.method == "POST" else None,
        user=request.user,
        period=meeting.period,
        kind=meeting.kind,
        month=meeting.month,
        instance=meeting,
    )
    if request.method == "POST" and forms.is_valid():
        meeting = forms.save()
        messages.success(request, _("The meeting's details were saved."))
        _refresh_draft(request, meeting)
        return redirect("meetings:detail", pk=meeting.pk)
    context = {"forms": forms, "meeting": meeting, "period": meeting.period, "action": request.path}
    return render(request, "meetings/form.html", context, status=400 if request.method == "POST" else 200)


@login_required
def meeting_provinces(request: HttpRequest, pk: int) -> HttpResponse:
    """Which provinces of the zones take part, in which order they presented, and who presented for each."""
    meeting = access.get_meeting_for_user(request.user, pk, edit=True)
    formset = province_rows_formset(meeting, request.POST if request.method == "POST" else None)
    if request.method == "POST" and formset.is_valid():
        save_province_rows(meeting, formset)
        messages.success(request, _("The meeting's provinces were saved."))
        _refresh_draft(request, meeting)
        return redirect("meetings:detail", pk=meeting.pk)
    context = {"meeting": meeting, "formset": formset}
    return render(request, "meetings/provinces.html", context, status=400 if request.method == "POST" else 200)


@login_required
@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    # The summaries' JSON is not read: the page shows their HTML as rendered once per version.
    meeting = access.get_meeting_for_user(request.user, pk, defer_summaries=True)
    may_edit = access.may_edit_meeting(request.user, meeting)
    published_equals_draft = False
    if may_edit and meeting.published_at is not None:
        # The draft with its body, the published one's fingerprint: one cache read.
        found = rendered.summaries(meeting, {rendered.DRAFT: True, rendered.PUBLISHED: False})
        draft, published = found[rendered.DRAFT], found[rendered.PUBLISHED]
        published_equals_draft = bool(draft and published and draft["digest"] == published["digest"])
        published_equals_draft = published_equals_draft and meeting.published_with_its_provinces()
        shown, source = (draft, rendered.DRAFT) if draft else rendered.shown(meeting, prefer_draft=True)
    else:
        shown, source = rendered.shown(meeting, prefer_draft=may_edit)
    zones = meeting.zones.all()
    context = {
        **views_documents.page_context(request.user, meeting, zones, may_edit=may_edit),
        "meeting": meeting,
        "zones": zones,
        "tree": shown,
        "summary_html": shown["html"],
        "has_draft": source == rendered.DRAFT,
        "may_edit": may_edit,
        "showing_draft": may_edit or meeting.published_at is None,
        "published_equals_draft": published_equals_draft,
        "changed_reports": meeting.reports_changed_since_publishing() if may_edit else [],
        "empty_topics": meeting.topics.filter(kind__in=MeetingTopic.WRITTEN, body="") if may_edit else [],
        "regenerate_form": RegenerateForm(),
    }
    return render(request, "meetings/detail.html", context)


@login_required
def generate_summary(request: HttpRequest, pk: int) -> HttpResponse:
    """Generate the summary again. Over hand edits it asks first (GET shows the question), and keeps asking
    until the box is ticked."""
    meeting = access.get_meeting_for_user(request.user, pk, edit=True)
    if request.method == "POST":
        form = RegenerateForm(request.POST)
        form.is_valid()
        if not meeting.draft_edited or form.cleaned_data.get("confirm"):
            meeting.generate_draft()
            messages.success(request, _("The summary was generated from the reports."))
            return redirect("meetings:detail", pk=meeting.pk)
        if form.cleaned_data.get("asked"):
            messages.error(
                request,
                _("The summary was not regenerated: tick the box to discard your edits, or keep them."),
            )
        return redirect("meetings:generate", pk=meeting.pk)
    if not meeting.draft_edited:
        return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/regenerate.html", {"meeting": meeting, "form": RegenerateForm()})


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
def publish_summary(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks to confirm (who will read it, whether it replaces a published version); POST publishes."""
    meeting = access.get_meeting_for_user(request.user, pk, edit=True)
    if meeting.draft is None:
        messages.error(request, _("Generate the summary before publishing it."))
        return redirect("meetings:detail", pk=meeting.pk)
    if request.method == "POST":
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
    context = {
        "meeting": meeting,
        "form": PublishForm(initial={"draft_hash": draft_hash(meeting.draft)}),
        "readers": meeting.draft["provinces"],
        "published_equals_draft": meeting.published_equals_draft,
    }
    return render(request, "meetings/publish.html", context)


@login_required
def delete_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete a meeting that was never published (GET asks to confirm)."""
    meeting = access.get_meeting_for_user(request.user, pk, edit=True)
    if meeting.is_published:
        messages.error(
            request,
            _(
                "A published meeting cannot be deleted: its summary was published, so its provinces' officers "
                "may have read it."
            ),
        )
        return redirect("meetings:detail", pk=meeting.pk)
    if request.method == "POST":
        meeting.delete()
        messages.success(request, _("The meeting was deleted."))
        return redirect("meetings:list")
    return render(request, "meetings/delete.html", {"meeting": meeting})
