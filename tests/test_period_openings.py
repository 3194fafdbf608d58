"""A past quarter opened again by an administrator for the provinces of one zone, or one province (late reports).

Its officers see it on their home page and can start the report; officers elsewhere do not; the
quarter stays closed for the country.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from provinces.models import InspectionZone, Province
from reports.models import PeriodOpening, ProvinceReport
from tests import factories
from tests.conftest import make_officer

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
UNTIL = TODAY + datetime.timedelta(days=20)


@pytest.fixture
def past_quarter(geography):
    """FY 2564 Q2: its deadline long passed, and closed."""
    return factories.period(2564, 2, is_open=False)


@pytest.fixture
def phichit(geography):
    return make_officer("officer_pc", "พิจิตร")


def _open(period, by, zone=None, province=None, until=UNTIL, reason="รายงานล่าช้าเพราะน้ำท่วม") -> PeriodOpening:
    opening = PeriodOpening(period=period, until=until, reason=reason, created_by=by)
    opening.zone = InspectionZone.objects.get(number=zone) if zone else None
    opening.province = Province.objects.get(name_th=province) if province else None
    opening.full_clean()
    opening.save()
    opening.apply(by=by)
    return opening


def _card(client) -> str:
    body = client.get(reverse("reports:officer_home")).content.decode()
    return body[body.index('id="current-period"') : body.index('id="report-list"')]


def test_the_zones_officers_see_the_quarter_and_start_their_report(client, admin_user, past_quarter, phichit, officer):
    _open(past_quarter, admin_user, zone=18)
    client.force_login(phichit)
    card = _card(client)
    assert str(past_quarter) in card and 'id="opened-for-province"' in card and "รายงานล่าช้าเพราะน้ำท่วม" in card
    start = reverse("reports:start", args=[past_quarter.pk])
    assert start in card
    response = client.post(start)
    report = ProvinceReport.objects.get(province__name_th="พิจิตร", period=past_quarter)
    assert response["Location"] == reverse("reports:edit", args=[report.pk])
    assert report.reopened_until == UNTIL and report.officer_may_edit()
    # Khon Kaen is in zone 12: the quarter is not opened for it.
    client.force_login(officer)
    assert str(past_quarter) not in _card(client)
    client.post(start)
    assert not ProvinceReport.objects.filter(province__name_th="ขอนแก่น", period=past_quarter).exists()


def test_a_late_report_started_under_an_opening_can_be_submitted(client, admin_user, past_quarter, phichit):
    _open(past_quarter, admin_user, province="พิจิตร")
    client.force_login(phichit)
    client.post(reverse("reports:start", args=[past_quarter.pk]))
    report = ProvinceReport.objects.get(period=past_quarter)
    report.overall_results = "ผลการดำเนินงาน"
    report.no_shortfalls = report.no_best_practices = True
    report.save()
    report.submit(by=phichit)
    assert report.status == ProvinceReport.Status.SUBMITTED and report.is_late


def test_one_province_only(client, admin_user, past_quarter, phichit, geography):
    _open(past_quarter, admin_user, province="พิจิตร")
    uthai = make_officer("officer_ut", "อุทัยธานี")  # same zone, not opened
    client.force_login(phichit)
    assert str(past_quarter) in _card(client)
    client.force_login(uthai)
    assert str(past_quarter) not in _card(client)


def test_unfinished_reports_are_reopened_and_submitted_ones_left_alone(admin_user, past_quarter, geography):
    draft = factories.report("พิจิตร", past_quarter)
    submitted = factories.report("อุทัยธานี", past_quarter, status=ProvinceReport.Status.SUBMITTED)
    elsewhere = factories.report("ขอนแก่น", past_quarter)
    _open(past_quarter, admin_user, zone=18)
    draft.refresh_from_db(), submitted.refresh_from_db(), elsewhere.refresh_from_db()
    assert draft.reopened_until == UNTIL and draft.officer_may_edit()
    assert submitted.reopened_until is None and submitted.status == ProvinceReport.Status.SUBMITTED
    assert elsewhere.reopened_until is None and not elsewhere.officer_may_edit()


def test_an_ended_opening_shows_nothing(client, admin_user, past_quarter, phichit):
    opening = _open(past_quarter, admin_user, zone=18)
    PeriodOpening.objects.filter(pk=opening.pk).update(until=TODAY - datetime.timedelta(days=1))
    client.force_login(phichit)
    assert str(past_quarter) not in _card(client)
    response = client.post(reverse("reports:start", args=[past_quarter.pk]))
    assert response["Location"] == reverse("reports:officer_home")
    assert not ProvinceReport.objects.exists()


@pytest.mark.parametrize(("zone", "province"), [(None, None), (18, "พิจิตร")])
def test_a_zone_or_a_province_not_both_nor_neither(admin_user, past_quarter, zone, province):
    with pytest.raises(ValidationError):
        _open(past_quarter, admin_user, zone=zone, province=province)


def test_until_today_or_later(admin_user, past_quarter):
    with pytest.raises(ValidationError) as error:
        _open(past_quarter, admin_user, zone=18, until=TODAY - datetime.timedelta(days=1))
    assert "until" in error.value.message_dict


def test_admin_opens_a_quarter_from_django_admin(client, admin_user, past_quarter, geography):
    draft = factories.report("พิจิตร", past_quarter)
    client.force_login(admin_user)
    url = reverse("admin:reports_periodopening_add")
    assert client.get(url).status_code == 200
    data = {
        "period": past_quarter.pk,
        "zone": InspectionZone.objects.get(number=18).pk,
        "province": "",
        "until": UNTIL.isoformat(),
        "reason": "เปิดรับรายงานย้อนหลัง",
    }
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    opening = PeriodOpening.objects.get()
    assert opening.created_by == admin_user
    draft.refresh_from_db()
    assert draft.reopened_until == UNTIL
    assert "แก้ไขได้อีกครั้ง" in response.content.decode()


def test_staff_without_permission_cannot_open(client, bare_staff, past_quarter):
    client.force_login(bare_staff)
    assert client.get(reverse("admin:reports_periodopening_add")).status_code == 403


def test_home_query_count_does_not_grow_with_openings(
    client, admin_user, phichit, geography, django_assert_max_num_queries
):
    for quarter in (1, 2, 3, 4):
        _open(factories.period(2563, quarter, is_open=False), admin_user, zone=18)
    client.force_login(phichit)
    with django_assert_max_num_queries(8):  # as tests/test_officer_home.py pins it without openings
        response = client.get(reverse("reports:officer_home"))
    assert sum(row.may_start for row in response.context["rows"]) == 4
