"""In Chromium: an administrator opens a past quarter for one zone and its officer starts the late report; an
inspector changes a meeting whose text was edited by hand, is asked again before regenerating over the edits
(told so when the box is left unticked), then deletes a draft meeting."""

import datetime
import re

import pytest
from django.utils import timezone

from inspection_portal.lib.thai import thai_date
from meetings.models import FollowUpMeeting
from reports.models import PeriodOpening, ProvinceReport
from tests import factories
from tests.conftest import login, make_officer
from tests.golden import setup

pytestmark = pytest.mark.browser

REASON = "จังหวัดในเขตประสบอุทกภัย ส่งรายงานไม่ทันกำหนด"


def _switch_user(page, user) -> None:
    page.context.clear_cookies()
    login(page, user.username)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_admin_opens_a_past_quarter_for_a_zone_and_its_officer_starts_the_report(page, admin_user, officer):
    past = factories.period(2564, 2, is_open=False)
    phichit = make_officer("officer_pc", "พิจิตร")

    _switch_user(page, admin_user)
    page.goto("/admin/reports/periodopening/add/")
    page.locator("[name='period']").select_option(label=str(past))
    page.locator("[name='zone']").select_option(label="เขตตรวจราชการที่ 18")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    page.locator("[name='until']").fill(yesterday.isoformat())
    page.locator("[name='reason']").fill(REASON)
    page.locator("input[name='_save']").click()
    page.wait_for_load_state()
    assert "วันที่เปิดถึงต้องเป็นวันนี้หรือหลังจากนี้" in page.locator("main, #content").first.inner_text()
    assert page.locator("[name='reason']").input_value() == REASON  # kept
    assert not PeriodOpening.objects.exists()
    until = timezone.localdate() + datetime.timedelta(days=14)
    page.locator("[name='until']").fill(until.isoformat())
    page.locator("input[name='_save']").click()
    page.wait_for_url(re.compile(r"/admin/reports/periodopening/$"))
    assert PeriodOpening.objects.get().created_by == admin_user

    # Khon Kaen (zone 12) is not offered the quarter; Phichit (zone 18) is, and starts its report.
    _switch_user(page, officer)
    assert str(past) not in page.locator("#current-period").inner_text()
    _switch_user(page, phichit)
    card = page.locator("#current-period")
    assert str(past) in card.inner_text() and thai_date(until) in card.inner_text() and REASON in card.inner_text()
    card.get_by_role("button", name="เริ่มทำรายงาน").click()
    page.wait_for_url(re.compile(r"/reports/\d+/$"))
    report = ProvinceReport.objects.get(period=past)
    assert report.province.name_th == "พิจิตร" and report.reopened_until == until
    assert page.get_by_role("button", name="บันทึกร่าง").is_visible()


def test_inspector_changes_a_hand_edited_meeting_is_asked_again_and_deletes_a_draft(page, inspector, geography):
    meeting = setup.meeting_d(inspector)
    meeting.generate_draft()
    _switch_user(page, inspector)
    page.goto(f"/meetings/{meeting.pk}/")

    # The text edited by hand.
    page.get_by_role("link", name="แก้ไขข้อความ").click()
    page.locator("textarea[name='block_intro']").fill("ข้อความที่ผู้ตรวจราชการเขียนเอง")
    page.get_by_role("button", name="บันทึกข้อความ").click()
    page.wait_for_url(re.compile(rf"/meetings/{meeting.pk}/$"))

    # The meeting changed: the summary is not regenerated over the edits, and the page says so.
    page.get_by_role("link", name="แก้ไขรายละเอียดการประชุม").click()
    page.locator("#meeting-form [name='purpose']").fill("ติดตามผลการดำเนินงานไตรมาสที่ 3")
    page.get_by_role("button", name="บันทึกการประชุม").click()
    page.wait_for_url(re.compile(rf"/meetings/{meeting.pk}/$"))
    assert "ระบบจึงยังไม่จัดทำใหม่" in page.locator("main").inner_text()
    assert "ข้อความที่ผู้ตรวจราชการเขียนเอง" in page.locator("#summary").inner_text()

    # Regenerating asks; unticked, it asks again with a message; ticked, it regenerates.
    page.get_by_role("button", name="จัดทำใหม่จากรายงานของจังหวัด").click()
    page.wait_for_url(re.compile(rf"/meetings/{meeting.pk}/generate/$"))
    with page.expect_navigation():
        page.get_by_role("button", name="จัดทำใหม่", exact=True).click()
    assert page.url.endswith(f"/meetings/{meeting.pk}/generate/")
    assert "ยังไม่ได้จัดทำสรุปผลใหม่" in page.locator("main").inner_text()
    page.reload()  # a real page: reloading it asks again, nothing else
    assert page.locator("#regenerate-warning").is_visible()
    page.get_by_label("ยืนยัน ละทิ้งข้อความที่แก้ไขไว้").check()
    page.get_by_role("button", name="จัดทำใหม่", exact=True).click()
    page.wait_for_url(re.compile(rf"/meetings/{meeting.pk}/$"))
    summary = page.locator("#summary").inner_text()
    assert "ข้อความที่ผู้ตรวจราชการเขียนเอง" not in summary
    assert "วัตถุประสงค์เพื่อ ติดตามผลการดำเนินงานไตรมาสที่ 3 ตามประเด็น" in summary

    # A draft meeting is deleted after confirming.
    page.get_by_role("link", name="ลบการประชุม…").click()
    page.get_by_role("button", name="ยืนยัน ลบการประชุม").click()
    page.wait_for_url(re.compile(r"/meetings/$"))
    assert page.get_by_text("ลบการประชุมแล้ว").is_visible()
    assert not FollowUpMeeting.objects.exists()
