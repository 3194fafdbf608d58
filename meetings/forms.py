"""Forms of the meeting pages: a meeting's details, officials and topics; its provinces; the summary's text,
regenerating and publishing."""

import copy
import datetime
import hashlib
import json
import re
import uuid
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import transaction
from django.forms.models import BaseInlineFormSet, inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inspection_portal.fields import BuddhistDateField, PlainTextField
from inspection_portal.lib.thai import thai_date
from meetings import summary, wording
from meetings.models import (
    SUMMARY_BLOCK_MAX,
    FollowUpMeeting,
    MeetingOfficial,
    MeetingProvince,
    MeetingTopic,
    MonthlyIssue,
    months_of,
    presentation_order,
)
from provinces.models import InspectionZone, Person
from reports import tracking
from reports.models import ReportingPeriod

QUARTERLY = "quarterly"
# The highest meeting number ("ครั้งที่ N/year") accepted.
NUMBER_MAX = 99


def _people():
    return Person.objects.select_related("position", "province")


class PersonChoiceField(forms.ModelChoiceField):
    """A person named as documents name them: "นายสมชาย ใจดี รองอธิบดีกรมการพัฒนาชุมชน"."""

    def label_from_instance(self, person: Person) -> str:
        return person.name_and_position

    def offer(self, people: list[tuple[int, str]]) -> None:
        """Offer people read once for the whole page, instead of a query each time the field is drawn."""
        self.choices = [("", self.empty_label), *people]


def people_choices() -> list[tuple[int, str]]:
    return [(person.pk, person.name_and_position) for person in _people()]


# --- which meeting: the quarter and the kind (a GET form above the meeting form) ----------------


class KindForm(forms.Form):
    """The kind of a new meeting: the quarter's workshop, or the follow-up of one of its months."""

    kind = forms.ChoiceField(
        label=_("Kind of meeting"), required=False, widget=forms.Select(attrs={"class": "form-select"})
    )

    def __init__(self, *args, period: ReportingPeriod, **kwargs):
        super().__init__(*args, **kwargs)
        # What tells the choices apart comes first: a phone's select shows only the start of a long label.
        choices = [(QUARTERLY, _("Quarter %(quarter)s: follow-up workshop") % {"quarter": period.quarter})]
        for month in months_of(period):
            name = wording.month_name(month)
            choices.append((month.strftime("%Y-%m"), _("%(month)s: follow-up of the month's issues") % {"month": name}))
        self.fields["kind"].choices = choices
        self.fields["kind"].error_messages["invalid_choice"] = _(
            "“%%(value)s” is not a kind of meeting of %(quarter)s: choose the quarter's workshop or one of its "
            "three months."
        ) % {"quarter": period}

    @property
    def refused(self) -> bool:
        """A kind was asked for that the quarter does not have (a month outside it): nothing may be made."""
        return self.is_bound and not self.is_valid()

    def value(self) -> str:
        """The chosen kind as the chooser writes it: "quarterly" or "2021-03"."""
        return (self.cleaned_data.get("kind") if self.is_bound and self.is_valid() else "") or QUARTERLY

    def chosen(self) -> tuple[str, datetime.date | None]:
        """(FollowUpMeeting.Kind, month): the quarterly workshop unless a month of the quarter was chosen."""
        value = self.value()
        if value == QUARTERLY:
            return FollowUpMeeting.Kind.QUARTERLY, None
        year, month = (int(part) for part in value.split("-"))
        return FollowUpMeeting.Kind.MONTHLY, datetime.date(year, month, 1)


# --- the meeting's details ------------------------------------------------------------------


