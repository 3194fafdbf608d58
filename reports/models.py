"""The quarter's work: periods, projects, province reports, their findings and attachments.

The workflow rules live here as model methods (`submit`, `return_to_province`,
`accept`, `reopen`); views only call them.
"""

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from inspection_portal.fields import BoundedTextField, PlainCharField
from inspection_portal.lib.numbers import format_number, percent
from inspection_portal.lib.thai import thai_date
from provinces.models import InspectionZone, Province
from reports import fiscal, notices

# What a submission's snapshot keeps, to show the inspector what changed since the last one.
SNAPSHOT_REPORT_FIELDS = ("overall_results", "achievements", "next_steps", "no_shortfalls", "no_best_practices")
SNAPSHOT_FINDING_FIELDS = ("title", "problems", "causes", "measures", "what_done", "achieved")
# …and, under the key "figures", the finding's figure rows as text (Finding.figures_text).

# Longest texts accepted: a report's own texts, each text of a finding, a comment.
REPORT_TEXT_MAX = 10_000
FINDING_TEXT_MAX = 4_000
COMMENT_MAX = 4_000


class ReportingPeriodQuerySet(models.QuerySet):
    def containing(self, day: datetime.date) -> "ReportingPeriodQuerySet":
        return self.filter(start_date__lte=day, end_date__gte=day)

    def for_date(self, day: datetime.date) -> "ReportingPeriod | None":
        """The period a day falls in, if an administrator has created it."""
        return self.containing(day).first()

    def open(self) -> "ReportingPeriodQuerySet":
        return self.filter(is_open=True)

    def accepting_reports(self, today: datetime.date) -> "ReportingPeriodQuerySet":
        """Open periods that have begun and whose deadline has not passed, nearest deadline first."""
        return self.open().filter(start_date__lte=today, deadline__gte=today).order_by("deadline", "fiscal_year")


class ReportingPeriod(models.Model):
    """One fiscal quarter, with its submission deadline."""

    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year (B.E.)"), validators=[MinValueValidator(2500), MaxValueValidator(2700)]
    )
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), choices=[(q, q) for q in fiscal.QUARTERS], validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    start_date = models.DateField(_("first day"), editable=False)
    end_date = models.DateField(_("last day"), editable=False)
    deadline = models.DateField(
        _("submission deadline"),
        blank=True,
        help_text=_(
            "Last day provinces may submit. Left empty, it is set a fixed number of days after the quarter ends."
        ),
    )
    is_open = models.BooleanField(
        _("open for reports"), default=True, help_text=_("Closed periods accept no drafts and no submissions.")
    )
    history = HistoricalRecords()

    objects = ReportingPeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-fiscal_year", "-quarter"]
        constraints = [models.UniqueConstraint(fields=["fiscal_year", "quarter"], name="unique_period")]
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")

    def __str__(self) -> str:
        return _("Q%(quarter)s FY %(year)s") % {"quarter": self.quarter, "year": self.fiscal_year}

    def save(self, *args, **kwargs) -> None:
        self.start_date, self.end_date = fiscal.quarter_bounds(self.fiscal_year, self.quarter)
        if self.deadline is None:
            self.deadline = self.default_deadline(self.end_date)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.fiscal_year and self.quarter in fiscal.QUARTERS and self.deadline:
            _start, end = fiscal.quarter_bounds(self.fiscal_year, self.quarter)
            if self.deadline < end - datetime.timedelta(days=31):
                message = _("The deadline cannot be more than a month before the quarter ends.")
                raise ValidationError({"deadline": message})

    @staticmethod
    def default_deadline(end_date: datetime.date) -> datetime.date:
        return end_date + datetime.timedelta(days=settings.DEFAULT_DEADLINE_DAYS)

    def deadline_passed(self, today: datetime.date) -> bool:
        return today > self.deadline

    def days_left(self, today: datetime.date) -> int:
        """Days until the deadline, counting the deadline itself; negative once past."""
        return (self.deadline - today).days


