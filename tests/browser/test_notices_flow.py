"""Notices in Chromium: the inspector returns a report; the officer sees the unread count, opens the
notice and lands on the report with the comment; the e-mail settings page with a bad address."""

import os
import re

import pytest

from notifications.models import Delivery
from reports.models import ProvinceReport
from tests import review_factories as make
from tests.conftest import login

pytestmark = pytest.mark.browser

COMMENT = "กรุณาแนบภาพถ่ายผลการดำเนินงานโคก หนอง นา"
# Set SCREENSHOTS=some/folder to keep pictures of the pages at desktop and phone sizes.
SCREENSHOTS = os.environ.get("SCREENSHOTS")


def _switch_user(page, user) -> None:
    page.context.clear_cookies()
    login(page, user.username)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _shoot(page, name: str) -> None:
    if not SCREENSHOTS:
        return
    for width, height in ((1366, 768), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=f"{SCREENSHOTS}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1366, "height": 768})


def test_a_returned_report_reaches_the_officer_through_the_notices(page, inspector, officer, other_officer, geography):
    report = make.submitted("ขอนแก่น", make.period(2564, 3))

    _switch_user(page, inspector)
    page.goto(f"/reports/{report.pk}/review/")
    page.get_by_role("button", name="ส่งกลับแก้ไข").click()  # no comment: refused, nobody told
    assert page.get_by_text("กรุณาระบุความเห็นว่าจังหวัดควรแก้ไขอะไร").is_visible()
    assert not Delivery.objects.exists()
    page.get_by_label("จังหวัดควรแก้ไขอะไร").fill(COMMENT)
    page.get_by_role("button", name="ส่งกลับแก้ไข").click()
    page.wait_for_url(re.compile(r"/reports/tracker/"))
    assert page.locator("#unread-count").count() == 0  # the inspector is not told of their own action

    # Another province's officer has nothing.
    _switch_user(page, other_officer)
    assert page.locator("#unread-count").count() == 0

    _switch_user(page, officer)
    assert page.locator("#unread-count").inner_text().startswith("1")
    page.locator("#nav-notices").click()
    page.wait_for_url(re.compile(r"/notices/$"))
    notice = page.locator("a.notice").first
    assert "ถูกส่งกลับให้แก้ไข" in notice.inner_text() and COMMENT in notice.inner_text()
    _shoot(page, "notices")
    notice.click()
    page.wait_for_url(re.compile(rf"/reports/{report.pk}/$"))
    assert COMMENT in page.locator("#return-comment").inner_text()
    assert page.locator("#unread-count").count() == 0  # read once opened
    page.goto("/notices/")
    assert page.locator("a.notice-unread").count() == 0
    assert ProvinceReport.objects.get(pk=report.pk).status == ProvinceReport.Status.RETURNED


def test_the_officer_changes_the_address_and_the_email_choices(page, officer, other_officer):
    _switch_user(page, officer)
    page.get_by_role("button", name=re.compile(officer.username)).click()
    page.get_by_role("link", name="ตั้งค่าการรับอีเมล").click()
    page.wait_for_url(re.compile(r"/accounts/profile/$"))
    email = page.get_by_label("อีเมล", exact=True)
    email.fill(other_officer.email)  # taken: refused beside the field, the choices typed are kept
    page.get_by_label("รายงานได้รับการรับรอง").uncheck()
    page.get_by_role("button", name="บันทึก").click()
    assert page.get_by_text("อีเมลนี้มีบัญชีผู้ใช้อื่นใช้อยู่แล้ว").is_visible()
    assert not page.get_by_label("รายงานได้รับการรับรอง").is_checked()
    _shoot(page, "profile-error")
    email.fill("somchai.k@example.org")
    page.get_by_role("button", name="บันทึก").click()
    assert page.get_by_text("บันทึกการตั้งค่าอีเมลแล้ว").is_visible()
    officer.refresh_from_db()
    assert officer.email == "somchai.k@example.org"
    assert not officer.email_preferences.get(kind="report_accepted").email


def test_forgot_password_from_the_login_page(page, officer):
    page.goto("/accounts/login/")
    page.get_by_role("link", name="ลืมรหัสผ่าน?").click()
    page.get_by_label("อีเมล").fill("not-an-address")
    page.get_by_role("button", name="ส่งลิงก์ทางอีเมล").click()
    assert page.get_by_label("อีเมล").input_value() == "not-an-address"  # kept, with the error
    assert page.locator(".invalid-feedback").count() == 1
    page.get_by_label("อีเมล").fill(officer.email)
    page.get_by_role("button", name="ส่งลิงก์ทางอีเมล").click()
    page.wait_for_url(re.compile(r"/accounts/password/forgot/sent/$"))
    _shoot(page, "reset-sent")
    (mail,) = Delivery.objects.filter(to=officer.email, kind="password_reset")
    link = re.search(r"https?://[^/]+(/accounts/password/set/\S+/)", mail.body_text).group(1)
    page.goto(link)
    assert page.get_by_text(f"บัญชีผู้ใช้: {officer.username}").is_visible()
    page.locator("[name=new_password1]").fill("Songkhla-river-2569")
    page.locator("[name=new_password2]").fill("Songkhla-river-2569")
    page.get_by_role("button", name="ตั้งรหัสผ่าน").click()
    page.wait_for_url(re.compile(r"/accounts/password/set/done/$"))
    login(page, officer.username, "Songkhla-river-2569")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
