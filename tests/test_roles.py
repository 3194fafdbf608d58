"""Portal powers follow permissions and groups (provinces/roles.py), never staff status alone."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from meetings.models import FollowUpMeeting
from provinces.roles import HEAD_OF_INSPECTORS, PORTAL_ADMINISTRATORS
from reports import access
from reports.models import ProvinceReport
from tests import review_factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter(geography):
    the_period = make.period(2564, 3)
    make.seed_quarter(the_period)
    return the_period


@pytest.fixture
def khon_kaen(quarter) -> ProvinceReport:
    return ProvinceReport.objects.get(province__name_th="ขอนแก่น", period=quarter)


@pytest.fixture
def meeting(inspector, quarter) -> FollowUpMeeting:
    return make.meeting(inspector, quarter)


def test_migrate_made_both_groups_with_their_permissions():
    admins = Group.objects.get(name=PORTAL_ADMINISTRATORS)
    head = Group.objects.get(name=HEAD_OF_INSPECTORS)
    admin_perms = {
        f"{p.content_type.app_label}.{p.codename}" for p in admins.permissions.select_related("content_type")
    }
    assert {"provinces.administer_portal", "reports.change_provincereport", "meetings.change_followupmeeting"} <= (
        admin_perms
    )
    assert [p.codename for p in head.permissions.all()] == ["read_all_zones"]


def test_staff_status_alone_gives_no_portal_power(client, bare_staff, khon_kaen, meeting):
    assert not access.roles_of(bare_staff).is_admin
    client.force_login(bare_staff)
    assert client.get(reverse("reports:tracker")).status_code == 403
    assert client.get(reverse("reports:review", args=[khon_kaen.pk])).status_code == 403
    assert client.post(reverse("reports:review_accept", args=[khon_kaen.pk])).status_code == 403
    assert client.post(reverse("reports:review_return", args=[khon_kaen.pk]), {"comment": "x"}).status_code == 403
    assert client.post(reverse("meetings:publish", args=[meeting.pk]), {"draft_hash": "x"}).status_code == 403
    assert client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 403
    khon_kaen.refresh_from_db()
    meeting.refresh_from_db()
    assert khon_kaen.status == ProvinceReport.Status.SUBMITTED and not meeting.is_published


def test_a_portal_administrator_by_group_reviews_any_report_and_publishes_any_meeting(
    client, portal_admin, khon_kaen, meeting
):
    client.force_login(portal_admin)
    response = client.post(reverse("reports:review_accept", args=[khon_kaen.pk]), {"comment": ""})
    assert response.status_code == 302
    khon_kaen.refresh_from_db()
    assert khon_kaen.status == ProvinceReport.Status.ACCEPTED and khon_kaen.reviewed_by == portal_admin
    page = client.get(reverse("meetings:publish", args=[meeting.pk]))
    client.post(
        reverse("meetings:publish", args=[meeting.pk]), {"draft_hash": page.context["form"].initial["draft_hash"]}
    )
    meeting.refresh_from_db()
    assert meeting.is_published


def test_the_head_of_inspectors_reads_every_zone_and_reviews_none(client, head_of_inspectors, khon_kaen, meeting):
    roles = access.roles_of(head_of_inspectors)
    assert roles.reads_all_zones and roles.follows_zones and not roles.is_admin and not roles.may_inspect
    client.force_login(head_of_inspectors)
    tracker = client.get(reverse("reports:tracker"), {"period": khon_kaen.period_id})
    assert tracker.status_code == 200
    assert len(tracker.context["tracks"]) == 19  # the 18 zones and the provinces outside them
    html = tracker.content.decode()
    assert reverse("reports:review", args=[khon_kaen.pk]) not in html
    assert reverse("reports:edit", args=[khon_kaen.pk]) in html
    assert client.get(reverse("reports:edit", args=[khon_kaen.pk])).status_code == 200
    assert client.get(reverse("reports:review", args=[khon_kaen.pk])).status_code == 403
    assert client.post(reverse("reports:review_accept", args=[khon_kaen.pk])).status_code == 403
    assert client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 200
    assert client.get(reverse("meetings:edit_text", args=[meeting.pk])).status_code == 403
    assert client.post(reverse("meetings:publish", args=[meeting.pk]), {"draft_hash": "x"}).status_code == 403
    assert client.get(reverse("meetings:add")).status_code == 403
    assert meeting in _meetings_of(head_of_inspectors)
    khon_kaen.refresh_from_db()
    assert khon_kaen.status == ProvinceReport.Status.SUBMITTED


def _meetings_of(user):
    from meetings.access import meetings_visible_to

    return list(meetings_visible_to(user))
