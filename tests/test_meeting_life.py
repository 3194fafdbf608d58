"""A meeting's life: publishing asks first and the page says whether the published text equals the draft; a report
changed after publishing is named with an offer to regenerate; a draft meeting can be deleted."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import FollowUpMeeting
from reports.models import ProvinceReport, ReviewEvent
from tests import review_factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter(geography):
    return make.period(2564, 3)


@pytest.fixture
def seed(quarter):
    return make.seed_quarter(quarter)


@pytest.fixture
def meeting(inspector, quarter, seed):
    return make.meeting(inspector, quarter)


def _url(name, meeting):
    return reverse(f"meetings:{name}", args=[meeting.pk])


def _submitted_again(report, at) -> None:
    """The province handed the report in again at `at` (a submission is an event; submitted_at keeps the first)."""
    ReviewEvent.objects.create(report=report, action=ReviewEvent.Action.RESUBMITTED, at=at)


# --- publishing -------------------------------------------------------------------------------


def test_publishing_asks_first_naming_who_will_read_it(client, inspector, meeting):
    client.force_login(inspector)
    page = client.get(_url("publish", meeting))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="publish-question"' in html and "จังหวัดกาฬสินธุ์ ขอนแก่น มหาสารคาม ร้อยเอ็ด กำแพงเพชร" in html
    assert FollowUpMeeting.objects.get(pk=meeting.pk).published is None  # asking changes nothing
    response = client.post(_url("publish", meeting), {"draft_hash": page.context["form"].initial["draft_hash"]})
    assert response.status_code == 302 and FollowUpMeeting.objects.get(pk=meeting.pk).is_published


def test_the_page_says_whether_the_published_text_equals_the_draft(client, inspector, meeting):
    meeting.publish(by=inspector)
    client.force_login(inspector)
    html = client.get(_url("detail", meeting)).content.decode()
    assert 'id="published-same"' in html and 'id="published-differs"' not in html
    draft = FollowUpMeeting.objects.get(pk=meeting.pk).draft
    draft["blocks"][0]["text"] = "ข้อความที่แก้หลังเผยแพร่"
    FollowUpMeeting.objects.filter(pk=meeting.pk).update(draft=draft, draft_edited=True)
    html = client.get(_url("detail", meeting)).content.decode()
    assert 'id="published-differs"' in html and 'id="published-same"' not in html
    question = client.get(_url("publish", meeting)).content.decode()
    assert "ฉบับนี้จะแทนที่ฉบับที่เผยแพร่เมื่อ" in question


def test_publishing_a_meeting_never_generated_asks_to_generate_first(client, inspector, quarter):
    empty = make.meeting(inspector, quarter, generate=False)
    client.force_login(inspector)
    response = client.get(_url("publish", empty), follow=True)
    assert "กรุณาจัดทำสรุปผลก่อนเผยแพร่" in response.content.decode()
    assert FollowUpMeeting.objects.get(pk=empty.pk).draft is None


# --- a report changed after publishing --------------------------------------------------------


def test_a_report_submitted_again_after_publishing_is_named(client, inspector, meeting, seed):
    meeting.publish(by=inspector)
    client.force_login(inspector)
    assert 'id="changed-reports"' not in client.get(_url("detail", meeting)).content.decode()
    later = timezone.now() + datetime.timedelta(minutes=5)
    _submitted_again(seed["พิจิตร"], later)
    html = client.get(_url("detail", meeting)).content.decode()
    assert 'id="changed-reports"' in html and "พิจิตร: ส่งรายงานเมื่อ" in html
    assert _url("generate", meeting) in html
    # Regenerated and published again: nothing to say any more.
    client.post(_url("generate", meeting))
    again = FollowUpMeeting.objects.get(pk=meeting.pk)
    with_time = timezone.now() + datetime.timedelta(minutes=10)
    again.publish(by=inspector)
    FollowUpMeeting.objects.filter(pk=meeting.pk).update(published_at=with_time)
    assert 'id="changed-reports"' not in client.get(_url("detail", meeting)).content.decode()


def test_a_report_returned_after_publishing_is_named_and_an_acceptance_is_not(client, inspector, meeting, seed):
    meeting.publish(by=inspector)
    seed["ขอนแก่น"].accept(by=inspector)  # changes none of its text
    client.force_login(inspector)
    assert 'id="changed-reports"' not in client.get(_url("detail", meeting)).content.decode()
    seed["ร้อยเอ็ด"].return_to_province("แก้ไขตัวเลข", by=inspector)
    html = client.get(_url("detail", meeting)).content.decode()
    assert "ร้อยเอ็ด: ส่งคืนจังหวัดแล้ว" in html and "ขอนแก่น:" not in html


def test_the_check_is_one_query_whatever_the_number_of_reports(inspector, meeting, seed, django_assert_num_queries):
    meeting.publish(by=inspector)
    for report in seed.values():
        _submitted_again(report, timezone.now() + datetime.timedelta(hours=1))
        ReviewEvent.objects.create(report=report, action=ReviewEvent.Action.RETURNED, comment="x", by=inspector)
    meeting = FollowUpMeeting.objects.get(pk=meeting.pk)
    with django_assert_num_queries(1):
        changed = meeting.reports_changed_since_publishing()
    assert len(changed) == 8 and {report.province.name_th for report in changed} == set(seed)


# --- deleting a draft meeting -----------------------------------------------------------------


def test_an_unpublished_meeting_is_deleted_after_confirming(client, inspector, meeting):
    client.force_login(inspector)
    assert 'id="delete-link"' in client.get(_url("detail", meeting)).content.decode()
    page = client.get(_url("delete", meeting))
    assert page.status_code == 200 and FollowUpMeeting.objects.filter(pk=meeting.pk).exists()
    response = client.post(_url("delete", meeting))
    assert response.status_code == 302 and response["Location"] == reverse("meetings:list")
    assert not FollowUpMeeting.objects.filter(pk=meeting.pk).exists()
    assert ProvinceReport.objects.count() == 8  # the reports stay


def test_a_published_meeting_is_not_deleted(client, inspector, meeting):
    meeting.publish(by=inspector)
    client.force_login(inspector)
    assert 'id="delete-link"' not in client.get(_url("detail", meeting)).content.decode()
    response = client.post(_url("delete", meeting), follow=True)
    assert "ลบการประชุมที่เผยแพร่สรุปผลแล้วไม่ได้" in response.content.decode()
    assert FollowUpMeeting.objects.filter(pk=meeting.pk).exists()


@pytest.mark.parametrize("actor", ["officer", "other_inspector", "head_of_inspectors"])
def test_others_cannot_delete(client, request, actor, meeting):
    client.force_login(request.getfixturevalue(actor))
    assert client.get(_url("delete", meeting)).status_code == 403
    assert client.post(_url("delete", meeting)).status_code == 403
    assert FollowUpMeeting.objects.filter(pk=meeting.pk).exists()


def test_anonymous_cannot_delete(client, meeting):
    assert reverse("login") in client.post(_url("delete", meeting))["Location"]
    assert FollowUpMeeting.objects.filter(pk=meeting.pk).exists()


# --- topics still to write --------------------------------------------------------------------


def test_topics_with_nothing_written_are_pointed_out(client, inspector, meeting):
    meeting.topics.create(position=3, kind="monthly_issue", title="ประเด็นที่ยังไม่ได้บันทึก")
    client.force_login(inspector)
    html = client.get(_url("detail", meeting)).content.decode()
    assert 'id="empty-topics"' in html and "ประเด็นที่ยังไม่ได้บันทึก" in html


def test_the_changed_report_reminder_counts_only_the_meetings_own_provinces(inspector, quarter, seed, officer):
    from meetings import reminders
    from meetings.models import MeetingProvince
    from notifications.models import Notice
    from provinces.models import Province

    meeting = make.meeting(inspector, quarter, zone_numbers=(12,))
    meeting.all_provinces = False
    meeting.save()
    MeetingProvince.objects.create(meeting=meeting, province=Province.objects.get(name_th="กาฬสินธุ์"))
    meeting.publish(by=inspector)
    later = timezone.now() + datetime.timedelta(minutes=5)
    _submitted_again(seed["ขอนแก่น"], later)  # not in this meeting
    assert reminders.create_due(later) == 0
    _submitted_again(seed["กาฬสินธุ์"], later)
    assert reminders.create_due(later) == 1
    assert Notice.objects.filter(recipient=inspector, kind="report_changed").count() == 1
