"""Trends across quarters: the user's zones (the whole country for those who read every zone), one zone, and
the national view of one quarter. Each page has its .xlsx twin holding the same tables."""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from inspection_portal.lib.downloads import content_disposition
from provinces.models import InspectionZone
from reports import access, tracking
from trends import cached, charts, stats, tables, xlsx
from trends.forms import DEFAULT_YEARS, NationalForm, TrendForm, fiscal_years_with_periods, read_filters


def _filters(request: HttpRequest, form_class, defaults: dict, fiscal_years: list[int]):
    """(values, the form showing them, whether a value given could not be read): a bad value falls back."""
    data = {name: str(getattr(value, "pk", value)) for name, value in defaults.items()}
    data.update({name: request.GET[name] for name in defaults if request.GET.get(name)})
    values, refused = read_filters(form_class(data, fiscal_years), defaults)
    return values, form_class(None, fiscal_years, initial=values), refused


def _trend_filters(request: HttpRequest, today: datetime.date):
    fiscal_years = fiscal_years_with_periods(today)
    return _filters(request, TrendForm, {"years": DEFAULT_YEARS, "until": fiscal_years[0]}, fiscal_years)


def _trend_sections(scope: stats.Scope, today: datetime.date) -> tuple[list, list]:
    """(periods, [(table, chart or None)]) of a scope, built once per version of the data (trends/cached.py)."""
    return cached.get_or_build(("sections", scope.key, today), lambda: _build_trend_sections(scope, today))


def _page_sections(scope: stats.Scope, today: datetime.date, download_url: str, query: str) -> tuple:
    """(periods, sections, their HTML) for a page, built and rendered once per version of the data."""

    def build():
        periods, sections = _build_trend_sections(scope, today)
        context = {"sections": sections, "download_url": download_url, "query": query}
        return periods, sections, mark_safe(render_to_string("trends/_sections.html", context))  # noqa: S308 (escaped by the template)

    return cached.get_or_build(("page", scope.key, today, download_url, query), build)


def _build_trend_sections(scope: stats.Scope, today: datetime.date) -> tuple[list, list]:
    """(periods, [(table, chart or None)]) of a scope: seven queries whatever the data."""
    periods = stats.periods_in(scope.years, today)
    quarters = stats.submissions(scope, periods, today)
    projects = stats.shortfalls_by_project(scope, periods)
    figures = stats.figures_by_quarter(scope, periods)
    axis = [tables.quarter_lines(q.period) for q in quarters]
    submissions_chart = charts.stacked_columns(
        _("Reports per quarter"),
        axis,
        [
            (_("On time"), [q.on_time for q in quarters]),
            (_("Late"), [q.late for q in quarters]),
            (_("Missing"), [q.missing for q in quarters]),
            (_("Not yet handed in (deadline ahead)"), [q.pending for q in quarters]),
        ],
    )
    shortfalls_chart = charts.horizontal_bars(
        _("Quarters with shortfalls, per project"), [(p.name, p.quarters) for p in projects[:10]]
    )
    figures_chart = charts.stacked_columns(
        _("Figures against their targets"),
        axis,
        [(_("Reached the target"), [q.reached for q in figures]), (_("Fell short"), [q.short for q in figures])],
    )
    return periods, [
        (tables.submissions(quarters), submissions_chart if quarters else None),
        (tables.shortfalls(projects, periods), shortfalls_chart if projects else None),
        (tables.figures(figures), figures_chart if any(q.total for q in figures) else None),
        (tables.project_figures(stats.figures_by_project(scope, periods)), None),
    ]


def _xlsx(sections: list, request: HttpRequest, name: str, ascii_name: str) -> HttpResponse:
    """The sections' tables as a workbook; ?table= keeps one of them."""
    chosen = [table for table, _chart in sections if request.GET.get("table") in (None, "", table.key)]
    response = HttpResponse(xlsx.workbook(chosen or [table for table, _chart in sections]), content_type=xlsx.XLSX_TYPE)
    response["Content-Disposition"] = content_disposition(name, ascii_name)
    return response


