"""Who hears of a report's events, and what they are told.

The workflow's model methods call these inside their transaction; each works out the
recipients (only people who may see the report) and hands plain data to
notifications.outbox.notify, which never looks into reports.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.urls import reverse

from notifications.outbox import notify


def officers_of(province_ids) -> QuerySet:
    """The active officers of these provinces."""
    return get_user_model().objects.filter(officer__province__in=province_ids, is_active=True)


def inspectors_of(zone_ids, fiscal_year: int) -> QuerySet:
    """The active inspectors assigned to any of these zones in a fiscal year."""
    assigned = Q(inspector_assignments__zone__in=zone_ids, inspector_assignments__fiscal_year=fiscal_year)
    return get_user_model().objects.filter(assigned, is_active=True).distinct()


def name_of(user) -> str:
    return user.get_full_name() or user.get_username()


def _others(users: QuerySet, by) -> QuerySet:
    """Nobody is told of their own action."""
    return users.exclude(pk=by.pk) if by is not None else users


def report_context(report, **extra) -> dict:
    period = report.period
    return {"province": report.province.name_th, "quarter": period.quarter, "fiscal_year": period.fiscal_year, **extra}


def report_submitted(report, by, again: bool) -> None:
    """The zone's inspectors of that year: a report waits for their review."""
    if report.zone_id is None:
        return
    recipients = _others(inspectors_of([report.zone_id], report.period.fiscal_year), by)
    kind = "report_resubmitted" if again else "report_submitted"
    notify(recipients, kind, report_context(report), reverse("reports:review", args=[report.pk]))


def report_reviewed(report, by, accepted: bool, comment: str) -> None:
    """The province's officers: their report was accepted or returned, with the comment."""
    kind = "report_accepted" if accepted else "report_returned"
    context = report_context(report, comment=comment, by=name_of(by))
    notify(_others(officers_of([report.province_id]), by), kind, context, reverse("reports:edit", args=[report.pk]))


def report_reopened(report, by) -> None:
    context = report_context(report, reason=report.reopen_reason, until=report.reopened_until)
    link = reverse("reports:edit", args=[report.pk])
    notify(_others(officers_of([report.province_id]), by), "report_reopened", context, link)
