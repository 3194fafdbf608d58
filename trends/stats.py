"""Numbers across quarters: submissions on time, late and missing; shortfalls per project; targets against results.

Every function here reads a fixed handful of GROUP BY queries, whatever the number of
provinces, quarters or findings; the trend pages and their spreadsheets only show what
these functions return. What a user may read is a `Scope`: for each fiscal year, the
zones (inspectors are assigned zones per fiscal year), or every zone.

A report counts in the zone it was filed under (reports.models.with_reporting_zone): its
own zone, else its province's zone now. A province with no report for a quarter counts in
its zone now.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Coalesce

from inspection_portal.lib.numbers import percent
from inspection_portal.lib.thai import sorted_thai
from provinces.models import InspectionZone, InspectorAssignment, Province
from reports import access
from reports.models import Finding, FindingFigure, ProvinceReport, ReportingPeriod, with_reporting_zone

Status = ProvinceReport.Status
# Reports whose findings count: every report handed in (the findings spreadsheet's rule).
HANDED_IN = (Status.SUBMITTED, Status.RETURNED, Status.ACCEPTED)


# --- who reads what -----------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """The fiscal years a trend covers and, for each, the zones it reads (None: every zone and Bangkok)."""

    years: tuple[int, ...]
    zones_by_year: dict[int, frozenset[int]] | None = None

    @property
    def is_empty(self) -> bool:
        return self.zones_by_year is not None and not any(self.zones_by_year.values())

    @property
    def key(self) -> tuple:
        """The scope as plain sorted values, for a cache key."""
        if self.zones_by_year is None:
            return (self.years, None)
        return (self.years, tuple(sorted((year, tuple(sorted(ids))) for year, ids in self.zones_by_year.items())))

    def covers(self, fiscal_year: int, zone_id: int | None) -> bool:
        if fiscal_year not in self.years:
            return False
        return self.zones_by_year is None or zone_id in self.zones_by_year.get(fiscal_year, ())

    def filter(self, queryset, year_field: str, zone_field: str):
        """The rows of the queryset this scope reads (the zone field an annotation of the filed-under zone)."""
        if self.zones_by_year is None:
            return queryset.filter(**{f"{year_field}__in": self.years})
        condition = Q(pk__in=[])
        for year, zone_ids in self.zones_by_year.items():
            if year in self.years and zone_ids:
                condition |= Q(**{year_field: year, f"{zone_field}__in": sorted(zone_ids)})
        return queryset.filter(condition)


def fiscal_years(last: int, count: int) -> tuple[int, ...]:
    """The `count` fiscal years ending with `last`, oldest first."""
    return tuple(range(last - count + 1, last + 1))


def user_scope(user, years: tuple[int, ...]) -> Scope:
    """Every zone for administrators and the head of inspectors; an inspector's zones of each year."""
    if access.reads_all_zones(user):
        return Scope(years)
    zones: dict[int, set[int]] = {year: set() for year in years}
    assignments = InspectorAssignment.objects.filter(user=user, fiscal_year__in=years)
    for year, zone_id in assignments.values_list("fiscal_year", "zone_id"):
        zones[year].add(zone_id)
    return Scope(years, {year: frozenset(ids) for year, ids in zones.items()})


def zone_scope(user, zone: InspectionZone, years: tuple[int, ...]) -> Scope | None:
    """One zone, in the years the user may read it; None if the user never inspected it (nor reads every zone)."""
    if access.reads_all_zones(user):
        return Scope(years, {year: frozenset({zone.pk}) for year in years})
    assigned = set(InspectorAssignment.objects.filter(user=user, zone=zone).values_list("fiscal_year", flat=True))
    if not assigned:
        return None
    return Scope(years, {year: frozenset({zone.pk}) if year in assigned else frozenset() for year in years})


def periods_in(years: tuple[int, ...], today: datetime.date) -> list[ReportingPeriod]:
    """The quarters of those fiscal years that have begun, oldest first."""
    periods = ReportingPeriod.objects.filter(fiscal_year__in=years, start_date__lte=today)
    return list(periods.order_by("fiscal_year", "quarter"))


def _filed_zone():
    return Coalesce(F("zone"), F("province__zone"))


# --- submissions ----------------------------------------------------------------------


@dataclass
class Submissions:
    """A quarter's provinces: first submitted by the deadline, after it, not yet (before or after the deadline)."""

    period: ReportingPeriod
    expected: int = 0
    on_time: int = 0
    late: int = 0
    not_handed_in: int = 0
    today: datetime.date = field(default=datetime.date.max, repr=False)

    @property
    def deadline_passed(self) -> bool:
        return self.period.deadline < self.today

    @property
    def missing(self) -> int:
        """Not handed in once the deadline has passed."""
        return self.not_handed_in if self.deadline_passed else 0

    @property
    def pending(self) -> int:
        """Not handed in yet while the deadline is ahead."""
        return 0 if self.deadline_passed else self.not_handed_in

    @property
    def on_time_percent(self) -> Decimal | None:
        return percent(self.on_time, self.expected)

    def add(self, expected: int, on_time: int, late: int) -> None:
        self.expected += expected
        self.on_time += on_time
        self.late += late
        self.not_handed_in += max(expected - on_time - late, 0)