class MeetingForm(forms.ModelForm):
    """A meeting's details, over some of the zones the user may choose."""

    chair = PersonChoiceField(
        _people(),
        label=_("Chair"),
        empty_label=_("Choose who chairs the meeting"),
        error_messages={"required": _("Choose who chairs the meeting.")},
        help_text=_("The chair is named with their post; naming someone gives them no access to the portal."),
    )
    # A new meeting's form carries a one-time token: sent twice, it creates one meeting (views.add_meeting).
    creation_token = forms.UUIDField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = FollowUpMeeting
        fields = ["zones", "number", "title", "held_on", "mode", "platform", "place", "chair", "purpose"]
        field_classes = {"held_on": BuddhistDateField}
        widgets = {
            "zones": forms.CheckboxSelectMultiple,
            "mode": forms.RadioSelect,
            "purpose": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, period: ReportingPeriod, kind: str, month: datetime.date | None, **kwargs):
        super().__init__(*args, **kwargs)
        meeting = self.instance
        if meeting.pk is None:
            meeting.period, meeting.kind, meeting.month, meeting.inspector = period, kind, month, user
        zones = tracking.tracker_zones(user, meeting.period.fiscal_year)
        offered = InspectionZone.objects.all()
        if zones is not None:
            # Zones already chosen stay offered, so an administrator's choice is not lost on editing.
            chosen = list(meeting.zones.values_list("pk", flat=True)) if meeting.pk else []
            offered = offered.filter(pk__in=[zone.pk for zone in zones] + chosen)
        self.fields["zones"].queryset = offered
        self.fields["zones"].label_from_instance = lambda zone: zone.full_name
        self.fields["zones"].error_messages["required"] = _("Choose at least one of your zones.")
        self.offers_no_zone = not offered.exists()
        # ครั้งที่ N/year: 1 to NUMBER_MAX (0 was accepted and silently left out, 100000000000 overflowed).
        bounded = _("The meeting's number is from 1 to %(max)s.") % {"max": NUMBER_MAX}
        self.fields["number"].validators = [
            MinValueValidator(1, message=bounded),
            MaxValueValidator(NUMBER_MAX, message=bounded),
        ]
        self.fields["number"].widget.attrs.update(min=1, max=NUMBER_MAX)
        self.fields["number"].help_text = _("The department's numbering: ครั้งที่ N/%(year)s.") % {
            "year": meeting.period.fiscal_year
        }
        first, last = meeting.allowed_dates()
        self.fields["held_on"].help_text = _("Between %(first)s and %(last)s.") % {
            "first": thai_date(first),
            "last": thai_date(last),
        }
        self.fields["title"].widget.attrs["placeholder"] = summary.default_title(meeting)
        if meeting.pk is None:
            self.initial["creation_token"] = uuid.uuid4()
            # Today only when a meeting about it may be held today: a date outside the window always fails.
            today = timezone.localdate()
            self.initial["held_on"] = today if first <= today <= last else None
            self.initial["purpose"] = summary.default_purpose(meeting.period, monthly=meeting.is_monthly)
            self.initial["mode"] = FollowUpMeeting.Mode.ONLINE
            if not meeting.is_monthly:
                self.initial["number"] = meeting.period.quarter
        else:
            del self.fields["creation_token"]

    def save(self, commit: bool = True) -> FollowUpMeeting:
        if self.instance.pk is None:
            self.instance.creation_token = self.cleaned_data.get("creation_token")
        return super().save(commit)


class OfficialForm(forms.ModelForm):
    person = PersonChoiceField(_people(), label=_("Official attending"), empty_label=_("Choose a person"))

    class Meta:
        model = MeetingOfficial
        fields = ["person"]

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        # An empty row is simply not used; a row already saved is removed with its box.
        self.fields["person"].required = self.instance.pk is not None
        if people is not None:
            self.fields["person"].offer(people)


class BaseOfficialFormSet(BaseInlineFormSet):
    def __init__(self, *args, people=None, **kwargs):
        self.people = people
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "people": self.people}

    def clean(self) -> None:
        # Said beside the row, before the formset's own (generic) check for duplicates.
        if any(self.errors):
            return
        chair = getattr(self, "chair", None)
        seen = set()
        for form in self.forms:
            person = form.cleaned_data.get("person") if not self._should_delete_form(form) else None
            if person is None:
                continue
            if person == chair:
                form.add_error("person", _("The chair is already named; list only the other officials."))
            elif person.pk in seen:
                form.add_error("person", _("This person is listed twice."))
            seen.add(person.pk)
        if not any(self.errors):
            super().clean()


OfficialFormSet = inlineformset_factory(
    FollowUpMeeting, MeetingOfficial, form=OfficialForm, formset=BaseOfficialFormSet, extra=2, can_delete=True
)


