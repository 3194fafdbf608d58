"""The benchmark's data builder (inspection_portal/bench_data.py) on a tiny scale, and load_bench_data's refusal."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from inspection_portal import bench_data
from library.models import FindingIndex
from meetings.models import FollowUpMeeting
from provinces.models import InspectorAssignment, ProvincialOfficer
from reports.models import Attachment, Finding, FindingFigure, ProvinceReport, ReviewEvent

TODAY = datetime.date(2026, 11, 24)  # Q1 of FY 2570
TINY = bench_data.Sizes(years=2, provinces=3, shortfalls=(1, 2), best_practices=(1, 1), rendered="none")


@pytest.fixture
def tiny(db):
    return bench_data.build(TINY, today=TODAY)


def test_builds_every_province_year_and_quarter(tiny):
    finished = ProvinceReport.objects.filter(period__fiscal_year__in=[2568, 2569])
    # 3 provinces × 2 years × 4 quarters, a few recent ones missing at random
    assert 20 <= finished.count() <= 24
    assert set(finished.values_list("period__fiscal_year", flat=True)) == {2568, 2569}
    assert finished.filter(status=ProvinceReport.Status.ACCEPTED).count() >= finished.count() // 2
    assert not finished.filter(period__fiscal_year=2568, status=ProvinceReport.Status.RETURNED).exists()
    assert Finding.objects.filter(report__in=finished).count() >= 2 * finished.count()
    assert FindingFigure.objects.exists() and Attachment.objects.exists()
    shortfall = Finding.objects.filter(kind=Finding.Kind.SHORTFALL).first()
    assert len(shortfall.problems) > 30 and shortfall.categories.exists()
    # a submission's event holds what was handed in, as ProvinceReport.content_snapshot() writes it
    event = ReviewEvent.objects.filter(action=ReviewEvent.Action.SUBMITTED).first()
    assert event.content == event.report.content_snapshot()
    assert ProvincialOfficer.objects.count() == 3
    assert InspectorAssignment.objects.filter(fiscal_year=2570).exists()
    assert tiny.counts["reports.ProvinceReport"] == ProvinceReport.objects.count()
    # bulk inserts send no signals: the search index is written for every finding
    assert FindingIndex.objects.count() == Finding.objects.count()


def test_meetings_per_zone_and_quarter_and_a_national_one_all_published(tiny):
    zones = ProvincialOfficer.objects.values("province__zone").distinct().count()
    assert FollowUpMeeting.objects.count() == zones * 8 + 1
    unpublished = FollowUpMeeting.objects.filter(published__isnull=True)
    assert sorted(unpublished.values_list("pk", flat=True)) == sorted(tiny.drafts)
    assert not unpublished.exclude(period__fiscal_year=2569, period__quarter=4).exists()
    national = FollowUpMeeting.objects.get(pk=tiny.national)
    assert national.zones.count() == zones
    assert national.published["provinces"]


def sign_in(client, username: str) -> None:
    response = client.post(reverse("login"), {"username": username, "password": bench_data.PASSWORD})
    assert response.status_code == 302, "the bench's password signs in"


def test_the_accounts_sign_in_and_read_their_pages(tiny, client):
    sign_in(client, tiny.accounts["inspector"])
    assert client.get(reverse("reports:tracker")).status_code == 200
    meeting = FollowUpMeeting.objects.filter(inspector__username=tiny.accounts["inspector"]).first()
    assert client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 200
    client.logout()
    sign_in(client, tiny.accounts["officer"])
    assert client.get(reverse("reports:officer_home")).status_code == 200


def test_refuses_a_database_that_holds_reports(tiny):
    with pytest.raises(bench_data.NotEmpty):
        bench_data.build(TINY, today=TODAY)
    with pytest.raises(CommandError, match="ฐานข้อมูลว่าง"):
        call_command("load_bench_data", "--years", "1", "--provinces", "1", stdout=io.StringIO())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the planner's statistics are PostgreSQL's")
def test_the_command_gathers_the_planners_statistics(db):
    """A server without autovacuum would plan the benchmark's pages for empty tables."""
    out = io.StringIO()
    call_command("load_bench_data", "--years", "1", "--provinces", "1", "--render", "none", stdout=out)
    assert "ANALYZE" in out.getvalue()
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [Finding._meta.db_table])
        assert cursor.fetchone()[0] > 0
