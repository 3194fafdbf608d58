"""Carry-forward: a shortfall keeps its identity across quarters.

When a province starts a quarter, the shortfalls of its previous quarter's report
(submitted or accepted; Q1 of FY N follows Q4 of FY N-1) are offered: each is either
carried forward — copied into the new report as a new Finding linked to the old one by
`carried_from`, with `quarters_running` one more — or closed as resolved, recorded as a
ShortfallResolution on the new report. The old report is never changed.

`longest_running()` lists the problems still open — the shortfalls of each province's
latest submitted or accepted report — longest first, in one query; the trends pages use it too.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Exists, F, OuterRef, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext as _

from provinces.models import InspectorAssignment
from reports import access, fiscal
from reports.models import (
    Finding,
    FindingFigure,
    ProvinceReport,
    ShortfallResolution,
    WorkflowError,
)


class AlreadyDecided(Exception):
    """The shortfall was carried forward or resolved already (another click, another tab)."""


previous_quarter = fiscal.previous_quarter


def previous_report(report: ProvinceReport) -> ProvinceReport | None:
    """The province's submitted or accepted report of the quarter before the report's, if any."""
    year, quarter = previous_quarter(report.period.fiscal_year, report.period.quarter)
    return (
        ProvinceReport.objects.for_summary()
        .filter(province=report.province_id, period__fiscal_year=year, period__quarter=quarter)
        .select_related("period")
        .first()
    )


@dataclass
class Offer:
    """One shortfall of last quarter still to be decided in the new report, with its resolution form."""

    finding: Finding
    form: object = None


def offered(report: ProvinceReport) -> list[Finding]:
    """Last quarter's shortfalls not yet carried forward nor resolved (in two queries)."""
    previous = previous_report(report)
    if previous is None:
        return []
    return list(
        previous.findings.filter(kind=Finding.Kind.SHORTFALL)
        .filter(~Exists(Finding.objects.filter(carried_from=OuterRef("pk"))))
        .filter(~Exists(ShortfallResolution.objects.filter(finding=OuterRef("pk"))))
        .select_related("project")
        .prefetch_related("figures")
        .order_by("position", "pk")
    )


def resolutions(report: ProvinceReport) -> list[ShortfallResolution]:
    """The shortfalls of last quarter the report closes as resolved."""
    return list(report.resolutions.select_related("finding__project", "by").order_by("at", "pk"))


def _offered_finding(report: ProvinceReport, finding_pk: int, today: datetime.date | None) -> Finding:
    """Lock the report for a change and return the shortfall of its previous quarter; raise if not allowed."""
    locked = ProvinceReport.objects.select_for_update().select_related("period").get(pk=report.pk)
    reason = locked.edit_block_reason(today)
    if reason:
        raise WorkflowError(reason)
    previous = previous_report(locked)
    finding = None
    if previous is not None:
        finding = previous.findings.filter(kind=Finding.Kind.SHORTFALL, pk=finding_pk).first()
    if finding is None:
        raise WorkflowError(_("That shortfall is not one of the province's previous quarter."))
    if finding.carried_to.exists() or finding.resolutions.exists():
        raise AlreadyDecided
    return finding


def carry_forward(report: ProvinceReport, finding_pk: int, by, today: datetime.date | None = None) -> Finding:
    """Copy last quarter's shortfall into the report, linked to it; once only (AlreadyDecided otherwise)."""
    try:
        with transaction.atomic():
            old = _offered_finding(report, finding_pk, today)
            last = report.findings.aggregate(last=models.Max("position"))["last"]
            new = Finding.objects.create(
                report=report,
                project=old.project,
                kind=Finding.Kind.SHORTFALL,
                problems=old.problems,
                causes=old.causes,
                measures=old.measures,
                position=0 if last is None else last + 1,
                carried_from=old,
                quarters_running=old.quarters_running + 1,
            )
            new.categories.set(old.categories.all())
            FindingFigure.objects.bulk_create(
                [
                    FindingFigure(
                        finding=new,
                        activity=figure.activity,
                        target=figure.target,
                        result=figure.result,
                        unit=figure.unit,
                        position=figure.position,
                    )
                    for figure in old.figures.all()
                ]
            )
            # The report now lists a shortfall: a "no shortfalls" tick would contradict it.
            ProvinceReport.objects.filter(pk=report.pk).update(
                no_shortfalls=False, updated_by=by, updated_at=timezone.now()
            )
            report.no_shortfalls = False
    except IntegrityError:  # the same shortfall carried at the same moment by another request
        raise AlreadyDecided from None
    return new