def _submission_cells(periods: list[ReportingPeriod]) -> dict[tuple[int, int | None], tuple[int, int, int]]:
    """(period pk, zone pk) → (provinces expected, on time, late): two queries for any number of quarters.

    Expected in a zone = reports filed under it + provinces in it now that have no report for the quarter.
    """
    rows = (
        ProvinceReport.objects.filter(period__in=periods)
        .annotate(filed_zone=_filed_zone())
        .values("period_id", "filed_zone", "province__zone")
        .annotate(
            reports=Count("pk"),
            handed_in=Count("pk", filter=Q(submitted_at__isnull=False)),
            late=Count("pk", filter=Q(submitted_at__isnull=False, is_late=True)),
        )
        .order_by()
    )
    provinces_now = dict(Province.objects.values_list("zone").annotate(n=Count("pk")).order_by())
    filed: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    reported_from: dict[tuple, int] = defaultdict(int)
    for row in rows:
        cell = filed[(row["period_id"], row["filed_zone"])]
        cell[0] += row["reports"]
        cell[1] += row["handed_in"] - row["late"]
        cell[2] += row["late"]
        reported_from[(row["period_id"], row["province__zone"])] += row["reports"]
    cells = {}
    for period in periods:
        for zone_id in set(provinces_now) | {zone for p, zone in filed if p == period.pk}:
            reports, on_time, late = filed.get((period.pk, zone_id), (0, 0, 0))
            without_report = provinces_now.get(zone_id, 0) - reported_from.get((period.pk, zone_id), 0)
            cells[(period.pk, zone_id)] = (reports + max(without_report, 0), on_time, late)
    return cells


def submissions(scope: Scope, periods: list[ReportingPeriod], today: datetime.date) -> list[Submissions]:
    """Per quarter, the scope's provinces on time, late and not handed in."""
    quarters = submissions_by_zone(scope, periods, today, by_zone=False).get("all")
    return quarters or [Submissions(period, today=today) for period in periods]


def submissions_by_zone(
    scope: Scope, periods: list[ReportingPeriod], today: datetime.date, by_zone: bool = True
) -> dict:
    """zone pk (None: outside the zones) → its quarters' Submissions; or {"all": …} summed when not by_zone."""
    periods_by_pk = {period.pk: period for period in periods}
    result: dict = {}
    for (period_pk, zone_id), (expected, on_time, late) in _submission_cells(periods).items():
        if not scope.covers(periods_by_pk[period_pk].fiscal_year, zone_id):
            continue
        key = zone_id if by_zone else "all"
        if key not in result:
            result[key] = {p.pk: Submissions(p, today=today) for p in periods}
        result[key][period_pk].add(expected, on_time, late)
    return {key: list(quarters.values()) for key, quarters in result.items()}


# --- shortfalls per project -------------------------------------------------------------


@dataclass
class ProjectShortfalls:
    """A project's shortfalls over the quarters: provinces per quarter, and which provinces how often."""

    name: str
    by_period: dict[int, int] = field(default_factory=dict)  # period pk → provinces that fell short
    provinces: list[tuple[str, int]] = field(default_factory=list)  # (province, quarters it fell short)

    @property
    def quarters(self) -> int:
        """Quarters in which at least one province fell short."""
        return sum(1 for count in self.by_period.values() if count)

    @property
    def total(self) -> int:
        return sum(self.by_period.values())

    def counts(self, periods: list[ReportingPeriod]) -> list[int]:
        return [self.by_period.get(period.pk, 0) for period in periods]


def _findings(scope: Scope, periods: list[ReportingPeriod]):
    findings = Finding.objects.filter(report__period__in=periods, report__status__in=HANDED_IN).annotate(
        filed_zone=Coalesce(F("report__zone"), F("report__province__zone"))
    )
    return scope.filter(findings, "report__period__fiscal_year", "filed_zone")


def shortfalls_by_project(scope: Scope, periods: list[ReportingPeriod]) -> list[ProjectShortfalls]:
    """The projects that fell short, those failing in most quarters first: two queries."""
    shortfalls = _findings(scope, periods).filter(kind=Finding.Kind.SHORTFALL)
    projects: dict[int, ProjectShortfalls] = {}
    per_period = shortfalls.values("project_id", "project__name_th", "report__period_id").annotate(
        n=Count("report__province", distinct=True)
    )
    for row in per_period.order_by():
        project = projects.setdefault(row["project_id"], ProjectShortfalls(row["project__name_th"]))
        project.by_period[row["report__period_id"]] = row["n"]
    per_province = shortfalls.values("project_id", "report__province__name_th").annotate(
        n=Count("report__period", distinct=True)
    )
    for row in per_province.order_by():
        projects[row["project_id"]].provinces.append((row["report__province__name_th"], row["n"]))
    for project in projects.values():
        project.provinces = sorted(sorted_thai(project.provinces, key=lambda item: item[0]), key=lambda i: -i[1])
    ordered = sorted_thai(projects.values(), key=lambda project: project.name)
    return sorted(ordered, key=lambda project: (-project.quarters, -project.total))


