"""Trends across quarters (trends/stats.py and its pages): the numbers on small hand-made data, and who reads them."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from provinces.models import InspectionZone
from reports.models import PeriodOpening, ProvinceReport, ReportingPeriod
from tests import factories
from tests import review_factories as make
from tests.conftest import make_inspector

Status = ProvinceReport.Status
TODAY = datetime.date(2026, 11, 25)
OVERVIEW = reverse("trends:overview")
NATIONAL = reverse("trends:national")
# Queries of each page, whatever the data (tests/test_trends_large.py pins the same numbers on national-scale data),
# once its numbers are in the cache (trends/cached.py): the data's version and one cache read instead of the
# seven (six on the national view) GROUP BY queries.
OVERVIEW_QUERIES = {"inspector": 10, "head": 8}
ZONE_QUERIES = 9
NATIONAL_QUERIES = 10
# The head of inspectors' downloads (the paths: reverse() needs the URLconf, read when this module is imported).
DOWNLOAD_QUERIES = {"/trends/trends.xlsx": 7, "/trends/zones/5/trends.xlsx": 7, "/trends/national.xlsx": 7}
# The first request after a change computes the numbers and writes them to the database cache: at most this
# many queries more than a cached one (the GROUP BY queries, and the cache's count, savepoint, select, insert).
COMPUTING_QUERIES = 12


def get_twice(client, url, params, queries, django_assert_num_queries, django_assert_max_num_queries):
    """The first request computes and stores the numbers (bounded), the next reads them: `queries` exactly."""
    with django_assert_max_num_queries(queries + COMPUTING_QUERIES):
        first = client.get(url, params)
    with django_assert_num_queries(queries):
        second = client.get(url, params)
    assert first.status_code == second.status_code == 200
    return second


def _period(year: int, quarter: int) -> ReportingPeriod:
    return ReportingPeriod.objects.create(fiscal_year=year, quarter=quarter)  # default deadline: 15 days after


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _handed_in(name: str, period: ReportingPeriod, status=Status.SUBMITTED, days_after_deadline: int = -1):
    late = days_after_deadline > 0
    at = _at(period.deadline + datetime.timedelta(days=days_after_deadline))
    return make.report(name, period, status, submitted_at=at, is_late=late)


def _rows(response, key: str) -> list[list]:
    table = next(table for table, _chart in response.context["sections"] if table.key == key)
    return table.rows


@pytest.fixture
def q3(geography):
    return _period(2564, 3)


# --- on time, late, missing ----------------------------------------------------------------


def test_on_time_late_and_missing_per_quarter(client, inspector, q3):
    _handed_in("กาฬสินธุ์", q3)  # the day before the deadline
    _handed_in("ขอนแก่น", q3, days_after_deadline=2)
    _handed_in("มหาสารคาม", q3, Status.RETURNED, days_after_deadline=5)  # first submitted late, then returned
    make.report("ร้อยเอ็ด", q3)  # a draft never handed in
    _handed_in("เชียงใหม่", q3)  # zone 16: not the inspector's
    client.force_login(inspector)
    response = client.get(OVERVIEW, {"until": 2564, "years": 1})
    assert response.status_code == 200
    # Zones 12 and 18: eight provinces; the four of zone 18 have no report at all.
    assert _rows(response, "submissions") == [["ไตรมาส 3/2564", 8, 1, 2, 5, 0, pytest.approx(12.5)]]


def test_the_workflow_decides_on_time_and_late(client, inspector, geography):
    """First submitted by the deadline (the deadline day itself) is on time; under a late-report opening, late."""
    period = factories.period(2564, 3, deadline=TODAY)
    early = factories.complete_report("ขอนแก่น", period)
    early.submit(by=inspector, now=_at(TODAY, 23))
    early.return_to_province("แก้ไข", by=inspector)
    early.submit(by=inspector, now=_at(TODAY + datetime.timedelta(days=3)))  # resubmitted late: still on time
    late = factories.complete_report("กาฬสินธุ์", period)
    opening = PeriodOpening.objects.create(
        period=period, province=late.province, until=TODAY + datetime.timedelta(9), reason="น้ำท่วม"
    )
    opening.apply(by=inspector)
    late.refresh_from_db()
    late.submit(by=inspector, now=_at(TODAY + datetime.timedelta(days=4)))
    client.force_login(inspector)
    rows = _rows(client.get(OVERVIEW, {"until": 2564, "years": 1}), "submissions")
    assert rows[0][1:4] == [8, 1, 1]


def test_before_the_deadline_not_handed_in_is_not_missing(client, inspector, geography):
    period = factories.period(2570, 1, deadline=timezone.localdate() + datetime.timedelta(days=5))
    ReportingPeriod.objects.filter(pk=period.pk).update(start_date=timezone.localdate())
    _handed_in("ขอนแก่น", period)
    InspectorAssignmentFactory = make_inspector("inspector_2570", [12], 2570)
    client.force_login(InspectorAssignmentFactory)
    rows = _rows(client.get(OVERVIEW, {"until": 2570, "years": 1}), "submissions")
    assert rows[0][1:6] == [4, 1, 0, 0, 3]


def test_fiscal_year_boundaries_follow_each_years_zones(client, geography):
    """Zone 12 in FY 2564, zone 18 in FY 2565: Q4 2564 counts zone 12's provinces, Q1 2565 zone 18's."""
    inspector = make_inspector("inspector_moves", [12], 2564)
    make_inspector("someone_else", [1], 2565)
    from provinces.models import InspectorAssignment

    InspectorAssignment.objects.create(user=inspector, zone=InspectionZone.objects.get(number=18), fiscal_year=2565)
    q3_2563, q4_2564, q1_2565 = _period(2563, 3), _period(2564, 4), _period(2565, 1)
    _handed_in("ขอนแก่น", q4_2564)  # zone 12
    _handed_in("นครสวรรค์", q4_2564)  # zone 18: not inspected in 2564
    _handed_in("พิจิตร", q1_2565, days_after_deadline=1)  # zone 18
    _handed_in("ขอนแก่น", q1_2565)  # zone 12: not inspected in 2565
    _handed_in("ขอนแก่น", q3_2563)  # before the years shown
    client.force_login(inspector)
    response = client.get(OVERVIEW, {"until": 2565, "years": 2})
    rows = _rows(response, "submissions")
    assert [row[:4] for row in rows] == [["ไตรมาส 4/2564", 4, 1, 0], ["ไตรมาส 1/2565", 4, 0, 1]]
    assert q3_2563.pk not in [period.pk for period in response.context["periods"]]


def test_a_report_counts_in_the_zone_it_was_filed_under(client, inspector, q3):
    moved = _handed_in("ขอนแก่น", q3)
    ProvinceReport.objects.filter(pk=moved.pk).update(zone=InspectionZone.objects.get(number=1))
    client.force_login(inspector)
    rows = _rows(client.get(OVERVIEW, {"until": 2564, "years": 1}), "submissions")
    assert rows[0][1:5] == [7, 0, 0, 7]  # ขอนแก่น reports under zone 1 that quarter


# --- shortfalls and figures ----------------------------------------------------------------------


def test_a_project_failing_in_several_quarters_comes_first_with_its_provinces(client, inspector, geography):
    periods = [_period(2564, quarter) for quarter in (1, 2, 3, 4)]
    for period in periods[:3]:
        make.shortfall(_handed_in("ขอนแก่น", period, Status.ACCEPTED), "โครงการที่ไม่ถึงเป้า")
    make.shortfall(_handed_in("กาฬสินธุ์", periods[1]), "โครงการที่ไม่ถึงเป้า")
    make.shortfall(_handed_in("พิจิตร", periods[3]), "โครงการครั้งเดียว")
    make.shortfall(make.report("ร้อยเอ็ด", periods[3]), "โครงการในร่าง")  # a draft: not counted
    make.shortfall(_handed_in("เชียงใหม่", periods[0]), "โครงการที่ไม่ถึงเป้า")  # zone 16: not counted
    client.force_login(inspector)
    rows = _rows(client.get(OVERVIEW, {"until": 2564, "years": 1}), "shortfalls")
    assert rows == [
        ["โครงการที่ไม่ถึงเป้า", 1, 2, 1, 0, 3, "ขอนแก่น (3) กาฬสินธุ์ (1)"],
        ["โครงการครั้งเดียว", 0, 0, 0, 1, 1, "พิจิตร (1)"],
    ]


def test_targets_against_results(client, inspector, q3):
    finding = make.shortfall(_handed_in("ขอนแก่น", q3), "โคก หนอง นา")
    factories.figure(finding, target=516, result=500, unit="แปลง")
    factories.figure(finding, target=10, result=12, unit="แปลง")
    factories.figure(finding, target=100, result=None, unit="ครัวเรือน")  # no result: not counted
    other = make.best_practice(_handed_in("พิจิตร", q3), "โคก หนอง นา")
    factories.figure(other, target=30, result=30, unit="ครัวเรือน")
    client.force_login(inspector)
    response = client.get(OVERVIEW, {"until": 2564, "years": 1})
    assert _rows(response, "figures") == [["ไตรมาส 3/2564", 3, 2, 1, Decimal("66.7")]]
    assert sorted(_rows(response, "project-figures"), key=lambda row: row[1]) == [
        ["โคก หนอง นา", "ครัวเรือน", 1, 30, 30, 100],
        ["โคก หนอง นา", "แปลง", 2, 526, 512, Decimal("97.3")],
    ]


# --- the national view -----------------------------------------------------------------------------


def test_national_view_counts_every_zone(client, head_of_inspectors, q3, inspector):
    _handed_in("กาฬสินธุ์", q3)
    _handed_in("ขอนแก่น", q3, Status.ACCEPTED, days_after_deadline=3)
    make.returned("มหาสารคาม", q3, "เพิ่มรายละเอียด", by=inspector)
    make.report("ร้อยเอ็ด", q3)
    client.force_login(head_of_inspectors)
    response = client.get(NATIONAL, {"period": q3.pk})
    assert response.status_code == 200
    statuses = response.context["statuses"]
    assert [s.zone.number for s in statuses if s.zone] == list(range(1, 19))
    zone_12 = next(s for s in statuses if s.zone and s.zone.number == 12)
    assert (
        zone_12.provinces,
        zone_12.submitted,
        zone_12.accepted,
        zone_12.returned,
        zone_12.missing,
        zone_12.late,
    ) == (
        4,
        1,
        1,
        1,
        1,
        1,
    )
    assert sum(s.provinces for s in statuses) == 77
    html = response.content.decode()
    assert reverse("trends:zone", args=[12]) in html
    assert f"{reverse('reports:tracker')}?period={q3.pk}#zone-12" in html


def test_zone_page_leads_to_the_tracker(client, inspector, q3):
    client.force_login(inspector)
    response = client.get(reverse("trends:zone", args=[12]), {"until": 2564})
    assert response.status_code == 200
    assert f"{reverse('reports:tracker')}?period={q3.pk}#zone-12" in response.content.decode()


# --- filters ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", [{"years": "abc"}, {"years": "99"}, {"until": "1999"}, {"until": "x", "years": "-1"}])
def test_a_bad_filter_falls_back_and_says_so(client, inspector, q3, query):
    client.force_login(inspector)
    response = client.get(OVERVIEW, query)
    assert response.status_code == 200
    assert response.context["refused"] is True
    assert response.context["scope"].years == (2562, 2563, 2564)  # three years up to the latest with quarters
    assert 'id="filters-refused"' in response.content.decode()


def test_national_view_with_an_unknown_quarter_falls_back(client, admin_user, q3):
    client.force_login(admin_user)
    response = client.get(NATIONAL, {"period": "999999"})
    assert response.status_code == 200 and response.context["refused"]
    assert response.context["period"] == q3


# --- downloads -----------------------------------------------------------------------------------------


def test_download_holds_the_tables_numbers(client, inspector, q3):
    _handed_in("กาฬสินธุ์", q3)
    _handed_in("ขอนแก่น", q3, days_after_deadline=2)
    client.force_login(inspector)
    response = client.get(reverse("trends:overview_xlsx"), {"until": 2564, "years": 1, "table": "submissions"})
    assert response.status_code == 200
    assert "trends-2564-2564.xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.sheetnames) == 1
    sheet = book.worksheets[0]
    assert sheet["A2"].value == "ไตรมาส" and sheet["C2"].value == "ตรงเวลา"
    assert [cell.value for cell in sheet[3]][:6] == ["ไตรมาส 3/2564", 8, 1, 1, 6, 0]
    everything = load_workbook(io.BytesIO(client.get(reverse("trends:overview_xlsx"), {"until": 2564}).content))
    assert len(everything.sheetnames) == 4


def test_national_download(client, admin_user, q3):
    client.force_login(admin_user)
    response = client.get(reverse("trends:national_xlsx"), {"period": q3.pk})
    book = load_workbook(io.BytesIO(response.content))
    assert len(book.sheetnames) == 2
    rows = list(book.worksheets[0].iter_rows(min_row=3, values_only=True))
    assert len(rows) == 19  # 18 zones and Bangkok


# --- who may read -------------------------------------------------------------------------------------


def _pages():
    return [OVERVIEW, reverse("trends:overview_xlsx"), reverse("trends:zone", args=[12]), NATIONAL]


def test_anonymous_is_sent_to_log_in(client, q3):
    for url in [*_pages(), reverse("trends:zone_xlsx", args=[12]), reverse("trends:national_xlsx")]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url


@pytest.mark.parametrize("who", ["officer", "other_officer", "bare_staff"])
def test_officers_and_bare_staff_are_refused(client, request, q3, who):
    client.force_login(request.getfixturevalue(who))
    for url in [*_pages(), reverse("trends:zone_xlsx", args=[12]), reverse("trends:national_xlsx")]:
        assert client.get(url).status_code == 403, url


def test_inspector_reads_own_zones_only(client, inspector, other_inspector, q3):
    _handed_in("ขอนแก่น", q3)
    client.force_login(other_inspector)  # zone 1
    rows = _rows(client.get(OVERVIEW, {"until": 2564, "years": 1}), "submissions")
    assert rows[0][1:3] == [InspectionZone.objects.get(number=1).provinces.count(), 0]
    assert client.get(reverse("trends:zone", args=[12])).status_code == 403
    assert client.get(reverse("trends:zone_xlsx", args=[12])).status_code == 403
    assert client.get(reverse("trends:zone", args=[1])).status_code == 200
    assert client.get(NATIONAL).status_code == 403
    assert client.get(reverse("trends:national_xlsx")).status_code == 403
    client.force_login(inspector)
    assert client.get(reverse("trends:zone", args=[12])).status_code == 200
    assert client.get(reverse("trends:zone", args=[1])).status_code == 403
    assert client.get(reverse("trends:zone", args=[99])).status_code == 404


@pytest.mark.parametrize("who", ["head_of_inspectors", "admin_user", "portal_admin"])
def test_head_of_inspectors_and_admins_read_the_whole_country(client, request, q3, who):
    _handed_in("เชียงใหม่", q3)
    client.force_login(request.getfixturevalue(who))
    response = client.get(OVERVIEW, {"until": 2564, "years": 1})
    assert response.status_code == 200 and response.context["whole_country"]
    assert _rows(response, "submissions")[0][1:3] == [77, 1]
    for url in [reverse("trends:zone", args=[5]), NATIONAL, reverse("trends:national_xlsx")]:
        assert client.get(url).status_code == 200, url


def test_navigation_links(client, inspector, head_of_inspectors, officer, q3):
    client.force_login(inspector)
    html = client.get(OVERVIEW).content.decode()
    assert f'href="{OVERVIEW}"' in html and f'href="{NATIONAL}"' not in html
    client.force_login(head_of_inspectors)
    html = client.get(OVERVIEW).content.decode()
    assert f'href="{OVERVIEW}"' in html and f'href="{NATIONAL}"' in html
    client.force_login(officer)
    html = client.get(reverse("reports:officer_home")).content.decode()
    assert f'href="{OVERVIEW}"' not in html


# --- query counts (small data; tests/test_trends_large.py: the same on national-scale data) -------------


def test_query_counts_on_small_data(
    client, inspector, head_of_inspectors, q3, django_assert_num_queries, django_assert_max_num_queries
):
    _handed_in("ขอนแก่น", q3)
    counts = (django_assert_num_queries, django_assert_max_num_queries)
    client.force_login(inspector)
    get_twice(client, OVERVIEW, {}, OVERVIEW_QUERIES["inspector"], *counts)
    get_twice(client, reverse("trends:zone", args=[12]), {}, ZONE_QUERIES, *counts)
    client.force_login(head_of_inspectors)
    get_twice(client, OVERVIEW, {}, OVERVIEW_QUERIES["head"], *counts)
    get_twice(client, NATIONAL, {}, NATIONAL_QUERIES, *counts)
    for url, queries in DOWNLOAD_QUERIES.items():
        get_twice(client, url, {"until": 2564}, queries, *counts)


def test_no_quarter_yet(client, inspector, head_of_inspectors):
    client.force_login(inspector)
    response = client.get(OVERVIEW)
    assert response.status_code == 200 and "ไม่มีข้อมูล" in response.content.decode()
    client.force_login(head_of_inspectors)
    response = client.get(NATIONAL)
    assert response.status_code == 200 and response.context["period"] is None
    assert client.get(reverse("trends:national_xlsx")).status_code == 404


def test_no_large_data_leaked_here(db):
    """tests/test_large_trends.py runs before this module: its national-scale data must be gone."""
    from reports.models import Project

    assert not Project.objects.filter(name_th__startswith="โครงการข้อมูลจำนวนมาก").exists()
    assert not ProvinceReport.objects.exists()
