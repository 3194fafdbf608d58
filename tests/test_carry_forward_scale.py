"""Carry-forward with large data: the pages' query counts do not grow with the data.

Built once for the module: every zoned province × the four quarters of FY 2565, each
report with a problem carried forward quarter after quarter (a chain of up to 4) and a
new one; ขอนแก่น also resolves one and has a draft of Q1 FY 2566 with two problems offered.
The data lives in one transaction rolled back when the module ends, so it reaches no
other test's database.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from provinces import reference
from provinces.models import InspectionZone, Province
from provinces.roles import HEAD_OF_INSPECTORS
from reports.models import Finding, ProvinceReport, ReportingPeriod, ShortfallResolution
from tests import factories
from tests.conftest import make_in_group, make_inspector, make_officer, make_user
from tests.large_data import rolled_back

YEAR = 2565


def _build() -> dict:
    reference.load(InspectionZone, Province)
    provinces = list(Province.objects.filter(zone__isnull=False).order_by("pk"))
    projects = [factories.project(f"โครงการขนาดใหญ่ {n}") for n in range(6)]
    periods = [factories.period(YEAR, quarter) for quarter in (1, 2, 3, 4)]
    previous: dict[int, Finding] = {}
    for quarter, period in enumerate(periods, start=1):
        reports = ProvinceReport.objects.bulk_create(
            ProvinceReport(
                province=province,
                period=period,
                zone_id=province.zone_id,
                status=ProvinceReport.Status.SUBMITTED,
                overall_results="ผลการดำเนินงาน",
            )
            for province in provinces
        )
        chained = Finding.objects.bulk_create(
            Finding(
                report=report,
                project=projects[report.province_id % len(projects)],
                kind=Finding.Kind.SHORTFALL,
                problems=f"ปัญหาต่อเนื่องของ{report.province_id}",
                carried_from=previous.get(report.province_id),
                quarters_running=quarter,
                position=0,
            )
            for report in reports
        )
        Finding.objects.bulk_create(
            Finding(
                report=report,
                project=projects[(report.province_id + 1) % len(projects)],
                kind=Finding.Kind.SHORTFALL,
                problems=f"ปัญหาใหม่ไตรมาส {quarter}",
                position=1,
            )
            for report in reports
        )
        previous = {finding.report.province_id: finding for finding in chained}
    khon_kaen = Province.objects.get(name_th="ขอนแก่น")
    officer = make_officer("scale_officer", "ขอนแก่น")
    q4 = ProvinceReport.objects.get(province=khon_kaen, period=periods[3])
    resolved = Finding.objects.get(report__province=khon_kaen, report__period=periods[2], position=1)
    ShortfallResolution.objects.create(report=q4, finding=resolved, how_resolved="แก้ไขแล้ว", by=officer)
    next_period = ReportingPeriod.objects.create(
        fiscal_year=YEAR + 1, quarter=1, deadline=timezone.localdate() + datetime.timedelta(days=10)
    )
    draft = ProvinceReport.objects.create(province=khon_kaen, period=next_period, zone_id=khon_kaen.zone_id)
    return {
        "officer": officer,
        "inspector": make_inspector("scale_inspector", range(1, 19), YEAR),
        "head": make_in_group("scale_head", HEAD_OF_INSPECTORS),
        "admin": make_user("scale_admin", is_staff=True, is_superuser=True),
        "q4": q4,
        "draft": draft,
        "provinces": len(provinces),
    }


@pytest.fixture(scope="module")
def big(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield _build()


def test_the_data_is_large(big, db):
    assert big["provinces"] == 76
    assert Finding.objects.filter(quarters_running=4).count() == 76
    assert ProvinceReport.objects.count() == 76 * 4 + 1


@pytest.mark.parametrize("reader", ["inspector", "head", "admin"])
@pytest.mark.parametrize("query", ["", "?page=3", "?project=&zone="])
def test_longest_running_page_queries(big, db, client, django_assert_max_num_queries, reader, query):
    client.force_login(big[reader])
    with django_assert_max_num_queries(11):
        response = client.get(reverse("reports:longest_running") + query)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("data-problem") == 25
    if not query:  # the 76 problems running 4 quarters come before those of one quarter
        assert "ปัญหาต่อเนื่องของ" in page and "ปัญหาใหม่ไตรมาส" not in page


def test_longest_running_filtered_by_zone_queries(big, db, client, django_assert_max_num_queries):
    client.force_login(big["inspector"])
    zone = InspectionZone.objects.get(number=12)
    with django_assert_max_num_queries(12):  # the chosen zone is read to check it
        response = client.get(reverse("reports:longest_running") + f"?zone={zone.pk}")
    assert response.content.decode().count("data-problem") == 2 * Province.objects.filter(zone=zone).count()


def test_review_page_queries(big, db, client, django_assert_max_num_queries):
    client.force_login(big["inspector"])
    with django_assert_max_num_queries(14):
        response = client.get(reverse("reports:review", args=[big["q4"].pk]))
    page = response.content.decode()
    assert "ปัญหาต่อเนื่อง 4 ไตรมาส" in page and "แก้ไขแล้ว" in page


def test_officer_page_with_offers_queries(big, db, client, django_assert_max_num_queries):
    client.force_login(big["officer"])
    with django_assert_max_num_queries(14):
        response = client.get(reverse("reports:edit", args=[big["draft"].pk]))
    page = response.content.decode()
    assert page.count("data-offer") == 2 and "ปัญหาต่อเนื่อง 4 ไตรมาส" in page