# --- targets against results ------------------------------------------------------------


@dataclass
class QuarterFigures:
    """A quarter's figure rows with both a target and a result: how many reached the target."""

    period: ReportingPeriod
    reached: int = 0
    short: int = 0

    @property
    def total(self) -> int:
        return self.reached + self.short

    @property
    def reached_percent(self) -> Decimal | None:
        return percent(self.reached, self.total)


@dataclass
class ProjectFigures:
    """A project's targets and results in one unit, summed over the quarters."""

    name: str
    unit: str
    rows: int
    target: Decimal
    result: Decimal

    @property
    def percent(self) -> Decimal | None:
        return percent(self.result, self.target)


def _figures(scope: Scope, periods: list[ReportingPeriod]):
    figures = FindingFigure.objects.filter(
        finding__report__period__in=periods,
        finding__report__status__in=HANDED_IN,
        target__isnull=False,
        result__isnull=False,
    ).annotate(filed_zone=Coalesce(F("finding__report__zone"), F("finding__report__province__zone")))
    return scope.filter(figures, "finding__report__period__fiscal_year", "filed_zone")


def figures_by_quarter(scope: Scope, periods: list[ReportingPeriod]) -> list[QuarterFigures]:
    """Per quarter, the figure rows that reached their target and those that fell short: one query."""
    quarters = {period.pk: QuarterFigures(period) for period in periods}
    rows = (
        _figures(scope, periods)
        .values("finding__report__period_id")
        .annotate(reached=Count("pk", filter=Q(result__gte=F("target"))), n=Count("pk"))
        .order_by()
    )
    for row in rows:
        quarter = quarters[row["finding__report__period_id"]]
        quarter.reached, quarter.short = row["reached"], row["n"] - row["reached"]
    return list(quarters.values())


def figures_by_project(scope: Scope, periods: list[ReportingPeriod]) -> list[ProjectFigures]:
    """Targets and results summed per project and unit over the quarters (units are never added together)."""
    rows = (
        _figures(scope, periods)
        .values("finding__project__name_th", "unit")
        .annotate(n=Count("pk"), target=Sum("target"), result=Sum("result"))
        .order_by()
    )
    projects = [
        ProjectFigures(row["finding__project__name_th"], row["unit"], row["n"], row["target"], row["result"])
        for row in rows
    ]
    return sorted(sorted_thai(projects, key=lambda project: project.name), key=lambda p: -p.rows)


# --- one quarter, every zone -------------------------------------------------------------------


@dataclass
class ZoneStatus:
    """A zone's provinces in one quarter: submitted (awaiting review), accepted, returned, missing, late."""

    zone: InspectionZone | None
    provinces: int = 0
    submitted: int = 0
    accepted: int = 0
    returned: int = 0
    late: int = 0
    quarters: list[Submissions] = field(default_factory=list)  # the zone's trend

    @property
    def missing(self) -> int:
        """No report, or a draft never handed in."""
        return max(self.provinces - self.submitted - self.accepted - self.returned, 0)


def zone_statuses(period: ReportingPeriod) -> list[ZoneStatus]:
    """Every zone (and the provinces outside them, if any) with its provinces' states in the quarter: three queries."""
    statuses: dict[int | None, ZoneStatus] = {zone.pk: ZoneStatus(zone) for zone in InspectionZone.objects.all()}
    provinces = with_reporting_zone(Province.objects.all(), period).values("reporting_zone_id")
    for row in provinces.annotate(n=Count("pk")).order_by():
        statuses.setdefault(row["reporting_zone_id"], ZoneStatus(None)).provinces = row["n"]
    reports = (
        ProvinceReport.objects.filter(period=period)
        .annotate(filed_zone=_filed_zone())
        .values("filed_zone")
        .annotate(
            submitted=Count("pk", filter=Q(status=Status.SUBMITTED)),
            accepted=Count("pk", filter=Q(status=Status.ACCEPTED)),
            returned=Count("pk", filter=Q(status=Status.RETURNED)),
            late=Count("pk", filter=Q(submitted_at__isnull=False, is_late=True)),
        )
        .order_by()
    )
    for row in reports:
        status = statuses.setdefault(row["filed_zone"], ZoneStatus(None))
        status.submitted, status.accepted, status.returned, status.late = (
            row["submitted"],
            row["accepted"],
            row["returned"],
            row["late"],
        )
    return sorted(statuses.values(), key=lambda status: status.zone.number if status.zone else 99)