class ProjectQuerySet(models.QuerySet):
    def active_in(self, fiscal_year: int) -> "ProjectQuerySet":
        return self.filter(first_fiscal_year__lte=fiscal_year).filter(
            Q(last_fiscal_year__isnull=True) | Q(last_fiscal_year__gte=fiscal_year)
        )


class Project(models.Model):
    """A work, project or activity of the department's action plan."""

    name_th = PlainCharField(_("name"), max_length=500, unique=True)
    short_name = PlainCharField(_("short name"), max_length=120, blank=True)
    name_en = PlainCharField(_("name (English)"), max_length=500, blank=True)
    first_fiscal_year = models.PositiveSmallIntegerField(
        _("first fiscal year"), validators=[MinValueValidator(2500), MaxValueValidator(2700)]
    )
    last_fiscal_year = models.PositiveSmallIntegerField(
        _("last fiscal year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2500), MaxValueValidator(2700)],
        help_text=_("Leave empty while the project goes on."),
    )
    history = HistoricalRecords()

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["name_th"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self) -> str:
        return self.short_name or self.name_th

    def clean(self) -> None:
        if self.last_fiscal_year and self.first_fiscal_year and self.last_fiscal_year < self.first_fiscal_year:
            raise ValidationError({"last_fiscal_year": _("The last fiscal year cannot come before the first.")})


class ProblemCategory(models.Model):
    """A kind of problem behind a shortfall, from a list administrators keep."""

    name = PlainCharField(_("name"), max_length=200, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("problem category")
        verbose_name_plural = _("problem categories")

    def __str__(self) -> str:
        return self.name


class ConcurrentEditError(Exception):
    """Someone else saved the report after this editor loaded it."""


class WorkflowError(Exception):
    """A workflow step that the report's state does not allow."""


class ProvinceReportQuerySet(models.QuerySet):
    def for_summary(self) -> "ProvinceReportQuerySet":
        """Reports a zone summary may use: submitted or accepted."""
        return self.filter(status__in=ProvinceReport.SUMMARY_STATUSES)

    def with_counts(self) -> "ProvinceReportQuerySet":
        return self.annotate(
            shortfall_count=Count("findings", filter=Q(findings__kind=Finding.Kind.SHORTFALL)),
            best_practice_count=Count("findings", filter=Q(findings__kind=Finding.Kind.BEST_PRACTICE)),
        )


class ProvinceReport(models.Model):
    """One province's report for one quarter."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned")
        ACCEPTED = "accepted", _("accepted")

    # The states whose text a meeting's summary uses.
    SUMMARY_STATUSES = (Status.SUBMITTED, Status.ACCEPTED)

    province = models.ForeignKey(Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="reports")
    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("reporting period"), on_delete=models.PROTECT, related_name="reports"
    )
    # The zone the province was in when the report was started: zones are reorganised
    # from time to time, and a report stays with the zone it was filed under.
    zone = models.ForeignKey(
        InspectionZone,
        verbose_name=_("inspection zone"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    overall_results = BoundedTextField(_("overall results"), max_length=REPORT_TEXT_MAX, blank=True)
    achievements = BoundedTextField(_("achievements"), max_length=REPORT_TEXT_MAX, blank=True)
    next_steps = BoundedTextField(_("plans for the next quarter"), max_length=REPORT_TEXT_MAX, blank=True)
    no_shortfalls = models.BooleanField(_("no shortfalls to report this quarter"), default=False)
    no_best_practices = models.BooleanField(_("no best practices to report this quarter"), default=False)
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_late = models.BooleanField(_("submitted late"), default=False)
    return_comment = BoundedTextField(_("inspector's comment"), max_length=COMMENT_MAX, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reopened_until = models.DateField(_("reopened until"), null=True, blank=True)
    reopen_reason = BoundedTextField(_("reason for reopening"), max_length=COMMENT_MAX, blank=True)
    history = HistoricalRecords()

    objects = ProvinceReportQuerySet.as_manager()

    class Meta:
        ordering = ["-period__fiscal_year", "-period__quarter", "province__name_th"]
        constraints = [models.UniqueConstraint(fields=["province", "period"], name="unique_report_per_period")]
        verbose_name = _("province report")
        verbose_name_plural = _("province reports")

    def __str__(self) -> str:
        return f"{self.province} – {self.period}"

    @classmethod
    def start(cls, province: Province, period: ReportingPeriod, by, opening=None) -> "ProvinceReport":
        """The province's report for the period, created as a draft if it does not exist.

        Started under a PeriodOpening (a past quarter opened again), it may be changed until the opening's day.
        """
        defaults = {"zone_id": province.zone_id, "updated_by": by}
        if opening is not None:
            defaults.update(reopened_until=opening.until, reopen_reason=opening.reason)
        report, _created = cls.objects.get_or_create(province=province, period=period, defaults=defaults)
        return report

    # --- rules -----------------------------------------------------------------

    @property
    def is_reopened(self) -> bool:
        return self.reopened_until is not None and timezone.localdate() <= self.reopened_until

    def _window_open(self, today: datetime.date) -> bool:
        if self.reopened_until is not None and today <= self.reopened_until:
            return True
        if not self.period.is_open:
            return False
        # A report the inspector sent back may be corrected after the deadline: the
        # return usually comes after it, and the province must be able to answer.
        return self.status == self.Status.RETURNED or not self.period.deadline_passed(today)

    def edit_block_reason(self, today: datetime.date | None = None) -> str | None:
        """Why the officer may not change the report now, or None when they may."""
        today = today or timezone.localdate()
        if self.status == self.Status.ACCEPTED:
            return str(_("This report has been accepted by the inspector and can no longer be changed."))
        if self.status == self.Status.SUBMITTED:
            return str(_("This report has been submitted and is waiting for the inspector's review."))
        if self._window_open(today):
            return None
        if not self.period.is_open:
            return str(_("The period %(period)s has been closed by an administrator.") % {"period": self.period})
        return str(
            _("The deadline for %(period)s passed on %(date)s. Ask an administrator to reopen the report.")
            % {"period": self.period, "date": thai_date(self.period.deadline)}
        )

    def officer_may_edit(self, today: datetime.date | None = None) -> bool:
        return self.edit_block_reason(today) is None

    def declaration_errors(self, kinds: set[str]) -> dict[str, list[str]]:
        """What the report's text and its "nothing to report" boxes lack, given its findings' kinds."""
        errors: dict[str, list[str]] = {}
        if not self.overall_results.strip():
            errors["overall_results"] = [str(_("Describe the overall results of the quarter."))]
        for kind, flag, label in (
            (Finding.Kind.SHORTFALL, "no_shortfalls", _("shortfalls")),
            (Finding.Kind.BEST_PRACTICE, "no_best_practices", _("best practices")),
        ):
            if getattr(self, flag) and kind in kinds:
                message = _("You declared no %(kind)s but listed some. Untick this or remove them.")
                errors[flag] = [str(message % {"kind": label})]
            elif not getattr(self, flag) and kind not in kinds:
                message = _("Add at least one of the %(kind)s, or tick that there is nothing to report.")
                errors[flag] = [str(message % {"kind": label})]
        return errors

    def completeness_errors(self) -> dict[str, list[str]]:
        """What stops the report from being submitted, by field name."""
        errors = self.declaration_errors({finding.kind for finding in self.findings.all()})
        if any(finding.missing_fields() for finding in self.findings.all()):
            message = _("Some findings are incomplete: fill in every field marked.")
            errors.setdefault("findings", []).append(str(message))
        return errors

    def lock_for_edit(self, expected_version: int, today: datetime.date | None = None) -> None:
        """Lock the row for an officer's save and claim the next version (inside a transaction).

        Raises WorkflowError when the report may not be changed now and ConcurrentEditError
        when someone saved it after `expected_version` was read.
        """
        locked = ProvinceReport.objects.select_for_update().select_related("period").get(pk=self.pk)
        reason = locked.edit_block_reason(today)
        if reason:
            raise WorkflowError(reason)
        self.claim_version(expected_version)

    def findings_by_kind(self) -> tuple[list["Finding"], list["Finding"]]:
        """The report's shortfalls and best practices, each in the order they were typed."""
        findings = list(self.findings.select_related("project").prefetch_related("categories", "figures"))
        return (
            [finding for finding in findings if finding.kind == Finding.Kind.SHORTFALL],
            [finding for finding in findings if finding.kind == Finding.Kind.BEST_PRACTICE],
        )

    def locked_version(self) -> int:
        """The saved version, with the row locked until the transaction ends (PostgreSQL)."""
        return ProvinceReport.objects.select_for_update().values_list("version", flat=True).get(pk=self.pk)

    def bump_version(self) -> None:
        """Move the version on, whatever it is: a change made elsewhere that open pages must not overwrite."""
        ProvinceReport.objects.filter(pk=self.pk).update(version=models.F("version") + 1)

    def claim_version(self, expected: int) -> None:
        """Move to the next version, or fail if someone saved since `expected` was read."""
        updated = ProvinceReport.objects.filter(pk=self.pk, version=expected).update(version=models.F("version") + 1)
        if not updated:
            raise ConcurrentEditError
        self.version = expected + 1

    @transaction.atomic
    def submit(self, by, expected_version: int | None = None, now: datetime.datetime | None = None) -> None:
        """Hand the report to the inspector. Raises WorkflowError or ValidationError."""
        now = now or timezone.now()
        locked = ProvinceReport.objects.select_for_update().select_related("period").get(pk=self.pk)
        reason = locked.edit_block_reason(timezone.localdate(now))
        if reason:
            raise WorkflowError(reason)
        if expected_version is not None and locked.version != expected_version:
            raise ConcurrentEditError
        errors = locked.completeness_errors()
        if errors:
            raise ValidationError(errors)
        first = locked.submitted_at is None
        self.status = self.Status.SUBMITTED
        self.submitted_by = by
        self.updated_by = by
        # The submission date and lateness are those of the first submission; each
        # resubmission is kept as an event, with the content it handed in.
        if first:
            self.submitted_at = now
            self.is_late = timezone.localdate(now) > self.period.deadline
        self.version = locked.version + 1
        self.save(
            update_fields=["status", "submitted_at", "submitted_by", "updated_by", "is_late", "version", "updated_at"]
        )
        notices.report_submitted(self, by, again=locked.submitted_at is not None)
        action = ReviewEvent.Action.SUBMITTED if first else ReviewEvent.Action.RESUBMITTED
        ReviewEvent.objects.create(report=self, action=action, by=by, at=now, content=self.content_snapshot())

    def content_snapshot(self) -> dict:
        """What the province handed in, as plain data: the report's texts and its findings."""
        findings = self.findings.select_related("project").prefetch_related("figures").order_by("position", "pk")
        return {
            **{name: getattr(self, name) for name in SNAPSHOT_REPORT_FIELDS},
            "findings": [
                {
                    "kind": finding.kind,
                    "project": str(finding.project),
                    **{name: str(getattr(finding, name) or "") for name in SNAPSHOT_FINDING_FIELDS},
                    "figures": finding.figures_text(),
                }
                for finding in findings
            ],
        }

    def last_day(self, today: datetime.date | None = None) -> datetime.date:
        """The last day the province may submit: while reopened, the later of the reopening and an open deadline."""
        today = today or timezone.localdate()
        if self.reopened_until is not None and today <= self.reopened_until:
            if self.period.is_open and not self.period.deadline_passed(today):
                return max(self.reopened_until, self.period.deadline)
            return self.reopened_until
        return self.period.deadline

    @transaction.atomic
    def return_to_province(self, comment: str, by) -> None:
        """Send a submitted report back to the province with a comment."""
        comment = (comment or "").strip()
        if not comment:
            raise ValidationError({"comment": _("Say what the province should change.")})
        self._review(by, self.Status.RETURNED, comment)

    @transaction.atomic
    def accept(self, by, comment: str = "") -> None:
        """Accept a submitted report, which locks it."""
        self._review(by, self.Status.ACCEPTED, (comment or "").strip())

    def _review(self, by, status: str, comment: str) -> None:
        locked = ProvinceReport.objects.select_for_update().get(pk=self.pk)
        if locked.status != self.Status.SUBMITTED:
            raise WorkflowError(
                _("Only a submitted report can be reviewed; this one is %(status)s.")
                % {"status": locked.get_status_display()}
            )
        self.status = status
        self.reviewed_at = timezone.now()
        self.reviewed_by = by
        if status == self.Status.RETURNED:
            self.return_comment = comment
        self.version = locked.version + 1
        self.save(update_fields=["status", "reviewed_at", "reviewed_by", "return_comment", "version", "updated_at"])
        ReviewEvent.objects.create(report=self, action=status, comment=comment, by=by)
        notices.report_reviewed(self, by, accepted=status == self.Status.ACCEPTED, comment=comment)

    @transaction.atomic
    def reopen(self, reason: str, until: datetime.date, by) -> None:
        """Let the province edit and submit again until a date, whatever the deadline."""
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError({"reason": _("Give the reason for reopening.")})
        if until < timezone.localdate():
            raise ValidationError({"until": _("The reopening must last until today or later.")})
        locked = ProvinceReport.objects.select_for_update().get(pk=self.pk)
        self.reopened_until = until
        self.reopen_reason = reason
        if locked.status in (self.Status.SUBMITTED, self.Status.ACCEPTED):
            self.status = self.Status.RETURNED
            self.return_comment = reason
        self.version = locked.version + 1
        self.save(
            update_fields=["reopened_until", "reopen_reason", "status", "return_comment", "version", "updated_at"]
        )
        ReviewEvent.objects.create(report=self, action=ReviewEvent.Action.REOPENED, comment=reason, by=by)
        notices.report_reopened(self, by)


def with_reporting_zone(provinces: models.QuerySet, period) -> models.QuerySet:
    """The provinces annotated with `reporting_zone_id`: the zone each reports under in the period.

    The rule, written here once: a province belongs to the zone its report for the quarter
    was filed under (zones are reorganised from time to time, and a report stays with its
    zone); a province with no report yet, or one filed under no zone, belongs to its zone
    now. `period` is a period, its pk, or an OuterRef to one. The summary's provinces, the
    tracker's rows and who reads a meeting all ask here.
    """
    filed_under = ProvinceReport.objects.filter(province=models.OuterRef("pk"), period=period).values("zone")[:1]
    zone = Coalesce(models.Subquery(filed_under), models.F("zone"), output_field=models.BigIntegerField())
    return provinces.annotate(reporting_zone_id=zone)


class ReviewEvent(models.Model):
    """A step of a report's conversation: a submission, a return, an acceptance or a reopening."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("submitted by the province")
        RESUBMITTED = "resubmitted", _("submitted again by the province")
        RETURNED = "returned", _("returned to the province")
        ACCEPTED = "accepted", _("accepted")
        REOPENED = "reopened", _("reopened by an administrator")

    SUBMISSIONS = (Action.SUBMITTED, Action.RESUBMITTED)

    report = models.ForeignKey(ProvinceReport, on_delete=models.CASCADE, related_name="review_events")
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    comment = BoundedTextField(_("comment"), max_length=COMMENT_MAX, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    # For a submission: what was handed in (ProvinceReport.content_snapshot), to show what changed.
    content = models.JSONField(_("content handed in"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("review event")
        verbose_name_plural = _("review events")

    def __str__(self) -> str:
        return f"{self.get_action_display()} ({self.at:%Y-%m-%d})"


class Finding(models.Model):
    """One project the province reports on: a shortfall or a best practice."""

    class Kind(models.TextChoices):
        SHORTFALL = "shortfall", _("did not reach its target")
        BEST_PRACTICE = "best_practice", _("best practice others can learn from")

    report = models.ForeignKey(ProvinceReport, on_delete=models.CASCADE, related_name="findings")
    project = models.ForeignKey(Project, verbose_name=_("work / project / activity"), on_delete=models.PROTECT)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    problems = BoundedTextField(_("problems"), max_length=FINDING_TEXT_MAX, blank=True)
    causes = BoundedTextField(_("causes (constraints)"), max_length=FINDING_TEXT_MAX, blank=True)
    measures = BoundedTextField(_("measures taken or planned"), max_length=FINDING_TEXT_MAX, blank=True)
    categories = models.ManyToManyField(ProblemCategory, verbose_name=_("problem categories"), blank=True)
    title = PlainCharField(_("title"), max_length=500, blank=True)
    what_done = BoundedTextField(_("what was done"), max_length=FINDING_TEXT_MAX, blank=True)
    achieved = BoundedTextField(_("what it achieved"), max_length=FINDING_TEXT_MAX, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    # A shortfall carried forward from the province's previous quarter (reports/chains.py): the
    # chain of one problem across quarters. `quarters_running` counts the quarters in a row the
    # problem has been reported, this one included, so pages say it without walking the chain.
    carried_from = models.ForeignKey(
        "self",
        verbose_name=_("carried forward from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_to",
        editable=False,
    )
    quarters_running = models.PositiveSmallIntegerField(_("quarters in a row"), default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[categories])

    class Meta:
        ordering = ["report", "kind", "position", "pk"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        constraints = [
            # Carried forward once only, whatever the double clicks and open tabs.
            models.UniqueConstraint(fields=["carried_from"], name="finding_carried_once"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.project}"

    @property
    def is_carried(self) -> bool:
        return self.carried_from_id is not None

    @property
    def first_reported(self) -> str:
        """The quarter the problem was first reported in ("ไตรมาส 2 ปีงบประมาณ 2564"): its report's, less its length."""
        year, quarter = fiscal.quarters_back(
            self.report.period.fiscal_year, self.report.period.quarter, self.quarters_running - 1
        )
        return str(ReportingPeriod(fiscal_year=year, quarter=quarter))

    @property
    def is_running(self) -> bool:
        """A problem reported two quarters in a row or more: pages and the summary say for how long."""
        return self.quarters_running >= 2

    @property
    def misses_target(self) -> bool:
        """True when one of its figures falls short of its target (reads the prefetched figures)."""
        return any(figure.misses_target for figure in self.figures.all())

    def figures_text(self) -> str:
        """The figure rows as plain lines, for a submission's snapshot: "ระยะที่ 1: 516 / 500 แปลง"."""
        return "\n".join(figure.as_line() for figure in self.figures.all())

    def required_fields(self) -> tuple[str, ...]:
        if self.kind == self.Kind.SHORTFALL:
            return ("problems", "causes", "measures")
        return ("title", "what_done", "achieved")

    def missing_fields(self) -> list[str]:
        """The required fields of this kind that are still empty."""
        return [name for name in self.required_fields() if not str(getattr(self, name) or "").strip()]


class PeriodOpeningQuerySet(models.QuerySet):
    def active_for(self, province: Province, today: datetime.date) -> "PeriodOpeningQuerySet":
        """Openings that reach the province (itself, or its zone now) and last until today or later."""
        return self.filter(Q(province=province) | Q(zone=province.zone_id, zone__isnull=False), until__gte=today)


class FindingFigure(models.Model):
    """One figure of a finding: an activity or phase, its target and the result reached, in one unit."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="figures")
    activity = PlainCharField(
        _("activity or phase"), max_length=300, blank=True, help_text=_("For example ระยะที่ 1 ระดับครัวเรือน.")
    )
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2, null=True, blank=True)
    result = models.DecimalField(_("result"), max_digits=14, decimal_places=2, null=True, blank=True)
    unit = PlainCharField(_("unit"), max_length=50, blank=True, help_text=_("For example แปลง, ครัวเรือน or บาท."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["finding", "position", "pk"]
        verbose_name = _("figure")
        verbose_name_plural = _("figures")

    def __str__(self) -> str:
        return self.activity or str(_("figure"))

    @property
    def misses_target(self) -> bool:
        """True when both figures are given and the result falls short of the target."""
        return self.target is not None and self.result is not None and Decimal(self.result) < Decimal(self.target)

    def as_line(self) -> str:
        """ "activity: target / result unit", numbers as written everywhere (no needless decimals)."""
        numbers = f"{format_number(self.target) or '–'} / {format_number(self.result) or '–'} {self.unit}".strip()
        return f"{self.activity}: {numbers}" if self.activity else numbers

    @property
    def percent(self) -> Decimal | None:
        """The result as a percentage of the target (one decimal), when both are given and the target is not zero."""
        return percent(self.result, self.target)

    def clean(self) -> None:
        if self.target is None and self.result is None:
            raise ValidationError(_("Give the target, the result, or both."))


class PeriodOpening(models.Model):
    """A past quarter opened again by an administrator for the provinces of one zone, or for one province.

    Its officers see the quarter on their home page and may start or finish the report until
    `until`, without the quarter being opened for every province of the country.
    """

    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("reporting period"), on_delete=models.CASCADE, related_name="openings"
    )
    zone = models.ForeignKey(
        InspectionZone,
        verbose_name=_("inspection zone"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="period_openings",
        help_text=_("Every province of this zone, or choose one province below."),
    )
    province = models.ForeignKey(
        Province,
        verbose_name=_("province"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="period_openings",
    )
    until = models.DateField(_("open until"), help_text=_("The provinces may start, edit and submit until this day."))
    reason = BoundedTextField(_("reason"), max_length=COMMENT_MAX)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("opened by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("opened"), auto_now_add=True)

    objects = PeriodOpeningQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("late-report opening")
        verbose_name_plural = _("late-report openings")
        constraints = [
            models.CheckConstraint(
                condition=Q(zone__isnull=True, province__isnull=False) | Q(zone__isnull=False, province__isnull=True),
                name="opening_for_a_zone_or_a_province",
            )
        ]

    def __str__(self) -> str:
        return _("%(period)s for %(whom)s until %(date)s") % {
            "period": self.period,
            "whom": self.province or self.zone,
            "date": thai_date(self.until),
        }

    def clean(self) -> None:
        if (self.zone_id is None) == (self.province_id is None):
            raise ValidationError(_("Choose either a zone or one province."))
        if self.until is not None and self.until < timezone.localdate():
            raise ValidationError({"until": _("The opening must last until today or later.")})

    def provinces(self):
        """The provinces it opens the quarter for (a zone's provinces as they are now)."""
        if self.province_id is not None:
            return Province.objects.filter(pk=self.province_id)
        return Province.objects.filter(zone=self.zone_id)

    @transaction.atomic
    def apply(self, by) -> int:
        """Let the provinces' unfinished reports of the quarter be changed until `until`; return how many.

        Reports already submitted or accepted stay as they are: the opening is for late
        reports. Provinces without a report start one from their home page.
        """
        reports = ProvinceReport.objects.filter(
            period=self.period_id,
            province__in=self.provinces(),
            status__in=[ProvinceReport.Status.DRAFT, ProvinceReport.Status.RETURNED],
        ).filter(Q(reopened_until__isnull=True) | Q(reopened_until__lt=self.until))
        return reports.update(reopened_until=self.until, reopen_reason=self.reason, version=models.F("version") + 1)


def attachment_path(instance: "Attachment", filename: str) -> str:
    """A stored name that says nothing of the uploaded one and cannot collide."""
    import uuid
    from pathlib import PurePath

    suffix = PurePath(filename).suffix.lower()[:8]
    return f"attachments/{instance.report.period.fiscal_year}/{uuid.uuid4().hex}{suffix}"


class Attachment(models.Model):
    """A file an officer presented with the report."""

    report = models.ForeignKey(ProvinceReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=120)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.original_name


class ShortfallResolution(models.Model):
    """A shortfall of the province's previous quarter, closed as resolved in the new quarter's report.

    It belongs to the new report: the old report, accepted and locked, is never changed.
    """

    report = models.ForeignKey(
        ProvinceReport, verbose_name=_("report"), on_delete=models.CASCADE, related_name="resolutions"
    )
    finding = models.ForeignKey(
        Finding, verbose_name=_("shortfall resolved"), on_delete=models.CASCADE, related_name="resolutions"
    )
    how_resolved = BoundedTextField(_("how it was resolved"), max_length=FINDING_TEXT_MAX)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("resolved shortfall")
        verbose_name_plural = _("resolved shortfalls")
        constraints = [models.UniqueConstraint(fields=["finding"], name="shortfall_resolved_once")]

    def __str__(self) -> str:
        return str(self.finding)