class TopicForm(forms.ModelForm):
    """One topic: its kind, its title (or a monthly issue), and the inspector's points for a written section."""

    class Meta:
        model = MeetingTopic
        fields = ["kind", "issue", "title", "body"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2}), "body": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, issues=None, issue_choices=(), prefilled: bool = False, **kwargs):
        self.prefilled = prefilled
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Choose the kind of topic")), *MeetingTopic.Kind.choices]
        self.fields["kind"].error_messages["required"] = _("Choose the kind of topic.")
        self.fields["title"].required = False
        if issues is None:
            del self.fields["issue"]
        else:
            self.fields["issue"].queryset = issues
            self.fields["issue"].choices = [("", _("Type the issue below instead")), *issue_choices]
            self.fields["issue"].help_text = _("Pick one of the month's issues, or type one below.")

    def has_changed(self) -> bool:
        # A topic the form offered ready-made is kept even if it was not touched, unless it was emptied.
        if self.prefilled:
            return bool(
                self.data.get(self.add_prefix("kind")) or (self.data.get(self.add_prefix("title")) or "").strip()
            )
        return super().has_changed()

    def clean(self) -> dict:
        cleaned = super().clean()
        issue = cleaned.get("issue")
        title = (cleaned.get("title") or "").strip()
        if not title and issue is not None:
            title = issue.title
        if not title:
            self.add_error("title", _("Write the topic: it cannot be empty."))
        if issue is not None and cleaned.get("kind") != MeetingTopic.Kind.MONTHLY_ISSUE:
            cleaned["kind"] = MeetingTopic.Kind.MONTHLY_ISSUE
        cleaned["title"] = title
        return cleaned


class BaseTopicFormSet(BaseInlineFormSet):
    def __init__(self, *args, issues=None, prefilled: int = 0, **kwargs):
        self.issues, self.prefilled = issues, prefilled
        self.issue_choices = [(issue.pk, str(issue)) for issue in issues] if issues is not None else []
        super().__init__(*args, **kwargs)

    def get_queryset(self):
        if not hasattr(self, "_topics"):
            self._topics = super().get_queryset().select_related("issue")
        return self._topics

    def get_form_kwargs(self, index):
        first = self.initial_form_count()
        prefilled = index is not None and first <= index < first + self.prefilled
        kwargs = {"issues": self.issues, "issue_choices": self.issue_choices, "prefilled": prefilled}
        return {**super().get_form_kwargs(index), **kwargs}

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            issues=self.issues,
            issue_choices=self.issue_choices,
            renderer=self.renderer,
        )
        self.add_fields(form, None)
        return form

    def kept_forms(self) -> list[TopicForm]:
        """The topics the meeting will have: those saved before and not deleted, and the new ones filled in."""
        return [
            form
            for index, form in enumerate(self.forms)
            if (index < self.initial_form_count() or form.has_changed())
            and not self._should_delete_form(form)
            and form.cleaned_data.get("kind")
        ]

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        kept = self.kept_forms()
        if not kept:
            raise ValidationError(_("Give the meeting at least one topic."))
        for kind in MeetingTopic.FROM_REPORTS:
            if sum(form.cleaned_data["kind"] == kind for form in kept) > 1:
                raise ValidationError(
                    _("“%(kind)s” can be a topic only once.") % {"kind": MeetingTopic.Kind(kind).label}
                )


TopicFormSet = inlineformset_factory(
    FollowUpMeeting, MeetingTopic, form=TopicForm, formset=BaseTopicFormSet, extra=2, can_delete=True
)


def initial_topics(meeting: FollowUpMeeting, issues) -> list[dict]:
    """The topics a new meeting starts with: the seed's two for a workshop, the month's issues for a monthly one."""
    if meeting.is_monthly:
        return [{"kind": MeetingTopic.Kind.MONTHLY_ISSUE, "issue": issue.pk, "title": issue.title} for issue in issues]
    return [
        {"kind": MeetingTopic.Kind.SHORTFALLS, "title": summary.DEFAULT_TOPIC_SHORTFALLS},
        {"kind": MeetingTopic.Kind.BEST_PRACTICES, "title": summary.DEFAULT_TOPIC_BEST_PRACTICES},
    ]