def _may_follow_trends(user) -> access.Roles:
    roles = access.roles_of(user)
    if not (roles.is_inspector or roles.reads_all_zones):
        raise PermissionDenied
    return roles


def _overview_data(request: HttpRequest):
    roles = _may_follow_trends(request.user)
    today = timezone.localdate()
    values, form, refused = _trend_filters(request, today)
    scope = stats.user_scope(request.user, stats.fiscal_years(values["until"], values["years"]))
    return roles, scope, form, refused, today


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    """The trends of the zones the user inspected in each year, or of the whole country."""
    roles, scope, form, refused, today = _overview_data(request)
    download_url, query = reverse("trends:overview_xlsx"), _query(request)
    periods, sections, sections_html = _page_sections(scope, today, download_url, query)
    context = {
        "form": form,
        "refused": refused,
        "scope": scope,
        "whole_country": roles.reads_all_zones,
        "sections": sections,
        "sections_html": sections_html,
        "periods": periods,
        "zone_years": [] if roles.reads_all_zones else _zone_years(scope),
        "reads_all": roles.reads_all_zones,
    }
    return render(request, "trends/overview.html", context)


def _zone_years(scope: stats.Scope) -> list[tuple[int, list[InspectionZone]]]:
    """(fiscal year, the zones the scope reads that year), latest year first: one query."""
    zone_ids = set().union(*scope.zones_by_year.values())
    zones = {zone.pk: zone for zone in InspectionZone.objects.filter(pk__in=zone_ids)}
    return [
        (year, sorted((zones[pk] for pk in scope.zones_by_year[year]), key=lambda zone: zone.number))
        for year in reversed(scope.years)
    ]


def _query(request: HttpRequest) -> str:
    """The page's filters, for its download links (the link adds its own ?table=)."""
    query = request.GET.copy()
    query.pop("table", None)
    return query.urlencode()


@login_required
@require_GET
def overview_xlsx(request: HttpRequest) -> HttpResponse:
    _roles, scope, _form, _refused, today = _overview_data(request)
    years = f"{scope.years[0]}-{scope.years[-1]}"
    _periods, sections = _trend_sections(scope, today)
    return _xlsx(sections, request, f"แนวโน้ม-{years}.xlsx", f"trends-{years}.xlsx")


def _zone_data(request: HttpRequest, number: int):
    zone = get_object_or_404(InspectionZone, number=number)
    today = timezone.localdate()
    values, form, refused = _trend_filters(request, today)
    scope = stats.zone_scope(request.user, zone, stats.fiscal_years(values["until"], values["years"]))
    if scope is None:
        raise PermissionDenied
    return zone, scope, form, refused, today


@login_required
@require_GET
def zone_trends(request: HttpRequest, number: int) -> HttpResponse:
    """One zone's trends, in the years the user may read it, with the way to each quarter's tracker."""
    zone, scope, form, refused, today = _zone_data(request, number)
    download_url, query = reverse("trends:zone_xlsx", args=[zone.number]), _query(request)
    periods, sections, sections_html = _page_sections(scope, today, download_url, query)
    tracker = reverse("reports:tracker")
    trackers = [
        (tables.quarter_label(period), f"{tracker}?period={period.pk}#zone-{zone.number}")
        for period in periods
        if scope.covers(period.fiscal_year, zone.pk)
    ]
    context = {
        "zone": zone,
        "form": form,
        "refused": refused,
        "scope": scope,
        "sections": sections,
        "sections_html": sections_html,
        "trackers": trackers,
        "reads_all": access.reads_all_zones(request.user),
    }
    return render(request, "trends/zone.html", context)


