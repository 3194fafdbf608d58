"""The report page and the lists on a phone and a desktop, in Chromium: the error summary (item 17), the
leave warning and the browser's copy of unsaved text (item 18), tables on a 390 px phone (item 16)."""

import re

import pytest

from meetings.models import FollowUpMeeting
from tests import review_factories as make
from tests.browser.test_officer_flow import WORDS, field, fill_best_practice, fill_shortfall, setting, start_report  # noqa: F401
from tests.conftest import login

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
SHOTS = "/tmp/screens"


def _shot(page, name: str) -> None:
    import os

    if os.environ.get("SCREENSHOTS"):
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_a_refused_submission_shows_a_focused_error_summary_linking_to_each_field(page, officer, setting):  # noqa: F811
    start_report(page, officer)
    assert page.locator("#required-note").is_visible()
    assert page.locator("#div_id_overall_results .required-mark").is_visible()
    fill_shortfall(page, causes="")
    fill_best_practice(page)
    field(page, "findings-1-achieved").fill("")
    page.get_by_role("button", name="ส่งรายงานถึงผู้ตรวจราชการ").click()
    page.wait_for_load_state()
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    text = summary.inner_text()
    assert "ยังไม่ได้ส่งรายงาน" in text and "3 รายการ" in text  # overall results, causes, achieved
    assert "รายการที่ 1" in text and "รายการที่ 2" in text
    _shot(page, "error-summary-desktop")
    summary.get_by_role("link", name=re.compile("รายการที่ 1")).click()
    assert page.evaluate("document.activeElement.name") == "findings-0-causes"
    assert field(page, "findings-0-problems").input_value() == WORDS["findings-0-problems"]  # kept


def test_leaving_with_unsaved_text_asks_first(page, officer, setting):  # noqa: F811
    start_report(page, officer)
    field(page, "overall_results").click()
    page.keyboard.type("ข้อความที่ยังไม่ได้บันทึก")
    dialogs = []

    def stay(dialog):
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.get_by_role("link", name="ระบบรายงานการตรวจราชการ").click()
    page.wait_for_timeout(300)
    assert dialogs == ["beforeunload"]
    assert field(page, "overall_results").input_value() == "ข้อความที่ยังไม่ได้บันทึก"


def test_text_typed_before_a_crash_is_offered_back_and_a_save_forgets_it(page, officer, setting):  # noqa: F811
    start_report(page, officer)
    url = page.url
    assert not page.locator("#draft-restore").is_visible()  # nothing kept yet: no offer
    field(page, "overall_results").click()
    page.keyboard.type("ผลการดำเนินงานที่พิมพ์ก่อนเครื่องค้าง")
    fill_shortfall(page)
    fill_best_practice(page)
    page.wait_for_timeout(600)  # the copy is written after a short pause in typing

    # The tab dies (no save, no warning); the officer opens the report again.
    crashed = page.context.new_page()
    page.close(run_before_unload=False)
    crashed.goto(url)
    banner = crashed.locator("#draft-restore")
    assert banner.is_visible()
    assert crashed.locator("[name='overall_results']").input_value() == ""
    _shot(crashed, "restore-offer-desktop")
    banner.get_by_role("button", name="นำข้อความกลับมา").click()
    assert crashed.locator("[name='overall_results']").input_value() == "ผลการดำเนินงานที่พิมพ์ก่อนเครื่องค้าง"
    assert crashed.locator("[name='findings-1-title']").input_value() == WORDS["findings-1-title"]
    assert not crashed.locator("#div_id_findings-1-problems").is_visible()  # the restored kind shows its fields

    crashed.get_by_role("button", name="บันทึกร่าง").click()
    crashed.wait_for_load_state()
    assert crashed.get_by_text("บันทึกร่างแล้ว").is_visible()
    assert crashed.evaluate("localStorage.length") == 0
    assert not crashed.locator("#draft-restore").is_visible()  # saved: nothing to offer
    assert crashed.locator("[data-finding]:visible").count() == 2  # no empty card added after the save
    crashed.reload()
    assert not crashed.locator("#draft-restore").is_visible()


def test_another_user_on_the_same_browser_is_not_offered_the_text(page, officer, setting):  # noqa: F811
    start_report(page, officer)
    url = page.url
    field(page, "overall_results").click()
    page.keyboard.type("ของเจ้าหน้าที่คนแรก")
    page.wait_for_timeout(600)
    stored = page.evaluate("Object.keys(localStorage)")
    assert any(key.startswith(f"report-draft:{officer.pk}:") for key in stored)
    page.evaluate("localStorage.setItem(Object.keys(localStorage)[0].replace(/:\\d+:/, ':999999:'), 'x')")
    page.goto(url)  # same user: offered; the other key is not this user's
    assert page.locator("#draft-restore").is_visible()


# --- phone ------------------------------------------------------------------------------


def _inside_the_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_on_a_phone_the_actions_and_statuses_are_visible(page, inspector, officer, geography):
    quarter = make.period(2564, 3)
    make.seed_quarter(quarter)
    meeting = make.meeting(inspector, quarter)
    FollowUpMeeting.objects.filter(pk=meeting.pk).update(published=meeting.draft)
    page.set_viewport_size(PHONE)

    login(page, inspector.username)
    page.wait_for_url(re.compile(r"/reports/tracker/"))
    button = page.get_by_role("link", name="ตรวจรายงาน").first
    assert button.is_visible() and _inside_the_screen(button)
    badge = page.locator("tr.track-row .badge").first
    assert badge.bounding_box()["height"] < 40  # one line
    _shot(page, "tracker-phone")

    page.goto("/meetings/")
    status = page.locator("#meetings .badge").first
    assert status.is_visible() and _inside_the_screen(status)
    _shot(page, "meetings-phone")

    page.context.clear_cookies()
    login(page, "officer_kk")
    page.wait_for_url(re.compile(r"/reports/$"))
    page.goto("/reports/")
    _shot(page, "officer-home-phone")
    from reports.models import ProvinceReport

    assert ProvinceReport.objects.filter(province__name_th="ขอนแก่น").exists()
    open_link = page.locator("#report-list").get_by_role("link", name=re.compile("^เปิด")).first
    assert open_link.is_visible() and _inside_the_screen(open_link)
