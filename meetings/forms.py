"""Forms of the meeting pages: a new meeting, the summary's text, regenerating and publishing."""

import copy
import hashlib
import json

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inspection_portal.fields import BuddhistDateField
from meetings import summary
from meetings.models import FollowUpMeeting
from provinces.models import InspectionZone
from reports import tracking
from reports.models import ReportingPeriod


class MeetingForm(forms.ModelForm):
    """A new follow-up meeting for one period, over some of the zones the user may choose."""

    class Meta:
        model = FollowUpMeeting
        fields = [
            "zones",
            "held_on",
            "mode",
            "platform",
            "place",
            "purpose",
            "topic_shortfalls",
            "topic_best_practices",
        ]
        field_classes = {"held_on": BuddhistDateField}
        widgets = {
            "zones": forms.CheckboxSelectMultiple,
            "mode": forms.RadioSelect,
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "topic_shortfalls": forms.Textarea(attrs={"rows": 2}),
            "topic_best_practices": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, user, period: ReportingPeriod, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.period = period
        self.instance.inspector = user
        zones = tracking.tracker_zones(user, period.fiscal_year)
        offered = InspectionZone.objects.all()
        self.fields["zones"].queryset = offered if zones is None else offered.filter(pk__in=[z.pk for z in zones])
        self.fields["zones"].label_from_instance = lambda zone: zone.full_name
        self.fields["zones"].error_messages["required"] = _("Choose at least one of your zones.")
        self.fields["held_on"].initial = timezone.localdate()
        self.fields["purpose"].initial = summary.default_purpose(period)
        self.fields["topic_shortfalls"].initial = summary.DEFAULT_TOPIC_SHORTFALLS
        self.fields["topic_best_practices"].initial = summary.DEFAULT_TOPIC_BEST_PRACTICES


def draft_hash(tree: dict | None) -> str:
    """A fingerprint of a summary tree, to notice that it changed since a page was loaded."""
    text = json.dumps(tree, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


class RegenerateForm(forms.Form):
    confirm = forms.BooleanField(label=_("Yes, discard my edits to the text"), required=False)


class PublishForm(forms.Form):
    draft_hash = forms.CharField(widget=forms.HiddenInput)


class ConflictError(Exception):
    """The draft changed after the editor loaded it."""


BLOCK_LABELS = {
    "paragraph": _("Paragraph"),
    "topic": _("Discussion topic"),
    "heading": _("Section heading"),
    "item": _("Item"),
}


class SummaryTextForm(forms.Form):
    """One textarea per block of the draft; saving checks nobody changed the draft meanwhile."""

    draft_hash = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, meeting: FollowUpMeeting, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["draft_hash"].initial = draft_hash(meeting.draft)
        for block in meeting.draft["blocks"]:
            rows = max(2, min(12, len(block["text"]) // 90 + 1))
            self.fields[self.field_name(block)] = forms.CharField(
                label=f"{BLOCK_LABELS.get(block['kind'], block['kind'])} ({block['key']})",
                initial=block["text"],
                widget=forms.Textarea(attrs={"rows": rows}),
                error_messages={"required": _("This text cannot be empty.")},
            )

    @staticmethod
    def field_name(block: dict) -> str:
        return f"block_{block['key']}"

    def changed_elsewhere(self) -> list[tuple[str, str]]:
        """(label, saved text) of the blocks whose saved text differs from what was posted."""
        return [
            (self.fields[self.field_name(block)].label, block["text"])
            for block in self.meeting.draft["blocks"]
            if self.data.get(self.field_name(block), "").strip() != block["text"]
        ]

    @transaction.atomic
    def save(self) -> None:
        """Store the texts as the new draft. Raises ConflictError if the draft changed since it was loaded."""
        locked = FollowUpMeeting.objects.select_for_update().get(pk=self.meeting.pk)
        if draft_hash(locked.draft) != self.cleaned_data["draft_hash"]:
            self.meeting = locked
            raise ConflictError
        tree = copy.deepcopy(locked.draft)
        for block in tree["blocks"]:
            block["text"] = self.cleaned_data[self.field_name(block)]
        self.meeting.draft = tree
        self.meeting.draft_edited = True
        self.meeting.save(update_fields=["draft", "draft_edited"])