@login_required
@require_GET
def zone_trends_xlsx(request: HttpRequest, number: int) -> HttpResponse:
    zone, scope, _form, _refused, today = _zone_data(request, number)
    _periods, sections = _trend_sections(scope, today)
    years = f"{scope.years[0]}-{scope.years[-1]}"
    return _xlsx(sections, request, f"แนวโน้ม-เขต{zone.number}-{years}.xlsx", f"trends-zone{zone.number}-{years}.xlsx")


def _national_data(request: HttpRequest, page: bool = False):
    """(period, its numbers: periods, statuses, sparkline rows, sections (trends/cached.py), form, refused)."""
    if not access.reads_all_zones(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    default = tracking.default_period(today)
    if default is None:
        return None, None, NationalForm(None, []), False
    # The chosen quarter's fiscal year ends the trend: no "up to" year to choose.
    values, form, refused = _filters(request, NationalForm, {"period": default, "years": DEFAULT_YEARS}, [])
    period, years = values["period"], values["years"]
    # The page's body is rendered with the numbers (its links carry the query); the download needs only the numbers.
    query = _query(request) if page else None
    numbers = cached.get_or_build(
        ("national", period.pk, years, today, query), lambda: _national_numbers(period, years, today, query)
    )
    return period, numbers, form, refused


def _national_numbers(period, years: int, today: datetime.date, query: str | None) -> dict:
    """The national view's numbers, tables and charts of one quarter (five queries whatever the data), and the
    page's body rendered with them unless `query` is None."""
    scope = stats.Scope(stats.fiscal_years(period.fiscal_year, years))
    periods = stats.periods_in(scope.years, max(today, period.start_date))
    statuses = stats.zone_statuses(period)
    by_zone = stats.submissions_by_zone(scope, periods, today)
    for status in statuses:
        status.quarters = by_zone.get(status.zone.pk if status.zone else None) or [
            stats.Submissions(p, today=today) for p in periods
        ]
    numbers = {"periods": periods, "statuses": statuses, "sections": _national_sections(statuses, period, periods)}
    if query is not None:
        context = {
            "period": period,
            "years": years,
            "rows": [(status, charts.sparkline([q.on_time_percent for q in status.quarters])) for status in statuses],
            "sections": numbers["sections"],
            "download_url": reverse("trends:national_xlsx"),
            "query": query,
        }
        numbers["body"] = mark_safe(render_to_string("trends/_national_body.html", context))  # noqa: S308 (escaped by the template)
    return numbers


@login_required
@require_GET
def national(request: HttpRequest) -> HttpResponse:
    """Every zone's state in one quarter, with each zone's trend of reports on time: the head of inspectors' page."""
    period, numbers, form, refused = _national_data(request, page=True)
    context = {"period": period, "form": form, "refused": refused, "periods": numbers["periods"] if numbers else []}
    if period is not None:
        context.update(period_label=tables.quarter_label(period))
        context.update(statuses=numbers["statuses"], sections=numbers["sections"], body=numbers["body"])
    return render(request, "trends/national.html", context)


def _national_sections(statuses, period, periods) -> list:
    chart = charts.stacked_columns(
        _("Reports per zone"),
        [(_("Zone %(number)s") % {"number": s.zone.number}, "") if s.zone else (_("Other"), "") for s in statuses],
        [
            (_("Accepted"), [s.accepted for s in statuses]),
            (_("Submitted, awaiting review"), [s.submitted for s in statuses]),
            (_("Missing"), [s.missing for s in statuses]),
            (_("Returned"), [s.returned for s in statuses]),
        ],
        column_width=48,
    )
    return [(tables.zone_statuses(statuses, period), chart), (tables.zone_trends(statuses, periods), None)]


@login_required
@require_GET
def national_xlsx(request: HttpRequest) -> HttpResponse:
    period, numbers, _form, _refused = _national_data(request)
    if period is None:
        raise Http404
    label = f"{period.quarter}-{period.fiscal_year}"
    return _xlsx(numbers["sections"], request, f"ภาพรวมประเทศ-ไตรมาส{label}.xlsx", f"national-q{label}.xlsx")
