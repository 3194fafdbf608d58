"""The submission tracker: each province's status for the inspector's zones, the missing ones first."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from provinces.models import InspectionZone, Province
from reports import tracking
from reports.models import ProvinceReport
from reports.tracking import TrackStatus
from tests import review_factories as make
from tests.conftest import make_inspector, make_officer

URL = reverse("reports:tracker")
Status = ProvinceReport.Status


@pytest.fixture
def quarter(geography):
    return make.period(2564, 3)


@pytest.fixture
def zone_12_states(quarter, inspector):
    """Zone 12 in four states: กาฬสินธุ์ submitted late, ขอนแก่น draft, มหาสารคาม accepted, ร้อยเอ็ด returned."""
    late = make.submitted("กาฬสินธุ์", quarter, is_late=True)
    make.report("ขอนแก่น", quarter)
    accepted = make.report("มหาสารคาม", quarter, Status.ACCEPTED)
    make.shortfall(accepted)
    make.shortfall(accepted)
    make.best_practice(accepted)
    make.returned("ร้อยเอ็ด", quarter, "เพิ่มรายละเอียด", by=inspector)
    return late


def _rows(response, zone_number):
    track = next(t for t in response.context["tracks"] if t.zone and t.zone.number == zone_number)
    return [(row.province.name_th, row.status) for row in track.rows], track


# --- the rules ------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"status": Status.DRAFT}, TrackStatus.DRAFT),
        ({"status": Status.RETURNED}, TrackStatus.RETURNED),
        ({"status": Status.SUBMITTED}, TrackStatus.SUBMITTED),
        ({"status": Status.SUBMITTED, "is_late": True}, TrackStatus.SUBMITTED_LATE),
        ({"status": Status.ACCEPTED}, TrackStatus.ACCEPTED),
        ({"status": Status.ACCEPTED, "is_late": True}, TrackStatus.ACCEPTED),
        ({"status": Status.SUBMITTED, "no_shortfalls": True, "no_best_practices": True}, TrackStatus.NOTHING_TO_REPORT),
        ({"status": Status.ACCEPTED, "no_shortfalls": True, "no_best_practices": True}, TrackStatus.NOTHING_TO_REPORT),
        ({"status": Status.SUBMITTED, "no_shortfalls": True}, TrackStatus.SUBMITTED),
        ({"status": Status.DRAFT, "no_shortfalls": True, "no_best_practices": True}, TrackStatus.DRAFT),
    ],
)
def test_track_status_of_a_report(fields, expected):
    assert tracking.track_status(ProvinceReport(**fields)) == expected


def test_no_report_is_not_started():
    assert tracking.track_status(None) == TrackStatus.NOT_STARTED


def test_a_report_stays_with_the_zone_it_was_filed_under(quarter):
    # ขอนแก่น filed under zone 18 (as if zones were reorganised after it started).
    zone_18 = InspectionZone.objects.get(number=18)
    moved = make.submitted("ขอนแก่น", quarter)
    ProvinceReport.objects.filter(pk=moved.pk).update(zone=zone_18)
    tracks = tracking.track(quarter, [InspectionZone.objects.get(number=12), zone_18])
    names = {t.zone.number: [row.province.name_th for row in t.rows] for t in tracks}
    assert "ขอนแก่น" in names[18] and "ขอนแก่น" not in names[12]
    only_12 = tracking.track(quarter, [InspectionZone.objects.get(number=12)])
    assert "ขอนแก่น" not in [row.province.name_th for row in only_12[0].rows]


# --- the page -------------------------------------------------------------------


def test_inspector_sees_both_zones_missing_first_with_counts_and_dates(client, inspector, quarter, zone_12_states):
    client.force_login(inspector)
    response = client.get(URL, {"period": quarter.pk})
    assert response.status_code == 200
    assert [t.zone.number for t in response.context["tracks"]] == [12, 18]
    rows, track = _rows(response, 12)
    # Missing (draft, returned) first in Thai order, then the late submission awaiting review, then accepted.
    assert rows == [
        ("ขอนแก่น", TrackStatus.DRAFT),
        ("ร้อยเอ็ด", TrackStatus.RETURNED),
        ("กาฬสินธุ์", TrackStatus.SUBMITTED_LATE),
        ("มหาสารคาม", TrackStatus.ACCEPTED),
    ]
    assert (track.missing, track.handed_in, track.awaiting_review) == (2, 2, 1)
    assert (track.shortfalls, track.best_practices) == (3, 2)
    rows_18, track_18 = _rows(response, 18)
    assert {status for _name, status in rows_18} == {TrackStatus.NOT_STARTED}
    assert track_18.missing == 4
    html = response.content.decode()
    assert "ส่งช้า" in html or "ส่งล่าช้า" in html
    assert "ยังไม่เริ่ม" in html
    today = timezone.localdate()
    from inspection_portal.lib.thai import thai_date

    assert thai_date(today) in html
    assert reverse("reports:review", args=[zone_12_states.pk]) in html
    # Provinces outside the inspector's zones are not listed.
    assert "เชียงใหม่" not in html and "ลพบุรี" not in html


def test_nothing_to_report_shows_as_such(client, inspector, quarter):
    make.report("ขอนแก่น", quarter, Status.SUBMITTED, no_shortfalls=True, no_best_practices=True)
    client.force_login(inspector)
    rows, track = _rows(client.get(URL, {"period": quarter.pk}), 12)
    assert ("ขอนแก่น", TrackStatus.NOTHING_TO_REPORT) in rows
    assert track.awaiting_review == 1


def test_other_inspector_sees_only_zone_1(client, other_inspector, quarter, zone_12_states):
    client.force_login(other_inspector)
    response = client.get(URL, {"period": quarter.pk})
    assert response.status_code == 200
    assert [t.zone.number for t in response.context["tracks"]] == [1]
    assert "ขอนแก่น" not in response.content.decode()
    assert "ลพบุรี" in response.content.decode()


def test_admin_sees_every_zone_and_bangkok(client, admin_user, quarter, zone_12_states):
    client.force_login(admin_user)
    response = client.get(URL, {"period": quarter.pk})
    tracks = response.context["tracks"]
    assert [t.zone.number for t in tracks if t.zone] == list(range(1, 19))
    assert sum(len(t.rows) for t in tracks) == Province.objects.count() == 77
    assert tracks[-1].zone is None and tracks[-1].rows[0].province.name_th == "กรุงเทพมหานคร"


def test_inspector_without_zones_that_year_is_told_so(client, inspector, geography):
    later = make.period(2565, 1)
    client.force_login(inspector)
    response = client.get(URL, {"period": later.pk})
    assert response.status_code == 200
    assert response.context["tracks"] == []
    assert "2565" in response.content.decode()


def test_default_period_is_the_latest_begun(client, inspector, geography):
    begun = make.period(2564, 3)
    make.period(2599, 1)  # not begun yet
    client.force_login(inspector)
    assert client.get(URL).context["period"] == begun


def test_period_chooser_lists_periods_and_rejects_unknown(client, inspector, quarter):
    other = make.period(2564, 2)
    client.force_login(inspector)
    response = client.get(URL, {"period": other.pk})
    assert response.context["period"] == other
    assert f'value="{quarter.pk}"' in response.content.decode()
    assert client.get(URL, {"period": 999999}).status_code == 404
    assert client.get(URL, {"period": "abc"}).status_code == 404


@pytest.mark.parametrize("actor", ["officer", "other_officer"])
def test_officers_are_refused(client, request, actor, quarter):
    client.force_login(request.getfixturevalue(actor))
    response = client.get(URL, {"period": quarter.pk})
    assert response.status_code == 403
    assert "ไม่มีสิทธิ์" in response.content.decode() or "ปฏิเสธ" in response.content.decode()


def test_anonymous_goes_to_login(client, quarter):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_wrong_method(client, inspector, quarter):
    client.force_login(inspector)
    assert client.post(URL).status_code == 405


# --- speed ------------------------------------------------------------------------


def _count_queries(client, user, period_pk):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"period": period_pk})
    assert response.status_code == 200
    return len(queries), sum(len(t.rows) for t in response.context["tracks"])


def test_query_count_is_the_same_for_8_and_77_provinces(
    client, inspector, admin_user, quarter, django_assert_max_num_queries
):
    make.reports_everywhere(quarter, Province.objects.all(), per_report=3)
    national = make_inspector("inspector_all", range(1, 19), 2564)
    eight, rows_8 = _count_queries(client, inspector, quarter.pk)
    seventy_six, rows_76 = _count_queries(client, national, quarter.pk)
    seventy_seven, rows_77 = _count_queries(client, admin_user, quarter.pk)
    assert (rows_8, rows_76, rows_77) == (8, 76, 77)
    assert eight == seventy_six
    assert seventy_seven <= eight
    client.force_login(inspector)
    # Two of them read the user's and their groups' permissions (portal roles), once per request;
    # one is the navigation's unread-notice count.
    with django_assert_max_num_queries(13):
        client.get(URL, {"period": quarter.pk})


def test_missing_submitted_at_for_drafts_even_after_a_return(quarter, inspector):
    again = make.returned("ขอนแก่น", quarter, "แก้ไข", by=inspector)
    again.submitted_at = timezone.now() - datetime.timedelta(days=2)
    again.save()
    tracks = tracking.track(quarter, [InspectionZone.objects.get(number=12)])
    row = next(r for r in tracks[0].rows if r.province.name_th == "ขอนแก่น")
    assert row.is_missing and row.submitted_at is None


def test_officer_outside_zones_refused(client, quarter):
    client.force_login(make_officer("officer_cm", "เชียงใหม่"))
    assert client.get(URL).status_code == 403


# --- getting there ------------------------------------------------------------------


@pytest.mark.parametrize("actor", ["inspector", "admin_user"])
def test_home_sends_inspectors_and_admins_to_the_tracker(client, request, actor, geography):
    client.force_login(request.getfixturevalue(actor))
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"] == URL


def test_nav_links_the_tracker_for_inspectors_only(client, inspector, officer, quarter):
    client.force_login(inspector)
    html = client.get(URL).content.decode()
    assert f'href="{URL}"' in html and f'href="{reverse("meetings:list")}"' in html
    client.force_login(officer)
    html = client.get(reverse("meetings:list")).content.decode()
    assert f'href="{URL}"' not in html
