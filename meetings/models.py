"""Follow-up meetings: a meeting with the provinces of some zones about a quarter or one of its months, and its summary.

A meeting is a quarterly workshop (the seed's kind, numbered "ครั้งที่ N/ปี") or a monthly
follow-up on the month's inspection issues; either may take every province of its zones or
a chosen few. Its topics (MeetingTopic) make the summary's sections; its people are
provinces.Person records (a chair, officials, each province's presenter), which give no
access to anything. Who may see and change a meeting is meetings/access.py's.
"""

import copy
import datetime
import uuid
from calendar import monthrange

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from inspection_portal.fields import BoundedTextField, PlainCharField
from inspection_portal.lib.thai import sorted_by_zone, thai_date
from meetings import notices
from provinces.models import InspectionZone, Person, Province
from reports.models import ProvinceReport, ReportingPeriod, ReviewEvent, with_reporting_zone

# How long after its quarter (or month) ends a meeting about it may still be held, in months.
MONTHS_AFTER = 3


def month_end(day: datetime.date, months_later: int = 0) -> datetime.date:
    """The last day of the month `months_later` months after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months_later
    year, month = divmod(index, 12)
    return datetime.date(year, month + 1, monthrange(year, month + 1)[1])


def months_of(period: ReportingPeriod) -> list[datetime.date]:
    """The first days of the three months of a quarter."""
    return [month_end(period.start_date, offset).replace(day=1) for offset in range(3)]


def presentation_order(provinces, rows: dict, zone_numbers: dict[int, int]) -> list[Province]:
    """Provinces (annotated with `reporting_zone_id`) in a meeting's order: those given a presentation order
    first, by it; the others in the documents' order — zone, the zone's official order, Thai dictionary order."""
    documents_order = sorted_by_zone(
        provinces,
        zone=lambda p: zone_numbers.get(p.reporting_zone_id, 0),
        name=lambda p: p.name_th,
        position=lambda p: p.zone_position,
    )

    def presented(province) -> tuple:
        row = rows.get(province.pk)
        place = row.position if row is not None else None
        return (place is None, place or 0)

    return sorted(documents_order, key=presented)


class MonthlyIssue(models.Model):
    """One of a month's inspection issues (ประเด็นการตรวจราชการประจำเดือน), set once for the whole country."""

    month = models.DateField(_("month"), help_text=_("Any day of the month; the first day is kept."))
    number = models.PositiveSmallIntegerField(_("number"))
    title = PlainCharField(_("issue"), max_length=500)

    class Meta:
        ordering = ["-month", "number"]
        constraints = [models.UniqueConstraint(fields=["month", "number"], name="unique_issue_number_per_month")]
        verbose_name = _("monthly inspection issue")
        verbose_name_plural = _("monthly inspection issues")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def save(self, *args, **kwargs) -> None:
        self.month = self.month.replace(day=1)
        super().save(*args, **kwargs)


# Longest texts accepted for a meeting's purpose and topics (the points written under a topic), and for one
# block of its summary.
PURPOSE_MAX = 2_000
TOPIC_BODY_MAX = 4_000
SUMMARY_BLOCK_MAX = 20_000


def published_file_path(meeting: "FollowUpMeeting", filename: str) -> str:
    """Where a published summary's file is stored: its name is the hash of its content (meetings/documents.py)."""
    return f"summaries/{meeting.pk}/{filename}"


class FollowUpMeetingQuerySet(models.QuerySet):
    def update(self, **kwargs) -> int:
        """An update of the draft or the published summary gives the meetings a new summary_token too, as save()
        does (meetings/rendered.py): their rendered HTML is then never served stale, however they were written."""
        if {"draft", "published"} & kwargs.keys():
            kwargs.setdefault("summary_token", uuid.uuid4())
        return super().update(**kwargs)


