"""An officer reads a published summary by the zone the province reported under that quarter."""

import pytest
from django.urls import reverse

from meetings import access as meeting_access
from provinces.models import InspectionZone, Province
from tests import review_factories as make
from tests.conftest import make_officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(inspector, geography):
    quarter = make.period(2564, 3)
    make.seed_quarter(quarter)
    meeting = make.meeting(inspector, quarter)
    meeting.publish(by=inspector)
    return meeting


def _move(name: str, zone_number: int) -> None:
    province = Province.objects.get(name_th=name)
    province.zone = InspectionZone.objects.get(number=zone_number)
    province.save()


def _sees(client, user, meeting) -> bool:
    user = type(user).objects.get(pk=user.pk)  # as a new request would load it
    client.force_login(user)
    listed = meeting in meeting_access.meetings_visible_to(user)
    status = client.get(reverse("meetings:detail", args=[meeting.pk])).status_code
    assert listed == (status == 200) == meeting_access.may_view_meeting(user, meeting)
    return listed


def test_a_province_moved_out_after_reporting_still_reads_its_meeting(client, officer, published):
    _move("ขอนแก่น", 13)
    assert _sees(client, officer, published)


def test_a_province_moved_in_does_not_read_a_meeting_it_did_not_report_to(client, published):
    # ลพบุรี (zone 1) filed its report under zone 1 that quarter, then moved to zone 12.
    lopburi = make_officer("officer_lb", "ลพบุรี")
    make.report("ลพบุรี", published.period, status="submitted")
    _move("ลพบุรี", 12)
    assert not _sees(client, lopburi, published)


def test_a_province_without_a_report_reads_by_its_zone_when_published(client, inspector, published):
    udon = make_officer("officer_ud", "อุดรธานี")
    assert not _sees(client, udon, published)
    _move("อุดรธานี", 18)
    # Moved in after publishing: the published summary does not name it (FollowUpMeeting.province_ids) ...
    assert not _sees(client, udon, published)
    published.generate_draft()
    published.publish(by=inspector)
    # ... the summary published again does.
    assert _sees(client, udon, published)
