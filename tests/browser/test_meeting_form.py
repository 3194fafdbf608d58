"""The new meeting form's bad input in Chromium: no zone, online with no platform, on site with no place —
each refused with the Thai error beside its field and everything else typed kept; then the meeting is created.

(tests/browser/test_inspector_flow.py creates a well-formed online meeting; this file drives the refusals.)"""

import datetime
import re

import pytest

from meetings.models import FollowUpMeeting
from tests import review_factories as make
from tests.conftest import login
from tests.meeting_data import person

pytestmark = pytest.mark.browser

PURPOSE = "เพื่อติดตามผลการดำเนินงานไตรมาสที่ 3 ของจังหวัดในเขตตรวจราชการที่ 12 (ข้อความแก้ไขโดยผู้ตรวจ)"
TOPIC = "ประเด็นที่ 1 งานที่ยังไม่บรรลุเป้าหมาย (ข้อความแก้ไข)"
PLACE = "ห้องประชุมศาลากลางจังหวัดขอนแก่น ชั้น 3"


@pytest.fixture
def quarter(geography, inspector):
    period = make.period(2564, 3)
    make.submitted("ขอนแก่น", period)
    make.submitted("นครสวรรค์", period)
    person("นางสาว", "ชนมณัฐ", "รอดบุญธรรม", user=inspector)
    return period


def field(page, name: str):
    return page.locator(f"[name='{name}']")


def submit(page) -> None:
    page.get_by_role("button", name="สร้างการประชุมและจัดทำสรุปผล").click()
    page.wait_for_load_state()


def assert_kept(page, zone_12: bool = True) -> None:
    """What the inspector typed is still in the form."""
    assert page.get_by_label(re.compile("เขตตรวจราชการที่ 12")).is_checked() is zone_12
    assert not page.get_by_label(re.compile("เขตตรวจราชการที่ 18")).is_checked()
    assert field(page, "held_on").input_value() == "2021-06-11"
    assert field(page, "purpose").input_value() == PURPOSE
    assert field(page, "topics-0-title").input_value() == TOPIC


def test_meeting_form_refuses_bad_input_in_thai_and_keeps_what_was_typed(page, inspector, quarter):
    login(page, inspector.username)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto(f"/meetings/add/?period={quarter.pk}")
    page.wait_for_url(re.compile(r"/meetings/add/"))
    form = page.locator("#meeting-form")
    # The inspector's two zones are offered; another zone is not.
    assert form.get_by_label(re.compile("เขตตรวจราชการที่ 18")).count() == 1
    assert form.get_by_label(re.compile("เขตตรวจราชการที่ 1 ")).count() == 0

    # No zone at all, online with no platform: two Thai errors, each beside its field.
    field(page, "held_on").fill("2021-06-11")
    field(page, "mode").and_(page.locator("[value='online']")).check()
    field(page, "platform").fill("")
    field(page, "purpose").fill(PURPOSE)
    field(page, "topics-0-title").fill(TOPIC)
    submit(page)
    assert re.search(r"/meetings/add/", page.url)
    assert "กรุณาเลือกเขตตรวจราชการของท่านอย่างน้อยหนึ่งเขต" in page.locator("#div_id_zones").inner_text()
    assert "กรุณาระบุระบบประชุมออนไลน์" in page.locator("#div_id_platform").inner_text()
    assert "กรุณาระบุระบบประชุมออนไลน์" not in page.locator("#div_id_place").inner_text()
    assert_kept(page, zone_12=False)
    assert not FollowUpMeeting.objects.exists()

    # Zone 12 chosen, still online with no platform: the platform's error alone.
    page.get_by_label(re.compile("เขตตรวจราชการที่ 12")).check()
    submit(page)
    assert "กรุณาระบุระบบประชุมออนไลน์" in page.locator("#div_id_platform").inner_text()
    assert "is-invalid" in (field(page, "platform").get_attribute("class") or "")
    assert "กรุณาเลือกเขต" not in page.locator("#div_id_zones").inner_text()
    assert field(page, "mode").and_(page.locator("[value='online']")).is_checked()
    assert_kept(page)
    assert not FollowUpMeeting.objects.exists()

    # On site with no place: the place's error, the choice of mode kept.
    field(page, "mode").and_(page.locator("[value='on_site']")).check()
    submit(page)
    assert "กรุณาระบุสถานที่ประชุม" in page.locator("#div_id_place").inner_text()
    assert "is-invalid" in (field(page, "place").get_attribute("class") or "")
    assert "กรุณาระบุระบบประชุมออนไลน์" not in page.locator("#div_id_platform").inner_text()
    assert field(page, "mode").and_(page.locator("[value='on_site']")).is_checked()
    assert_kept(page)
    assert not FollowUpMeeting.objects.exists()

    # Fixed: the meeting is created with what was typed and its summary generated.
    field(page, "place").fill(PLACE)
    field(page, "chair").select_option(label="นางสาวชนมณัฐ รอดบุญธรรม ผู้ตรวจราชการกรมการพัฒนาชุมชน")
    submit(page)
    page.wait_for_url(re.compile(r"/meetings/\d+/$"))
    assert page.get_by_text("สร้างการประชุมและจัดทำร่างสรุปผลแล้ว").is_visible()
    meeting = FollowUpMeeting.objects.get()
    assert (meeting.mode, meeting.place, meeting.platform) == (FollowUpMeeting.Mode.ON_SITE, PLACE, "")
    assert meeting.held_on == datetime.date(2021, 6, 11)
    assert (meeting.purpose, meeting.topics.first().title) == (PURPOSE, TOPIC)
    assert meeting.inspector == inspector and meeting.period == quarter
    assert [zone.number for zone in meeting.zones.all()] == [12]
    summary = page.locator("#summary").inner_text()
    assert "11 มิถุนายน 2564" in summary
    assert PLACE in summary
    assert "รวมทั้งหมด 4 จังหวัด" in summary  # zone 12 only
