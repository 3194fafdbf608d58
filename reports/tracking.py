"""Who has submitted: the inspector's submission tracker.

The status and ordering rules live here so the tracker view and its template only show
what these functions prepare. Everything is built from three queries whatever the
number of provinces.
"""

import datetime
from dataclasses import dataclass, field

from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from inspection_portal.lib.thai import sorted_thai
from provinces.models import InspectionZone, Province
from reports import access
from reports.models import ProvinceReport, ReportingPeriod, with_reporting_zone
from reports.templatetags.report_tags import status_badge
from reports.templatetags.thai import thai_date


class TrackStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    DRAFT = "draft", _("draft")
    RETURNED = "returned", _("returned")
    SUBMITTED_LATE = "submitted_late", _("submitted late")
    SUBMITTED = "submitted", _("submitted")
    NOTHING_TO_REPORT = "nothing", _("nothing to report")
    ACCEPTED = "accepted", _("accepted")


# What the tracker never shows of a report (deferred when it reads them).
LONG_TEXTS = ("overall_results", "achievements", "next_steps", "return_comment", "reopen_reason")

# Not handed in yet: the provinces the inspector has to chase.
MISSING = frozenset({TrackStatus.NOT_STARTED, TrackStatus.DRAFT, TrackStatus.RETURNED})


def track_status(report: ProvinceReport | None) -> TrackStatus:
    """The tracker's status of a province's report (None when it has none)."""
    if report is None:
        return TrackStatus.NOT_STARTED
    Status = ProvinceReport.Status
    if report.status in (Status.DRAFT, Status.RETURNED):
        return TrackStatus(report.status)
    if report.no_shortfalls and report.no_best_practices:
        return TrackStatus.NOTHING_TO_REPORT
    if report.status == Status.ACCEPTED:
        return TrackStatus.ACCEPTED
    return TrackStatus.SUBMITTED_LATE if report.is_late else TrackStatus.SUBMITTED


def _rank(row: "TrackRow") -> int:
    """Missing first, then what waits for review, then what is done."""
    if row.is_missing:
        return 0
    return 1 if row.awaits_review else 2


@dataclass
class TrackRow:
    province: Province
    report: ProvinceReport | None
    status: TrackStatus
    # The row's button (add_links): its address, label and Bootstrap classes; none for a province with no report
    # handed in yet.
    link: str = ""
    link_label: str = ""
    link_class: str = ""

    # What the row shows, worked out here once rather than by filters in the template's loop (76 rows).
    @property
    def badge(self) -> str:
        return status_badge(self.status)

    @property
    def late_badge(self) -> bool:
        """The extra "late" badge: late, handed in, and not already said by the status."""
        return (
            bool(self.report and self.report.is_late)
            and self.status != TrackStatus.SUBMITTED_LATE
            and not (self.is_missing)
        )

    @property
    def submitted_on(self) -> str:
        return thai_date(self.submitted_at) or "–"

    @property
    def is_missing(self) -> bool:
        return self.status in MISSING

    @property
    def awaits_review(self) -> bool:
        return self.report is not None and self.report.status == ProvinceReport.Status.SUBMITTED

    @property
    def submitted_at(self) -> datetime.datetime | None:
        return self.report.submitted_at if self.report and not self.is_missing else None

    @property
    def shortfalls(self) -> int:
        return self.report.shortfall_count if self.report else 0

    @property
    def best_practices(self) -> int:
        return self.report.best_practice_count if self.report else 0