def resolve(report: ProvinceReport, finding_pk: int, how_resolved: str, by, today=None) -> ShortfallResolution:
    """Close last quarter's shortfall as resolved, on the new report; once only (AlreadyDecided otherwise)."""
    how_resolved = (how_resolved or "").strip()
    if not how_resolved:
        raise ValidationError({"how_resolved": _("Say what resolved the problem.")})
    try:
        with transaction.atomic():
            old = _offered_finding(report, finding_pk, today)
            return ShortfallResolution.objects.create(report=report, finding=old, how_resolved=how_resolved, by=by)
    except IntegrityError:
        raise AlreadyDecided from None


def undo_resolution(report: ProvinceReport, resolution_pk: int, today: datetime.date | None = None) -> None:
    """Take back a resolution while the report may still be changed: the shortfall is offered again."""
    with transaction.atomic():
        locked = ProvinceReport.objects.select_for_update().select_related("period").get(pk=report.pk)
        reason = locked.edit_block_reason(today)
        if reason:
            raise WorkflowError(reason)
        report.resolutions.filter(pk=resolution_pk).delete()


# --- the longest-running problems ---------------------------------------------------------


def latest_reports() -> models.QuerySet:
    """The pks of each province's latest submitted or accepted report, in one pass over the reports.

    (Asking of every shortfall whether its province has a later report walked every shortfall of
    every quarter: 130–175 ms at national scale on PostgreSQL; numbering each province's reports
    newest first and keeping the first reads the reports once.)
    """
    newest_first = Window(RowNumber(), partition_by=F("province"), order_by=F("period__start_date").desc())
    return ProvinceReport.objects.for_summary().annotate(newest=newest_first).filter(newest=1).values("pk")


def open_problems() -> models.QuerySet:
    """Shortfalls still open: those of each province's latest submitted or accepted report."""
    return Finding.objects.filter(kind=Finding.Kind.SHORTFALL, report__in=latest_reports())


# The findings' and their reports' long texts, which the list of problems does not show.
LONG_TEXTS = (
    "causes",
    "measures",
    "title",
    "what_done",
    "achieved",
    "report__overall_results",
    "report__achievements",
    "report__next_steps",
    "report__return_comment",
    "report__reopen_reason",
)


def longest_running(user=None, zones=None, project=None, limit: int | None = None) -> models.QuerySet:
    """The open problems, longest-running first, that `user` may read, in `zones` (ids) and of `project`.

    An inspector reads the findings of the zones assigned to them in each finding's fiscal
    year; administrators and the head of inspectors read all. One query, whatever the data.
    """
    problems = (
        open_problems()
        .select_related("project", "report__province", "report__period", "report__zone")
        # The list shows the problems' text cut short and names the report: the long texts stay in the database.
        .defer(*LONG_TEXTS)
    )
    if user is not None and not access.reads_all_zones(user):
        assigned = InspectorAssignment.objects.filter(
            user=user, zone=OuterRef("report__zone"), fiscal_year=OuterRef("report__period__fiscal_year")
        )
        problems = problems.filter(Exists(assigned))
    if zones:
        problems = problems.filter(report__zone__in=zones)
    if project:
        problems = problems.filter(project=project)
    problems = problems.order_by(
        "-quarters_running", "report__zone__number", "report__province__name_th", "position", "pk"
    )
    return problems[:limit] if limit else problems
