"""The account's flows in Chromium: changing the password (a wrong confirmation first), logging out from
the user menu, logging in with the new password; and the officer's report page switched to English and back."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import formats, timezone, translation

from inspection_portal.lib.thai import thai_date
from tests import factories
from tests.conftest import PASSWORD, login

pytestmark = pytest.mark.browser

NEW_PASSWORD = "Plaa-too-2564-ngern"


def _logged_in(page, username: str, password: str = PASSWORD) -> None:
    login(page, username, password)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _open_user_menu(page, user) -> None:
    page.locator("nav").get_by_role("button", name=user.username).click()


def _password_ok(user, password: str) -> bool:
    return get_user_model().objects.get(pk=user.pk).check_password(password)


def test_change_password_mismatch_then_ok_log_out_and_in_again(page, officer):
    _logged_in(page, officer.username)

    # The user menu in the navbar leads to the password change page.
    _open_user_menu(page, officer)
    page.get_by_role("link", name="เปลี่ยนรหัสผ่าน").click()
    page.wait_for_url(re.compile(r"/accounts/password/$"))
    assert page.get_by_role("heading", name="เปลี่ยนรหัสผ่าน").is_visible()

    # A confirmation that does not match: the Thai error beside the confirmation, nothing changed.
    page.locator("[name='old_password']").fill(PASSWORD)
    page.locator("[name='new_password1']").fill(NEW_PASSWORD)
    page.locator("[name='new_password2']").fill(NEW_PASSWORD + "x")
    page.locator("main").get_by_role("button", name="เปลี่ยนรหัสผ่าน").click()
    page.wait_for_load_state()
    assert page.url.endswith("/accounts/password/")
    confirmation = page.locator("#div_id_new_password2")
    assert "รหัสผ่านทั้งสองช่องไม่ตรงกัน" in confirmation.inner_text()
    assert "กรอกรหัสผ่านใหม่อีกครั้งเพื่อยืนยัน" in confirmation.inner_text()  # Django's help text, in Thai
    assert "is-invalid" in (page.locator("[name='new_password2']").get_attribute("class") or "")
    assert "ไม่ตรงกัน" not in page.locator("#div_id_old_password").inner_text()
    assert "รหัสผ่านต้องมีอย่างน้อย 8 ตัวอักษร" in page.locator("#div_id_new_password1").inner_text()
    assert not re.search(r"[A-Za-z]{4,}", page.locator("main form").inner_text())  # no English left over
    assert _password_ok(officer, PASSWORD)
    assert not _password_ok(officer, NEW_PASSWORD)

    # A password too short is refused by the validators, in Thai.
    page.locator("[name='old_password']").fill(PASSWORD)
    page.locator("[name='new_password1']").fill("kk12")
    page.locator("[name='new_password2']").fill("kk12")
    page.locator("main").get_by_role("button", name="เปลี่ยนรหัสผ่าน").click()
    page.wait_for_load_state()
    assert "รหัสผ่านนี้สั้นเกินไป ต้องมีอย่างน้อย 8 ตัวอักษร" in page.locator("#div_id_new_password2").inner_text()
    assert _password_ok(officer, PASSWORD)

    # A wrong old password is refused beside that field, in Thai.
    page.locator("[name='old_password']").fill("not-" + PASSWORD)
    page.locator("[name='new_password1']").fill(NEW_PASSWORD)
    page.locator("[name='new_password2']").fill(NEW_PASSWORD)
    page.locator("main").get_by_role("button", name="เปลี่ยนรหัสผ่าน").click()
    page.wait_for_load_state()
    assert "รหัสผ่านเก่าผิด" in page.locator("#div_id_old_password").inner_text()
    assert _password_ok(officer, PASSWORD)

    # Correctly this time.
    page.locator("[name='old_password']").fill(PASSWORD)
    page.locator("[name='new_password1']").fill(NEW_PASSWORD)
    page.locator("[name='new_password2']").fill(NEW_PASSWORD)
    page.locator("main").get_by_role("button", name="เปลี่ยนรหัสผ่าน").click()
    page.wait_for_url(re.compile(r"/accounts/password/done/$"))
    assert page.get_by_role("heading", name="เปลี่ยนรหัสผ่านแล้ว").is_visible()
    assert _password_ok(officer, NEW_PASSWORD)
    assert not _password_ok(officer, PASSWORD)

    # Still logged in (the session survived the change); log out from the user menu.
    page.goto("/reports/")
    assert "/accounts/login/" not in page.url
    _open_user_menu(page, officer)
    page.get_by_role("button", name="ออกจากระบบ").click()
    page.wait_for_load_state()
    page.goto("/reports/")
    page.wait_for_url(re.compile(r"/accounts/login/"))
    assert page.locator("nav").get_by_role("button", name=officer.username).count() == 0

    # The old password no longer works; the new one does.
    login(page, officer.username, PASSWORD)
    page.wait_for_load_state()
    assert "/accounts/login/" in page.url
    assert "ถูกต้อง" in page.locator(".alert-danger, .invalid-feedback, .errorlist").first.inner_text()
    _logged_in(page, officer.username, NEW_PASSWORD)
    assert page.locator("nav").get_by_role("button", name=officer.username).is_visible()


def test_report_page_in_english_and_back_to_thai(page, officer):
    deadline = timezone.localdate() + datetime.timedelta(days=10)
    report = factories.report("ขอนแก่น", factories.open_period(days_left=10))
    assert report.period.deadline == deadline
    thai_deadline = thai_date(deadline)
    with translation.override("en"):
        english_deadline = formats.date_format(deadline, "j F Y")
    assert english_deadline != thai_deadline

    _logged_in(page, officer.username)
    page.goto(f"/reports/{report.pk}/")
    header = page.locator("main").inner_text()
    assert thai_deadline in header
    assert page.get_by_role("button", name="บันทึกร่าง").is_visible()

    page.locator("#language-form").get_by_role("button", name="English").click()
    page.wait_for_url(re.compile(rf"/reports/{report.pk}/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    main = page.locator("main").inner_text()
    assert f"Deadline {english_deadline}" in main
    assert thai_deadline not in main
    assert page.get_by_role("button", name="Save draft").is_visible()
    assert page.get_by_role("button", name="บันทึกร่าง").count() == 0
    assert page.locator("nav").get_by_role("link", name="My province's reports").first.is_visible()
    # The officer's home follows the language too.
    page.goto("/reports/")
    assert english_deadline in page.locator("main").inner_text()

    page.goto(f"/reports/{report.pk}/")
    page.locator("#language-form").get_by_role("button", name="ไทย").click()
    page.wait_for_url(re.compile(rf"/reports/{report.pk}/$"))
    assert page.locator("html").get_attribute("lang") == "th"
    main = page.locator("main").inner_text()
    assert thai_deadline in main
    assert english_deadline not in main
    assert page.get_by_role("button", name="บันทึกร่าง").is_visible()
    assert page.get_by_role("button", name="Save draft").count() == 0