@dataclass
class MeetingForms:
    """The meeting form and its two formsets (officials, topics), valid and saved together."""

    form: MeetingForm
    officials: BaseOfficialFormSet
    topics: BaseTopicFormSet

    @classmethod
    def make(cls, data, *, user, period, kind, month, instance=None) -> "MeetingForms":
        meeting = instance or FollowUpMeeting()
        form = MeetingForm(data, instance=meeting, user=user, period=period, kind=kind, month=month)
        meeting = form.instance
        people = people_choices()
        form.fields["chair"].offer(people)
        issues = MonthlyIssue.objects.filter(month=meeting.month) if meeting.is_monthly else None
        initial = [] if meeting.pk else initial_topics(meeting, issues if issues is not None else [])
        topics = TopicFormSet(
            data, instance=meeting, prefix="topics", issues=issues, initial=initial, prefilled=len(initial)
        )
        topics.extra = len(initial) + 2 if not meeting.pk else 2
        officials = OfficialFormSet(
            data, instance=meeting, prefix="officials", queryset=meeting_officials(meeting), people=people
        )
        return cls(form, officials, topics)

    def is_valid(self) -> bool:
        form_valid = self.form.is_valid()
        self.officials.chair = self.form.cleaned_data.get("chair") if form_valid else None
        return all([form_valid, self.officials.is_valid(), self.topics.is_valid()])

    @property
    def error_count(self) -> int:
        forms_ = [self.form, *self.officials.forms, *self.topics.forms]
        count = sum(len(form.errors) for form in forms_)
        return count + len(self.officials.non_form_errors()) + len(self.topics.non_form_errors())

    @transaction.atomic
    def save(self) -> FollowUpMeeting:
        meeting = self.form.save()
        self.officials.instance = self.topics.instance = meeting
        for formset in (self.officials, self.topics):
            for position, form in enumerate(formset.forms):
                form.instance.position = position
        self.officials.save()
        for form in self.topics.kept_forms():
            form.instance.title = form.cleaned_data["title"]
            form.instance.kind = form.cleaned_data["kind"]
        self.topics.save()
        return meeting


def meeting_officials(meeting: FollowUpMeeting):
    if meeting.pk is None:
        return MeetingOfficial.objects.none()
    return meeting.officials.select_related("person__position", "person__province")


# --- the meeting's provinces ---------------------------------------------------------------


