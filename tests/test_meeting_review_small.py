"""The reviewer's smaller findings on a monthly follow-up meeting (review defects 6–10)."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import FollowUpMeeting
from tests import review_factories as make
from tests.golden import meeting_kinds as golden
from tests.golden import setup

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter(geography):
    return make.period(2564, 3)


def _texts(meeting: FollowUpMeeting) -> str:
    return "\n".join(block["text"] for block in meeting.draft["blocks"])


# --- 6: "ณ ณ" ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("chaired", [False, True])
def test_a_place_typed_with_na_is_said_with_one_na(inspector, quarter, chaired):
    meeting = make.meeting(inspector, quarter, generate=False)
    meeting.mode, meeting.platform, meeting.place = FollowUpMeeting.Mode.ON_SITE, "", "ณ โรงแรมเจริญธานี ขอนแก่น"
    if chaired:
        meeting.chair = setup.person(golden.INSPECTOR)
    meeting.save()
    meeting.generate_draft()
    text = _texts(meeting)
    assert "ณ โรงแรมเจริญธานี ขอนแก่น" in text
    assert "ณ ณ" not in text


# --- 8: the edit-text page's labels follow the meeting's topics and chair -----------------------------


def _labels(meeting) -> dict[str, str]:
    from meetings.forms import SummaryTextForm

    form = SummaryTextForm(meeting)
    return {
        name.removeprefix("block_"): str(field.label) for name, field in form.fields.items() if name != "draft_hash"
    }


def test_a_monthly_meetings_boxes_are_labelled_by_its_own_topics_and_chair(client, inspector):
    from meetings.models import MeetingTopic

    meeting = setup.meeting_b(inspector)
    issues = list(meeting.topics.all())
    shortfalls = len(issues) + 1
    MeetingTopic.objects.create(meeting=meeting, position=shortfalls, kind="shortfalls", title="งานที่ไม่บรรลุเป้าหมาย")
    report = meeting.period.reports.filter(province__name_th="ขอนแก่น").first() or make.report(
        "ขอนแก่น", meeting.period, status="submitted"
    )
    make.shortfall(report, "โคก หนอง นา")
    meeting.generate_draft()
    labels = _labels(meeting)
    assert labels["header"] == "ย่อหน้าเปิด: วันที่ ประธาน เขตตรวจราชการ และจังหวัด"
    assert "ผู้ตรวจราชการ" not in labels["header"]  # chaired by a รองอธิบดี
    assert labels["s1"].startswith("หัวข้อส่วนที่ 1: " + issues[0].title[:20])
    assert "งานที่ไม่บรรลุเป้าหมาย" not in labels["s1"]
    assert labels[f"s{shortfalls}"].startswith(f"หัวข้อส่วนที่ {shortfalls}: งานที่ไม่บรรลุเป้าหมาย")
    assert labels[f"s{shortfalls}-1"] == f"ส่วนที่ {shortfalls} ข้อ 1: โคก หนอง นา"
    assert labels["topic-1"] == "ประเด็นการประชุมที่ 1 ในรายการของย่อหน้าเปิด"
    client.force_login(inspector)
    html = client.get(reverse("meetings:edit_text", args=[meeting.pk])).content.decode()
    assert f"ส่วนที่ {shortfalls} ข้อ 1: โคก หนอง นา" in html


def test_a_meeting_recorded_without_a_chair_opens_with_its_inspector(inspector, quarter):
    meeting = make.meeting(inspector, quarter)
    assert _labels(meeting)["header"] == "ย่อหน้าเปิด: วันที่ ผู้ตรวจราชการ เขตตรวจราชการ และจังหวัด"


# --- 9: a month with no issues set -------------------------------------------------------------------


def test_a_month_with_no_issues_says_so_and_invites_typing_them(client, inspector, quarter):
    client.force_login(inspector)
    url = f"{reverse('meetings:add')}?period={quarter.pk}&kind=2021-05"
    html = client.get(url).content.decode()
    assert 'id="no-issues"' in html
    assert "ไม่มีประเด็นการตรวจราชการประจำเดือนพฤษภาคม 2564" in html


def test_a_month_with_issues_or_a_workshop_has_no_such_note(client, inspector, quarter):
    from meetings.models import MonthlyIssue

    MonthlyIssue.objects.create(month=datetime.date(2021, 5, 1), number=1, title="ประเด็นเดือนพฤษภาคม")
    client.force_login(inspector)
    for kind in ("2021-05", "quarterly"):
        html = client.get(f"{reverse('meetings:add')}?period={quarter.pk}&kind={kind}").content.decode()
        assert 'id="no-issues"' not in html, kind


# --- 10: smaller wording -----------------------------------------------------------------------------


def test_a_too_long_text_is_counted_with_thousands_separators(client, inspector, quarter):
    from tests.meeting_data import meeting_data

    client.force_login(inspector)
    data = meeting_data(setup.person(golden.INSPECTOR), purpose="ก" * 4_100)
    response = client.post(f"{reverse('meetings:add')}?period={quarter.pk}", data)
    assert response.context["forms"].form.errors["purpose"] == [
        "ข้อความนี้ยาว 4,100 ตัวอักษร รับได้ไม่เกิน 2,000 ตัวอักษร กรุณาตัดให้สั้นลง"
    ]


def test_a_persons_title_is_the_title_before_the_name_not_a_documents_title():
    from django.utils import translation

    from meetings.models import FollowUpMeeting
    from provinces.models import Person

    with translation.override("th"):
        assert str(Person._meta.get_field("title_th").verbose_name) == "คำนำหน้าชื่อ"
        assert str(FollowUpMeeting._meta.get_field("title").verbose_name) == "ชื่อเรื่อง"


def test_the_officers_notice_of_a_monthly_meeting_names_its_month(inspector, officer):
    from django.utils import translation

    from meetings import wording
    from notifications.models import Notice

    meeting = setup.meeting_b(inspector)
    meeting.publish(by=inspector)
    month = wording.month_name(golden.B_MONTH)
    with translation.override("th"):
        text = Notice.objects.get(recipient=officer, kind="summary_published").text
        assert f"ประเด็นการตรวจราชการประจำเดือน{month}" in text.subject
        assert f"ประเด็นการตรวจราชการประจำเดือน{month}" in text.lead


def test_the_officers_notice_of_a_workshop_names_its_quarter(inspector, officer, quarter):
    from django.utils import translation

    from notifications.models import Notice

    make.meeting(inspector, quarter).publish(by=inspector)
    with translation.override("th"):
        text = Notice.objects.get(recipient=officer, kind="summary_published").text
        assert "ไตรมาส 3 ปีงบประมาณ 2564" in text.lead and "ประจำเดือน" not in text.lead


def test_the_delete_refusal_does_not_claim_the_summary_was_read(client, inspector, quarter):
    meeting = make.meeting(inspector, quarter)
    meeting.publish(by=inspector)
    client.force_login(inspector)
    html = client.post(reverse("meetings:delete", args=[meeting.pk]), follow=True).content.decode()
    assert "อาจได้อ่านแล้ว" in html
    assert "เจ้าหน้าที่จังหวัดได้อ่านสรุปผลแล้ว" not in html
    assert FollowUpMeeting.objects.filter(pk=meeting.pk).exists()


def test_published_with_no_change_is_not_labelled_a_draft_nor_offered_again(client, inspector, quarter):
    meeting = make.meeting(inspector, quarter)
    meeting.draft_edited = True  # edited by hand, then published as it is
    meeting.save()
    meeting.publish(by=inspector)
    client.force_login(inspector)
    html = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert 'id="published-same"' in html
    assert "ร่าง (แก้ไขข้อความแล้ว)" not in html and "ฉบับที่เผยแพร่แล้ว" in html
    assert 'id="publish-link"' not in html and "เผยแพร่อีกครั้ง" not in html
    # Once the draft differs, it is a draft again, offered for publishing again.
    meeting.generate_draft()
    meeting.draft = {**meeting.draft, "title": "ชื่อใหม่"}
    meeting.draft_edited = True
    meeting.save()
    html = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "ร่าง (แก้ไขข้อความแล้ว)" in html and 'id="publish-link"' in html and "เผยแพร่อีกครั้ง" in html


def test_the_kinds_differ_in_their_first_words_for_a_phones_narrow_select(client, inspector, quarter):
    client.force_login(inspector)
    response = client.get(reverse("meetings:add"), {"period": quarter.pk})
    labels = [label for _value, label in response.context["kind_form"].fields["kind"].choices]
    assert labels[1:] == [
        "เดือนเมษายน พ.ศ. 2564: ติดตามประเด็นการตรวจราชการประจำเดือน",
        "เดือนพฤษภาคม พ.ศ. 2564: ติดตามประเด็นการตรวจราชการประจำเดือน",
        "เดือนมิถุนายน พ.ศ. 2564: ติดตามประเด็นการตรวจราชการประจำเดือน",
    ]
    assert labels[0].startswith("ไตรมาส 3:")
    assert len({label[:14] for label in labels}) == 4  # the first 14 characters tell them apart