@dataclass
class ZoneTrack:
    zone: InspectionZone | None  # None: the provinces outside the zones (Bangkok), shown to admins
    rows: list[TrackRow] = field(default_factory=list)

    @property
    def missing(self) -> int:
        return sum(row.is_missing for row in self.rows)

    @property
    def handed_in(self) -> int:
        return len(self.rows) - self.missing

    @property
    def awaiting_review(self) -> int:
        return sum(row.awaits_review for row in self.rows)

    @property
    def shortfalls(self) -> int:
        return sum(row.shortfalls for row in self.rows)

    @property
    def best_practices(self) -> int:
        return sum(row.best_practices for row in self.rows)

    @property
    def status_counts(self) -> list[tuple[str, int]]:
        """(label, count) for every status present, in the statuses' order."""
        counts = {status: 0 for status in TrackStatus}
        for row in self.rows:
            counts[row.status] += 1
        return [(status.label, count) for status, count in counts.items() if count]

    @cached_property
    def texts(self) -> dict[str, str]:
        """The zone's totals as the card's header says them, in the page's language (worked out once here, not
        by translation tags in the template's loop over the zones)."""
        total = len(self.rows)
        handed_in = ngettext(
            "%(handed_in)s of %(total)s province handed in", "%(handed_in)s of %(total)s provinces handed in", total
        )
        return {
            "handed_in": handed_in % {"handed_in": self.handed_in, "total": total},
            "missing": gettext("missing: %(missing)s") % {"missing": self.missing},
            "waiting": gettext("awaiting review: %(waiting)s") % {"waiting": self.awaiting_review},
            "shortfalls": gettext("shortfalls: %(count)s") % {"count": self.shortfalls},
            "best_practices": gettext("best practices: %(count)s") % {"count": self.best_practices},
            "statuses": " · ".join(f"{label} {count}" for label, count in self.status_counts),
        }


def add_links(tracks: list[ZoneTrack], *, reviews: bool) -> None:
    """Give every handed-in row its button: Review or Read for an inspector, Read (the report page) for others.

    The addresses are made from one reversed pattern each, not one reverse() per row."""
    review_url = reverse("reports:review", args=[0]).replace("/0/", "/{}/")
    read_url = reverse("reports:edit", args=[0]).replace("/0/", "/{}/")
    for zone_track in tracks:
        for row in zone_track.rows:
            if row.report is None or row.report.status == ProvinceReport.Status.DRAFT:
                continue
            if reviews:
                row.link = review_url.format(row.report.pk)
                row.link_label = str(_("Review") if row.awaits_review else _("Read"))
                row.link_class = "btn-primary" if row.awaits_review else "btn-outline-secondary"
            else:
                row.link, row.link_label, row.link_class = (
                    read_url.format(row.report.pk),
                    str(_("Read")),
                    ("btn-outline-secondary"),
                )


def tracker_zones(user, fiscal_year: int) -> list[InspectionZone] | None:
    """The zones whose provinces the user tracks in a fiscal year; None: every zone (admins, head of inspectors)."""
    if access.reads_all_zones(user):
        return None
    return list(InspectionZone.objects.filter(assignments__user=user, assignments__fiscal_year=fiscal_year).distinct())


def track(period: ReportingPeriod, zones: list[InspectionZone] | None) -> list[ZoneTrack]:
    """Every province of the zones (all provinces when zones is None) with its report's status, by zone.

    A province is in the zone it reports under that quarter (reports.models.with_reporting_zone):
    a report stays with the zone it was filed under, even if its province has moved since.
    """
    provinces = with_reporting_zone(Province.objects.all(), period)
    if zones is None:
        zones_by_id = {zone.pk: zone for zone in InspectionZone.objects.all()}
    else:
        zones_by_id = {zone.pk: zone for zone in zones}
        provinces = provinces.filter(reporting_zone_id__in=list(zones_by_id))
    provinces = sorted_thai(provinces, key=lambda p: p.name_th)
    reports = ProvinceReport.objects.filter(period=period, province__in=[province.pk for province in provinces])
    # The reports' long texts are not read: 76 reports' texts were most of the bytes the page fetched.
    reports = reports.defer(*LONG_TEXTS)
    by_province = {report.province_id: report for report in reports.with_counts().order_by()}
    tracks: dict[int | None, ZoneTrack] = {zone.pk: ZoneTrack(zone) for zone in zones or []}
    for province in provinces:
        zone = zones_by_id.get(province.reporting_zone_id)
        zone_track = tracks.setdefault(zone.pk if zone else None, ZoneTrack(zone))
        report = by_province.get(province.pk)
        zone_track.rows.append(TrackRow(province, report, track_status(report)))
    for zone_track in tracks.values():
        zone_track.rows.sort(key=_rank)  # stable: Thai order within each group
    return sorted(tracks.values(), key=lambda t: t.zone.number if t.zone else 99)


def default_period(today: datetime.date) -> ReportingPeriod | None:
    """The latest period that has begun (or the earliest one if none has)."""
    return ReportingPeriod.objects.filter(start_date__lte=today).first() or ReportingPeriod.objects.last()
