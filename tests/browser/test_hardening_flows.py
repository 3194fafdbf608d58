"""Hardening flows in Chromium, bad input included: a locked login (item 2), a Buddhist-era deadline typed in
the admin (item 15), a refused return that can be reloaded (item 21)."""

import re

import pytest

from reports.models import ReportingPeriod
from tests import review_factories as make
from tests.conftest import PASSWORD, login

pytestmark = pytest.mark.browser


def test_ten_wrong_passwords_lock_the_account_with_a_thai_message(page, officer):
    for _ in range(10):
        login(page, officer.username, "not-the-password")
        page.wait_for_load_state()
    assert page.locator("#locked-out").is_visible()
    text = page.locator("#locked-out").inner_text()
    assert "ลองใหม่ได้หลังเวลา" in text and "ผู้ดูแลระบบ" in text
    login(page, officer.username, PASSWORD)  # the right password, still locked
    page.wait_for_load_state()
    assert page.locator("#locked-out").is_visible()


def test_an_admin_types_a_buddhist_era_deadline_bad_then_right(page, admin_user, geography):
    period = ReportingPeriod.objects.create(fiscal_year=2570, quarter=1)
    login(page, admin_user.username)
    page.wait_for_load_state()
    page.goto(f"/admin/reports/reportingperiod/{period.pk}/change/")
    deadline = page.locator("#id_deadline")
    assert re.fullmatch(r"\d\d/\d\d/25\d\d", deadline.input_value())
    deadline.fill("31/02/2570")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("ไม่มีวันที่นี้").is_visible()
    assert page.locator("#id_deadline").input_value() == "31/02/2570"  # kept
    page.locator("#id_deadline").fill("31/01/2570")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/reports/reportingperiod/$"))
    period.refresh_from_db()
    assert period.deadline.isoformat() == "2027-01-31"
    assert page.locator("#id_form-0-deadline, input[value='31/01/2570']").first.is_visible()


def test_a_refused_return_lands_on_the_review_page_which_reloads(page, inspector, geography):
    report = make.submitted("ขอนแก่น", make.period(2564, 3))
    login(page, inspector.username)
    page.wait_for_load_state()
    page.goto(f"/reports/{report.pk}/review/")
    page.get_by_role("button", name="ส่งกลับแก้ไข").click()
    page.wait_for_url(re.compile(rf"/reports/{report.pk}/review/$"))
    assert page.get_by_text("กรุณาระบุความเห็นว่าจังหวัดควรแก้ไขอะไร").is_visible()
    response = page.reload()
    assert response.status == 200
    response = page.goto(f"/reports/{report.pk}/review/return/")
    assert response.status == 405 and "เปิดที่อยู่นี้โดยตรงไม่ได้" in page.locator("main").inner_text()
