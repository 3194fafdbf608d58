"""Forms of the meeting pages: a new meeting, the summary's text, regenerating and publishing."""

import copy
import hashlib
import json

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inspection_portal.fields import BuddhistDateField, PlainTextField
from meetings import summary
from meetings.models import SUMMARY_BLOCK_MAX, FollowUpMeeting
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
    "purpose": _("Purpose"),
    "topic": _("Discussion topic"),
    "heading": _("Section heading"),
    "item": _("Item"),
}
# What each fixed block of the summary is, in words (summary.build's keys).
NAMED_BLOCKS = {
    "header": _("Opening: date, inspector, zones and provinces"),
    "purpose": _("Purpose of the meeting"),
    "topic-1": _("First discussion topic"),
    "topic-2": _("Second discussion topic"),
    "intro": _("Introduction to the findings"),
    "s1": _("Heading of part 1: work that did not reach its target"),
    "s2": _("Heading of part 2: work other provinces can learn from"),
    "s1-none": _("Part 1: nothing to report"),
    "s2-none": _("Part 2: nothing to report"),
}


def block_label(block: dict, tree: dict) -> str:
    """A block's label in words: "Part 1, item 2: <project>", never its internal key."""
    if block["key"] in NAMED_BLOCKS:
        return str(NAMED_BLOCKS[block["key"]])
    for part, entries in (("1", tree.get("section1", [])), ("2", tree.get("section2", []))):
        for number, entry in enumerate(entries, start=1):
            if entry["key"] == block["key"]:
                return str(
                    _("Part %(part)s, item %(number)s: %(project)s")
                    % {"part": part, "number": number, "project": entry["project"]}
                )
    return str(BLOCK_LABELS.get(block["kind"], _("Paragraph")))


class SummaryTextForm(forms.Form):
    """One textarea per block of the draft; saving checks nobody changed the draft meanwhile."""

    draft_hash = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, meeting: FollowUpMeeting, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["draft_hash"].initial = draft_hash(meeting.draft)
        for block in meeting.draft["blocks"]:
            rows = max(2, min(12, len(block["text"]) // 90 + 1))
            self.fields[self.field_name(block)] = PlainTextField(
                max_length=SUMMARY_BLOCK_MAX,
                label=block_label(block, meeting.draft),
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