class FollowUpMeeting(models.Model):
    """A follow-up meeting about a quarter (or one of its months) with the provinces of one or more zones."""

    class Kind(models.TextChoices):
        QUARTERLY = "quarterly", _("quarterly follow-up workshop")
        MONTHLY = "monthly", _("monthly follow-up on the month's inspection issues")

    class PageNumbers(models.TextChoices):
        LABEL = "label", _("“page 2” (หน้า 2)")
        THAI_DIGITS = "thai_digits", _("Thai digits (๒)")

    class Mode(models.TextChoices):
        ONLINE = "online", _("online")
        ON_SITE = "on_site", _("on site")

    kind = models.CharField(_("kind of meeting"), max_length=10, choices=Kind.choices, default=Kind.QUARTERLY)
    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("reporting period"), on_delete=models.PROTECT, related_name="meetings"
    )
    month = models.DateField(
        _("month"), null=True, blank=True, help_text=_("A monthly follow-up's month (its first day).")
    )
    number = models.PositiveSmallIntegerField(
        _("number in the fiscal year"),
        null=True,
        blank=True,
        help_text=_("The department's numbering “ครั้งที่ N/year”: for a quarterly workshop, usually the quarter."),
    )
    title = PlainCharField(
        _("title"), max_length=500, blank=True, help_text=_("Leave empty for the department's usual title.")
    )
    zones = models.ManyToManyField(InspectionZone, verbose_name=_("inspection zones"), related_name="meetings")
    all_provinces = models.BooleanField(
        _("every province of the zones"),
        default=True,
        help_text=_("Off: only the provinces chosen for the meeting take part and read its summary."),
    )
    # Who created the meeting: it gives no right (meetings/access.py); a meeting recorded
    # without a chair is written as conducted by this inspector, as the seed's meeting was.
    inspector = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="meetings"
    )
    chair = models.ForeignKey(
        Person,
        verbose_name=_("chair"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chaired_meetings",
    )
    held_on = models.DateField(_("date"))
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.ONLINE)
    platform = PlainCharField(_("online platform"), max_length=120, blank=True, help_text=_("For example ZOOM Meeting"))
    place = PlainCharField(_("place"), max_length=300, blank=True, help_text=_("For example โรงแรม… อำเภอ… จังหวัด…"))
    purpose = BoundedTextField(
        _("purposes"),
        max_length=PURPOSE_MAX,
        help_text=_("One purpose per line; several lines are numbered 1) 2) … in the summary."),
    )
    # The summary as generated and then edited by the inspector, and the frozen copy
    # made when it was published: both are the plain tree of meetings/summary.py.
    draft = models.JSONField(_("summary draft"), null=True, blank=True)
    draft_edited = models.BooleanField(_("draft edited by hand"), default=False)
    published = models.JSONField(_("published summary"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The provinces the summary was published with: their officers read it, whatever the provinces chosen
    # since, until it is published again (FollowUpMeeting.province_ids).
    published_provinces = models.ManyToManyField(
        Province, verbose_name=_("provinces published to"), blank=True, related_name="+"
    )
    # The published summary's Word and PDF files, rendered once when publishing (meetings/documents.py).
    published_docx = models.FileField(
        _("published Word file"), upload_to=published_file_path, max_length=200, blank=True
    )
    published_pdf = models.FileField(_("published PDF file"), upload_to=published_file_path, max_length=200, blank=True)
    page_numbers = models.CharField(
        _("page numbers"), max_length=12, choices=PageNumbers.choices, default=PageNumbers.LABEL
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # A new random value whenever the draft or the published summary is written: the key of their
    # rendered HTML in the cache (meetings/rendered.py), so a changed summary is never served stale.
    summary_token = models.UUIDField(_("summary version"), default=uuid.uuid4, editable=False)
    # The one-time token of the form that created the meeting: the same form sent twice (a double click)
    # creates it once (meetings/views.py add_meeting).
    creation_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    history = HistoricalRecords(
        excluded_fields=["draft", "published", "published_docx", "published_pdf", "summary_token", "creation_token"]
    )

    objects = FollowUpMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("follow-up meeting")
        verbose_name_plural = _("follow-up meetings")

    def __str__(self) -> str:
        return _("Follow-up meeting of %(date)s") % {"date": thai_date(self.held_on)}

    def save(self, *args, **kwargs) -> None:
        """Any write of the draft or the published summary gives the meeting a new summary_token."""
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {"draft", "published"} & set(update_fields):
            self.summary_token = uuid.uuid4()
            if update_fields is not None:
                kwargs["update_fields"] = [*update_fields, "summary_token"]
        super().save(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        if "published" in self.get_deferred_fields():  # published_at is set with it (publish)
            return self.published_at is not None
        return self.published is not None

    @property
    def is_monthly(self) -> bool:
        return self.kind == self.Kind.MONTHLY

    # --- its provinces ---------------------------------------------------------------

    def candidate_provinces(self) -> models.QuerySet:
        """Every province reporting under the meeting's zones that quarter (reports.models.with_reporting_zone),
        annotated with `reporting_zone_id`; unordered."""
        return with_reporting_zone(Province.objects.all(), self.period_id).filter(
            reporting_zone_id__in=self.zones.values("pk")
        )

    def member_provinces(self) -> models.QuerySet:
        """The meeting's provinces: the candidates, or with all_provinces off the chosen ones among them."""
        provinces = self.candidate_provinces()
        if not self.all_provinces:
            provinces = provinces.filter(meeting_rows__meeting=self.pk)
        return provinces

    def province_ids(self) -> list[int]:
        """The pks of the provinces whose officers read its summary: once published, those it was published
        with (recorded by `publish`), not the provinces chosen since; before, the meeting's provinces."""
        if self.is_published:
            return list(self.published_provinces.values_list("pk", flat=True))
        return self.member_ids()

    def member_ids(self) -> list[int]:
        """The pks of the meeting's provinces as chosen now."""
        return list(self.member_provinces().values_list("pk", flat=True))

    def ordered_members(self, zone_numbers: dict[int, int], rows=None) -> list[tuple[Province, "MeetingProvince"]]:
        """The meeting's provinces with their meeting row (or None), in the meeting's order. Two queries."""
        rows = {row.province_id: row for row in (self.province_rows.all() if rows is None else rows)}
        provinces = presentation_order(self.member_provinces(), rows, zone_numbers)
        return [(province, rows.get(province.pk)) for province in provinces]

    # --- dates -----------------------------------------------------------------------

    def allowed_dates(self) -> tuple[datetime.date, datetime.date]:
        """The first and last day the meeting may be held: from its quarter's (or month's) first day to one
        quarter after its last day."""
        if self.is_monthly and self.month is not None:
            return self.month, month_end(self.month, MONTHS_AFTER)
        return self.period.start_date, month_end(self.period.end_date, MONTHS_AFTER)

    def clean(self) -> None:
        errors = {}
        if self.mode == self.Mode.ONLINE and not self.platform.strip():
            errors["platform"] = _("Name the online platform, for example ZOOM Meeting.")
        if self.mode == self.Mode.ON_SITE and not self.place.strip():
            errors["place"] = _("Say where the meeting is held.")
        if self.is_monthly and self.period_id is not None:
            if self.month is None or self.month.replace(day=1) not in months_of(self.period):
                errors["month"] = _("Choose one of the quarter's three months.")
        elif self.month is not None:
            errors["month"] = _("Only a monthly follow-up has a month.")
        if self.held_on is not None and self.period_id is not None and "month" not in errors:
            first, last = self.allowed_dates()
            if not first <= self.held_on <= last:
                errors["held_on"] = _(
                    "A meeting about %(about)s may be held from %(first)s to %(last)s: not before it begins, "
                    "nor more than one quarter after it ends."
                ) % {"about": self.about(), "first": thai_date(first), "last": thai_date(last)}
        if errors:
            raise ValidationError(errors)

    def about(self) -> str:
        """What the meeting follows up, for messages: "Q3 FY 2564" or "มีนาคม 2564"."""
        if self.is_monthly and self.month is not None:
            return thai_date(self.month).split(" ", 1)[1]
        return str(self.period)

    # --- the summary -----------------------------------------------------------------

    def generate_draft(self) -> None:
        """Build the summary afresh from the meeting and the reports, discarding any hand edits."""
        from meetings import summary

        self.draft = summary.build(self)
        self.draft_edited = False
        self.save(update_fields=["draft", "draft_edited"])

    @transaction.atomic
    def publish(self, by) -> None:
        """Freeze the current draft (generating it first if needed) as the published summary."""
        if self.draft is None:
            self.generate_draft()
        self.published = copy.deepcopy(self.draft)
        self.published_at = timezone.now()
        self.published_by = by
        self.save(update_fields=["published", "published_at", "published_by"])
        self.published_provinces.set(self.member_ids())
        notices.summary_published(self, by)

    @property
    def published_equals_draft(self) -> bool:
        """The published copy is the draft: the same text, published with the provinces the meeting has now."""
        if self.published is None or self.published != self.draft:
            return False
        return self.published_with_its_provinces()

    def published_with_its_provinces(self) -> bool:
        """The summary was published with the provinces the meeting has now (its text aside)."""
        return set(self.published_provinces.values_list("pk", flat=True)) == set(self.member_ids())

    def reports_changed_since_publishing(self) -> list[ProvinceReport]:
        """The meeting's provinces' reports that changed after the summary was published, in one query, each with
        `changed_at` (when it was last submitted again, None when it was sent back).

        Changed: submitted again after publishing, or returned or reopened after publishing (its text is out of
        the summary until it is submitted again). Accepting a report changes none of its text, so it does not
        count.
        """
        if self.published_at is None:
            return []
        after = ReviewEvent.objects.filter(report=OuterRef("pk"), at__gt=self.published_at)
        submitted = after.filter(action__in=ReviewEvent.SUBMISSIONS).order_by("-at").values("at")[:1]
        sent_back = after.filter(action__in=[ReviewEvent.Action.RETURNED, ReviewEvent.Action.REOPENED])
        return list(
            ProvinceReport.objects.filter(period=self.period_id, province__in=self.member_provinces().values("pk"))
            .annotate(changed_at=Subquery(submitted))
            .filter(
                Q(status__in=ProvinceReport.SUMMARY_STATUSES, changed_at__isnull=False)
                | Q(status=ProvinceReport.Status.RETURNED) & Exists(sent_back)
            )
            .select_related("province")
            .order_by("province__name_th")
        )


class MeetingOfficial(models.Model):
    """An official who attends with the chair ("พร้อมด้วย …"), in the order the document names them."""

    meeting = models.ForeignKey(FollowUpMeeting, on_delete=models.CASCADE, related_name="officials")
    person = models.ForeignKey(Person, verbose_name=_("official"), on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["meeting", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="unique_official_per_meeting")]
        verbose_name = _("official attending")
        verbose_name_plural = _("officials attending")

    def __str__(self) -> str:
        return str(self.person)


class MeetingProvince(models.Model):
    """A province's place in one meeting: chosen (when not every province takes part), its presentation
    order, and who presented for it."""

    meeting = models.ForeignKey(FollowUpMeeting, on_delete=models.CASCADE, related_name="province_rows")
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.CASCADE, related_name="meeting_rows"
    )
    position = models.PositiveSmallIntegerField(_("presentation order"), null=True, blank=True)
    presenter = models.ForeignKey(
        Person, verbose_name=_("presenter"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["meeting", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "province"], name="unique_province_per_meeting")]
        verbose_name = _("province of a meeting")
        verbose_name_plural = _("provinces of a meeting")

    def __str__(self) -> str:
        return str(self.province)


class MeetingTopic(models.Model):
    """One discussion topic of a meeting, in order: it is listed in the header and makes one section."""

    class Kind(models.TextChoices):
        SHORTFALLS = "shortfalls", _("work that did not reach its target (from the reports)")
        BEST_PRACTICES = "best_practices", _("work others can learn from (from the reports)")
        MONTHLY_ISSUE = "monthly_issue", _("one of the month's inspection issues")
        FREE = "free", _("a section written by the inspector")

    # Topics built from the provinces' reports; the others carry the inspector's text.
    FROM_REPORTS = (Kind.SHORTFALLS, Kind.BEST_PRACTICES)
    WRITTEN = (Kind.MONTHLY_ISSUE, Kind.FREE)

    meeting = models.ForeignKey(FollowUpMeeting, on_delete=models.CASCADE, related_name="topics")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind of topic"), max_length=16, choices=Kind.choices)
    title = PlainCharField(_("topic"), max_length=500)
    issue = models.ForeignKey(
        MonthlyIssue,
        verbose_name=_("monthly inspection issue"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    body = BoundedTextField(
        _("what was found"),
        max_length=TOPIC_BODY_MAX,
        blank=True,
        help_text=_("One point per line; each becomes a “- ” item under the topic's section."),
    )

    class Meta:
        ordering = ["meeting", "position", "pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.title