class ProvinceRowForm(forms.Form):
    """One province of the meeting's zones: does it take part, when did it present, who presented."""

    included = forms.BooleanField(label=_("Takes part"), required=False)
    position = forms.IntegerField(label=_("Presentation order"), required=False, min_value=1, max_value=99)
    presenter = forms.TypedChoiceField(
        label=_("Presenter"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.Select(attrs={"class": "form-select presenter-select"}),
    )

    def __init__(self, *args, province, people: list[Person], **kwargs):
        super().__init__(*args, **kwargs)
        self.province = province
        self.fields["presenter"].choices = [("", _("No one named"))] + [
            (person.pk, person.name_and_position) for person in people
        ]


class BaseProvinceRowFormSet(forms.BaseFormSet):
    def __init__(self, *args, provinces, people: dict[int, list[Person]], **kwargs):
        self.provinces, self.people = provinces, people
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        province = self.provinces[index]
        return {"province": province, "people": self.people.get(province.pk, [])}

    def clean(self) -> None:
        if any(self.errors):
            return
        included = [form for form in self.forms if form.cleaned_data.get("included")]
        if not included:
            raise ValidationError(_("Keep at least one province in the meeting."))
        positions = [form.cleaned_data["position"] for form in included if form.cleaned_data.get("position")]
        if len(positions) != len(set(positions)):
            raise ValidationError(_("Two provinces have the same presentation order: give each its own number."))


ProvinceRowFormSet = forms.formset_factory(ProvinceRowForm, formset=BaseProvinceRowFormSet, extra=0)


def province_rows_formset(meeting: FollowUpMeeting, data=None) -> BaseProvinceRowFormSet:
    """The provinces page's rows: every province reporting under the meeting's zones, in the meeting's order,
    each offered its own people as presenter (its chief first chosen). Four queries, whatever the count."""
    zone_numbers = dict(meeting.zones.values_list("pk", "number"))
    rows = {row.province_id: row for row in meeting.province_rows.all()}
    provinces = presentation_order(meeting.candidate_provinces(), rows, zone_numbers)
    people: dict[int, list[Person]] = {}
    for person in _people().filter(province__in=[province.pk for province in provinces]):
        people.setdefault(person.province_id, []).append(person)
    initial = [
        {
            "included": meeting.all_provinces or province.pk in rows,
            "position": rows[province.pk].position if province.pk in rows else None,
            "presenter": rows[province.pk].presenter_id if province.pk in rows else province.chief_id,
        }
        for province in provinces
    ]
    return ProvinceRowFormSet(data, prefix="provinces", initial=initial, provinces=provinces, people=people)


@transaction.atomic
def save_province_rows(meeting: FollowUpMeeting, formset: BaseProvinceRowFormSet) -> None:
    """Keep a row for every province taking part; every province of the zones taking part means all_provinces."""
    kept = {
        form.province.pk: (form.cleaned_data.get("position"), form.cleaned_data.get("presenter"))
        for form in formset.forms
        if form.cleaned_data.get("included")
    }
    meeting.province_rows.exclude(province__in=list(kept)).delete()
    for province_id, (position, presenter_id) in kept.items():
        MeetingProvince.objects.update_or_create(
            meeting=meeting, province_id=province_id, defaults={"position": position, "presenter_id": presenter_id}
        )
    meeting.all_provinces = len(kept) == len(formset.forms)
    meeting.save(update_fields=["all_provinces"])


def draft_hash(tree: dict | None) -> str:
    """A fingerprint of a summary tree, to notice that it changed since a page was loaded."""
    text = json.dumps(tree, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


class RegenerateForm(forms.Form):
    confirm = forms.BooleanField(label=_("Yes, discard my edits to the text"), required=False)
    # Sent by the question page: the box was offered (and left unticked), not skipped.
    asked = forms.BooleanField(required=False, widget=forms.HiddenInput)


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
    "purpose": _("Purpose of the meeting"),
    "purposes-close": _("After the purposes: where the meeting was held and the lead into the topics"),
    "intro": _("Introduction to the findings"),
}
# A topic's blocks: topic-N (listed in the opening), sN (its section's heading), sN-M (its items), sN-none.
TOPIC_BLOCK = re.compile(
    r"^(?:topic-(?P<topic>\d+)|s(?P<section>\d+)(?:-(?P<item>\d+|none))?|purpose-(?P<purpose>\d+))$"
)
# How long a topic's title may be in a label before it is cut.
LABEL_TITLE_MAX = 60


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_TITLE_MAX else text[: LABEL_TITLE_MAX - 1] + "…"


def block_label(block: dict, tree: dict, *, chaired: bool = True) -> str:
    """A block's label in words, following the meeting's own topics and chair: "Section 4, item 1: <project>",
    "Heading of section 1: <the topic>", never its internal key."""
    key = block["key"]
    if key == "header":
        if chaired:
            return str(_("Opening: date, chair, zones and provinces"))
        return str(_("Opening: date, inspector, zones and provinces"))
    if key in NAMED_BLOCKS:
        return str(NAMED_BLOCKS[key])
    match = TOPIC_BLOCK.match(key)
    if match is None:
        return str(BLOCK_LABELS.get(block["kind"], _("Paragraph")))
    if match["purpose"]:
        return str(_("Purpose %(number)s") % {"number": match["purpose"]})
    if match["topic"]:
        return str(_("Topic %(number)s in the opening's list") % {"number": match["topic"]})
    headings = {entry["key"]: entry["text"] for entry in tree.get("blocks", []) if entry["kind"] == "heading"}
    section = match["section"]
    title = _short(headings.get(f"s{section}", ""))
    if match["item"] is None:
        return str(_("Heading of section %(section)s: %(title)s") % {"section": section, "title": title})
    if match["item"] == "none":
        return str(_("Section %(section)s: nothing to report") % {"section": section})
    for entry in [*tree.get("section1", []), *tree.get("section2", [])]:
        if entry["key"] == key:
            return str(
                _("Section %(section)s, item %(number)s: %(project)s")
                % {"section": section, "number": match["item"], "project": entry["project"]}
            )
    return str(
        _("Section %(section)s (%(title)s), item %(number)s")
        % {"section": section, "title": title, "number": match["item"]}
    )


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
                label=block_label(block, meeting.draft, chaired=meeting.chair_id is not None),
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
