"""Who may see and change a meeting (meetings/access.py), for every role, by function, by list and by page.

Access follows assignments: any inspector assigned to one of the meeting's zones in its fiscal year, and
portal administrators, edit it; the head of inspectors reads every meeting and edits none; once published,
the officers of its provinces read it — only the chosen ones when not every province takes part. Who
created it, or chairs it, has no right of their own (issue 8, item 1).
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from meetings import access
from meetings.models import FollowUpMeeting, MeetingProvince
from provinces.models import InspectorAssignment, Province
from tests import review_factories as make
from tests.conftest import make_inspector, make_officer, make_user
from tests.meeting_data import person

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter(geography):
    return make.period(2564, 3)


@pytest.fixture
def meeting(inspector, quarter):
    make.seed_quarter(quarter)
    return make.meeting(inspector, quarter, zone_numbers=[18])


@pytest.fixture
def actors(request, geography):
    """Every role, by name."""
    names = ["officer", "other_officer", "inspector", "other_inspector", "admin_user", "portal_admin"]
    found = {name: request.getfixturevalue(name) for name in names}
    found["head_of_inspectors"] = request.getfixturevalue("head_of_inspectors")
    found["officer_zone_18"] = make_officer("officer_pc", "พิจิตร")  # a province of the meeting (zone 18)
    found["co_inspector_18"] = make_inspector("co_18", [18], 2564)  # another inspector of the zone that year
    found["inspector_18_next_year"] = make_inspector("inspector_18_2565", [18], 2565)
    found["bare_staff"] = request.getfixturevalue("bare_staff")
    found["anonymous"] = AnonymousUser()
    return found


# (role) → (views the draft, edits, views once published)
EXPECTED = {
    "inspector": (True, True, True),  # inspector of zones 12 and 18 in 2564 (and the creator)
    "co_inspector_18": (True, True, True),
    "admin_user": (True, True, True),
    "portal_admin": (True, True, True),
    "head_of_inspectors": (True, False, True),
    "officer_zone_18": (False, False, True),
    "other_officer": (False, False, True),  # นครสวรรค์, zone 18
    "officer": (False, False, False),  # ขอนแก่น, zone 12: not in this zone-18 meeting
    "other_inspector": (False, False, False),  # zone 1
    "inspector_18_next_year": (False, False, False),
    "bare_staff": (False, False, False),
    "anonymous": (False, False, False),
}


def _check(user, meeting) -> tuple[bool, bool]:
    """may_view / may_edit, checked to agree with the lists."""
    meeting = FollowUpMeeting.objects.get(pk=meeting.pk)
    may_view, may_edit = access.may_view_meeting(user, meeting), access.may_edit_meeting(user, meeting)
    assert may_view == access.meetings_visible_to(user).filter(pk=meeting.pk).exists()
    assert may_edit == access.meetings_editable_by(user).filter(pk=meeting.pk).exists()
    assert not may_edit or may_view
    return may_view, may_edit


def test_every_role_by_function_and_by_list(actors, meeting, inspector):
    for name, user in actors.items():
        assert _check(user, meeting) == EXPECTED[name][:2], name
    meeting.publish(by=inspector)
    for name, user in actors.items():
        assert _check(user, meeting)[0] == EXPECTED[name][2], name


def test_every_role_by_page(client, actors, meeting, inspector):
    meeting.publish(by=inspector)
    for name, user in actors.items():
        client.logout()
        if name != "anonymous":
            client.force_login(user)
        view, edit, read_published = EXPECTED[name]
        detail = client.get(reverse("meetings:detail", args=[meeting.pk]))
        change = client.get(reverse("meetings:change", args=[meeting.pk]))
        if name == "anonymous":
            assert detail.status_code == change.status_code == 302
            continue
        assert detail.status_code == (200 if read_published else 403), name
        assert change.status_code == (200 if edit else 403), name
        listed = client.get(reverse("meetings:list")).context["meetings"]
        assert (meeting in listed) is read_published, name


def test_an_inspector_removed_from_the_zone_loses_their_own_meeting(client, inspector, meeting, quarter):
    meeting.publish(by=inspector)
    InspectorAssignment.objects.filter(user=inspector, zone__number=18).delete()
    assert _check(inspector, meeting) == (False, False)
    client.force_login(inspector)
    url = reverse("meetings:detail", args=[meeting.pk])
    assert client.get(url).status_code == 403
    assert client.post(reverse("meetings:generate", args=[meeting.pk]), {"confirm": "on"}).status_code == 403
    assert client.post(reverse("meetings:publish", args=[meeting.pk]), {"draft_hash": "x"}).status_code == 403
    assert meeting not in client.get(reverse("meetings:list")).context["meetings"]


def test_the_zones_inspector_of_that_year_edits_a_meeting_someone_else_created(client, admin_user, quarter, geography):
    meeting = make.meeting(admin_user, quarter, zone_numbers=[18])
    colleague = make_inspector("co_18", [18], 2564)
    assert _check(colleague, meeting) == (True, True)
    client.force_login(colleague)
    assert client.get(reverse("meetings:change", args=[meeting.pk])).status_code == 200


def test_naming_someone_chair_gives_them_no_access(client, meeting, geography):
    deputy = make_user("deputy_dg")
    meeting.chair = person("นาย", "วิชัย", "ศรีสุข", "รองอธิบดีกรมการพัฒนาชุมชน", user=deputy)
    meeting.save()
    assert _check(deputy, meeting) == (False, False)
    client.force_login(deputy)
    assert client.get(reverse("meetings:detail", args=[meeting.pk])).status_code == 403


def test_a_chosen_provinces_summary_is_read_by_those_provinces_officers_only(actors, meeting, inspector):
    meeting.all_provinces = False
    meeting.save()
    MeetingProvince.objects.create(meeting=meeting, province=Province.objects.get(name_th="พิจิตร"))
    meeting.publish(by=inspector)
    assert _check(actors["officer_zone_18"], meeting) == (True, False)
    assert _check(actors["other_officer"], meeting) == (False, False)  # นครสวรรค์: same zone, not chosen
    assert set(FollowUpMeeting.objects.get(pk=meeting.pk).province_ids()) == {Province.objects.get(name_th="พิจิตร").pk}


def test_an_officers_list_queries_do_not_grow_with_meetings(client, inspector, quarter):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    officer = make_officer("officer_pc", "พิจิตร")
    client.force_login(officer)
    counts = []
    for count in (2, 12):
        while FollowUpMeeting.objects.count() < count:
            make.meeting(inspector, quarter, zone_numbers=[18], generate=False).publish(by=inspector)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("meetings:list"))
        assert len(response.context["meetings"]) == count
        counts.append(len(queries))
    # At most 10 (session, user, roles and permissions, the unread-notice count, the meetings and their zones),
    # the same for 2 and 12.
    assert counts[0] == counts[1] <= 10
