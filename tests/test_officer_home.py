"""The officer's home, reports:officer_home, and the site home sending officers there."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from inspection_portal.lib.thai import thai_date
from reports import fiscal
from reports.models import ProvinceReport
from tests import factories
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def home_url() -> str:
    return reverse("reports:officer_home")


TODAY = timezone.localdate()


def test_lists_periods_newest_first_with_not_started(client, officer, geography):
    year = fiscal.fiscal_year_of(TODAY)
    older = factories.period(year - 1, 1)
    newer = factories.period(year - 1, 2)
    factories.report("ขอนแก่น", older, status=ProvinceReport.Status.ACCEPTED)
    client.force_login(officer)
    response = client.get(home_url())
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row.period for row in rows][:2] == [newer, older]
    body = response.content.decode()
    table = body[body.index('id="report-list"') :]
    assert table.index(str(newer)) < table.index(str(older))
    assert "ยังไม่เริ่ม" in table and "ผ่านการตรวจแล้ว" in table


def test_open_period_shows_deadline_days_left_and_a_start_button(client, officer, geography):
    current = factories.open_period(days_left=7)
    client.force_login(officer)
    body = client.get(home_url()).content.decode()
    card = body[body.index('id="current-period"') : body.index('id="report-list"')]
    assert thai_date(current.deadline) in card
    assert "7 วัน" in card
    assert "ยังไม่เริ่ม" in card
    assert reverse("reports:start", args=[current.pk]) in card and "เริ่มทำรายงาน" in card


def test_open_period_with_a_draft_offers_to_continue(client, officer, geography):
    report = factories.report("ขอนแก่น", factories.open_period())
    client.force_login(officer)
    body = client.get(home_url()).content.decode()
    card = body[body.index('id="current-period"') : body.index('id="report-list"')]
    assert "ทำรายงานต่อ" in card and reverse("reports:edit", args=[report.pk]) in card
    assert "ร่าง" in card


def test_submitted_report_offers_to_view_only(client, officer, geography):
    factories.report("ขอนแก่น", factories.open_period(), status=ProvinceReport.Status.SUBMITTED)
    client.force_login(officer)
    body = client.get(home_url()).content.decode()
    card = body[body.index('id="current-period"') : body.index('id="report-list"')]
    assert "ดูรายงาน" in card and "ทำรายงานต่อ" not in card


def test_no_open_period(client, officer, geography):
    factories.period(fiscal.fiscal_year_of(TODAY) - 1, 4, deadline=TODAY - datetime.timedelta(days=1))
    client.force_login(officer)
    response = client.get(home_url())
    assert response.context["current"] is None
    assert "ขณะนี้ไม่มีไตรมาสที่เปิดรับรายงาน" in response.content.decode()


def test_a_reopened_report_is_the_current_one(client, officer, geography):
    late = factories.period(fiscal.fiscal_year_of(TODAY) - 1, 4, deadline=TODAY - datetime.timedelta(days=30))
    report = factories.report("ขอนแก่น", late, status=ProvinceReport.Status.RETURNED)
    report.reopened_until = TODAY + datetime.timedelta(days=3)
    report.save()
    client.force_login(officer)
    response = client.get(home_url())
    assert response.context["current"].report == report
    assert response.context["current_editable"] is True


def test_only_the_officers_own_province(client, officer, other_officer, geography):
    factories.report("นครสวรรค์", factories.open_period(), overall_results="x")
    client.force_login(officer)
    response = client.get(home_url())
    assert all(row.report is None for row in response.context["rows"])
    assert "นครสวรรค์" not in response.content.decode()


@pytest.mark.parametrize("actor", ["inspector", "admin_user"])
def test_non_officers_are_refused(client, request, actor):
    client.force_login(request.getfixturevalue(actor))
    assert client.get(home_url()).status_code == 403


def test_anonymous_goes_to_login(client, db):
    response = client.get(home_url())
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_query_count_is_constant_with_many_periods(client, officer, geography, django_assert_max_num_queries):
    year = fiscal.fiscal_year_of(TODAY)
    for fiscal_year in range(year - 8, year):
        for quarter in fiscal.QUARTERS:
            period = factories.period(fiscal_year, quarter)
            factories.report("ขอนแก่น", period, status=ProvinceReport.Status.ACCEPTED)
    factories.report("ขอนแก่น", factories.open_period())
    client.force_login(officer)
    with django_assert_max_num_queries(8):  # +1 the late-report openings, +1 the navigation's unread-notice count
        response = client.get(home_url())
    assert len(response.context["rows"]) >= 33


def test_site_home_sends_officers_to_their_home(client, officer):
    client.force_login(officer)
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url == home_url()


def test_site_home_stays_for_a_user_without_a_province(client, geography):
    client.force_login(make_user("nobody"))
    assert client.get(reverse("home")).status_code == 200


def test_an_old_period_still_open_is_listed_and_current(client, officer, geography):
    old_open = factories.period(fiscal.fiscal_year_of(TODAY) - 5, 3, deadline=TODAY + datetime.timedelta(days=2))
    client.force_login(officer)
    response = client.get(home_url())
    assert response.context["current"].period == old_open
    assert response.context["days_left"] == 2
