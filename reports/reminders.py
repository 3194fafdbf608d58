"""The reminders of the quarter's calendar, created by `manage.py send_reminders` when due.

Each reminder carries a key, so a run creates only what no earlier run created. After
the scheduler was down only the most recent due reminder of each kind is created: the
nearest deadline threshold that has come (not the ones it missed on the way), the latest
period that opened, the latest deadline that passed.
"""

import datetime
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from inspection_portal.lib.thai import province_list
from notifications.outbox import notify
from provinces.models import InspectorAssignment, Province
from provinces.roles import ADMINISTER, PERMISSIONS_BACKEND, READ_ALL_ZONES
from reports import notices, tracking
from reports.models import ProvinceReport, ReportingPeriod

# Days before the deadline when officers whose report is not in are reminded.
DEADLINE_REMINDER_DAYS = (7, 3, 1)
# The administrators' digest of late provinces is made once a day, from this hour on (local time).
DIGEST_HOUR = 8


def create_due(now: datetime.datetime) -> int:
    """Create every reminder due at `now`; return how many notices were created."""
    today = timezone.localdate(now)
    created = _period_opened(today) + _deadline_near(today)
    passed = _latest_passed(today)
    if passed is not None:
        tracks = tracking.track(passed, None)
        created += _deadline_passed(passed, tracks) + _provinces_missing(passed, tracks)
        if timezone.localtime(now).hour >= DIGEST_HOUR:
            created += _late_digest(passed, tracks, today)
    return created


def _waiting_provinces(period: ReportingPeriod) -> set[int]:
    """Provinces with officers whose report for the period is not in (and not reopened)."""
    handed_in = ProvinceReport.objects.filter(period=period).filter(
        status__in=[ProvinceReport.Status.SUBMITTED, ProvinceReport.Status.ACCEPTED]
    )
    reopened = ProvinceReport.objects.filter(period=period, reopened_until__isnull=False)
    officers = get_user_model().objects.filter(officer__isnull=False, is_active=True)
    provinces = set(officers.values_list("officer__province", flat=True))
    return (
        provinces - set(handed_in.values_list("province", flat=True)) - set(reopened.values_list("province", flat=True))
    )


def _tell_officers(period: ReportingPeriod, kind: str, key: str, link_for, province_ids) -> int:
    created = 0
    for province in Province.objects.filter(pk__in=province_ids):
        context = {
            "province": province.name_th,
            "quarter": period.quarter,
            "fiscal_year": period.fiscal_year,
            "deadline": period.deadline,
        }
        created += len(notify(notices.officers_of([province.pk]), kind, context, link_for(province), key=key))
    return created


def _officer_home(province) -> str:
    return reverse("reports:officer_home")


def _period_opened(today: datetime.date) -> int:
    """The latest period that has begun, is open and still takes reports."""
    period = ReportingPeriod.objects.accepting_reports(today).order_by("-start_date").first()
    if period is None:
        return 0
    key = f"period_opened:{period.pk}"
    return _tell_officers(period, "period_opened", key, _officer_home, _waiting_provinces(period))


def _deadline_near(today: datetime.date) -> int:
    created = 0
    for period in ReportingPeriod.objects.accepting_reports(today):
        days_left = period.days_left(today)
        due = [days for days in DEADLINE_REMINDER_DAYS if days_left <= days]
        if not due:
            continue
        key = f"deadline_near:{period.pk}:{min(due)}"  # the nearest threshold reached; missed ones stay missed
        created += _tell_officers(period, "deadline_near", key, _officer_home, _waiting_provinces(period))
    return created


def _latest_passed(today: datetime.date) -> ReportingPeriod | None:
    """The open period whose deadline passed most recently."""
    return ReportingPeriod.objects.open().filter(deadline__lt=today).order_by("-deadline").first()


def _missing_by_zone(tracks) -> dict[int, list[str]]:
    """zone id → the names of its provinces that have not handed in, in the tracker's order."""
    return {
        track.zone.pk: [row.province.name_th for row in track.rows if row.is_missing]
        for track in tracks
        if track.zone is not None
    }


def _deadline_passed(period: ReportingPeriod, tracks) -> int:
    missing = {row.province.pk for track in tracks for row in track.rows if row.is_missing}
    key = f"deadline_passed:{period.pk}"
    return _tell_officers(period, "deadline_passed", key, _officer_home, missing & _waiting_provinces(period))


def _provinces_missing(period: ReportingPeriod, tracks) -> int:
    """Each inspector of the year: the provinces of their zones still missing."""
    missing = _missing_by_zone(tracks)
    zones_of = defaultdict(list)
    for user_id, zone_id in InspectorAssignment.objects.for_year(period.fiscal_year).values_list("user", "zone"):
        zones_of[user_id].append(zone_id)
    inspectors = get_user_model().objects.filter(pk__in=zones_of, is_active=True)
    link = f"{reverse('reports:tracker')}?period={period.pk}"
    created = 0
    for inspector in inspectors:
        names = [name for zone_id in sorted(zones_of[inspector.pk]) for name in missing.get(zone_id, [])]
        if not names:
            continue
        context = {
            "quarter": period.quarter,
            "fiscal_year": period.fiscal_year,
            "deadline": period.deadline,
            "count": len(names),
            "provinces": names,
        }
        created += len(notify([inspector], "provinces_missing", context, link, key=f"provinces_missing:{period.pk}"))
    return created


def _late_digest(period: ReportingPeriod, tracks, today: datetime.date) -> int:
    """Administrators and the head of inspectors, daily: the late provinces of the latest past deadline, by zone."""
    late = [
        f"{track.zone.full_name if track.zone else ''}: {province_list(names)}".strip(": ")
        for track in tracks
        if (names := [row.province.name_th for row in track.rows if row.is_missing])
    ]
    if not late:
        return 0
    count = sum(track.missing for track in tracks)
    admins = get_user_model().objects.with_perm(
        ADMINISTER, backend=PERMISSIONS_BACKEND
    ) | get_user_model().objects.with_perm(READ_ALL_ZONES, backend=PERMISSIONS_BACKEND)
    context = {"day": today, "count": count, "late": late, "quarter": period.quarter, "fiscal_year": period.fiscal_year}
    link = f"{reverse('reports:tracker')}?period={period.pk}"
    return len(notify(admins, "late_digest", context, link, key=f"late_digest:{today.isoformat()}"))
