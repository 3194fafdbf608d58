"""Follow-up meetings: an inspector's meeting with the provinces of some zones for a quarter, and its summary."""

import copy

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from inspection_portal.fields import BoundedTextField, PlainCharField
from inspection_portal.lib.thai import thai_date
from meetings import notices
from provinces.models import InspectionZone, Province
from reports.models import ProvinceReport, ReportingPeriod

# Longest texts accepted for a meeting's purpose and topics, and for one block of its summary.
PURPOSE_MAX = 2_000
TOPIC_MAX = 1_000
SUMMARY_BLOCK_MAX = 20_000


def published_file_path(meeting: "FollowUpMeeting", filename: str) -> str:
    """Where a published summary's file is stored: its name is the hash of its content (meetings/documents.py)."""
    return f"summaries/{meeting.pk}/{filename}"


class FollowUpMeeting(models.Model):
    """An inspector's follow-up workshop for a quarter and one or more zones."""

    class PageNumbers(models.TextChoices):
        LABEL = "label", _("“page 2” (หน้า 2)")
        THAI_DIGITS = "thai_digits", _("Thai digits (๒)")

    class Mode(models.TextChoices):
        ONLINE = "online", _("online")
        ON_SITE = "on_site", _("on site")

    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("reporting period"), on_delete=models.PROTECT, related_name="meetings"
    )
    zones = models.ManyToManyField(InspectionZone, verbose_name=_("inspection zones"), related_name="meetings")
    inspector = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("inspector"), on_delete=models.PROTECT, related_name="meetings"
    )
    held_on = models.DateField(_("date"))
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.ONLINE)
    platform = PlainCharField(_("online platform"), max_length=120, blank=True, help_text=_("For example ZOOM Meeting"))
    place = PlainCharField(_("place"), max_length=300, blank=True)
    purpose = BoundedTextField(_("purpose"), max_length=PURPOSE_MAX)
    topic_shortfalls = BoundedTextField(_("first discussion topic"), max_length=TOPIC_MAX)
    topic_best_practices = BoundedTextField(_("second discussion topic"), max_length=TOPIC_MAX)
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
    # The published summary's Word and PDF files, rendered once when publishing (meetings/documents.py).
    published_docx = models.FileField(
        _("published Word file"), upload_to=published_file_path, max_length=200, blank=True
    )
    published_pdf = models.FileField(_("published PDF file"), upload_to=published_file_path, max_length=200, blank=True)
    page_numbers = models.CharField(
        _("page numbers"), max_length=12, choices=PageNumbers.choices, default=PageNumbers.LABEL
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["draft", "published", "published_docx", "published_pdf"])

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("follow-up meeting")
        verbose_name_plural = _("follow-up meetings")

    def __str__(self) -> str:
        return _("Follow-up meeting of %(date)s") % {"date": thai_date(self.held_on)}

    @property
    def is_published(self) -> bool:
        return self.published is not None

    def generate_draft(self) -> None:
        """Build the summary afresh from the reports, discarding any hand edits."""
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
        notices.summary_published(self, by)

    def province_ids(self) -> list[int]:
        """The meeting's provinces as its readers are chosen: those whose report for the quarter was
        filed under its zones, and those of its zones that have no report."""
        zone_ids = [zone.pk for zone in self.zones.all()]
        reports = ProvinceReport.objects.filter(period=self.period_id)
        filed = reports.filter(zone__in=zone_ids).values_list("province", flat=True)
        unfiled = Province.objects.filter(zone__in=zone_ids).exclude(pk__in=reports.values("province"))
        return [*filed, *unfiled.values_list("pk", flat=True)]

    def clean(self) -> None:
        if self.mode == self.Mode.ONLINE and not self.platform.strip():
            raise ValidationError({"platform": _("Name the online platform, for example ZOOM Meeting.")})
        if self.mode == self.Mode.ON_SITE and not self.place.strip():
            raise ValidationError({"place": _("Say where the meeting is held.")})
