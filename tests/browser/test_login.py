"""The first flow in the real browser: the Thai login page, a wrong password, a good one."""

import pytest

from tests.conftest import PASSWORD, login

pytestmark = pytest.mark.browser


def test_login_page_in_thai_wrong_password_then_home(page, officer):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "th"
    assert page.get_by_role("heading", name="เข้าสู่ระบบ").is_visible()
    # Sarabun is served by the portal itself, not a CDN.
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Sarabun" in font

    login(page, officer.username, "not-the-password")
    error = page.locator(".alert-danger, .invalid-feedback, .errorlist").first
    assert "ถูกต้อง" in error.inner_text()
    assert page.get_by_label("ชื่อผู้ใช้").input_value() == officer.username

    login(page, officer.username, PASSWORD)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    assert page.get_by_role("button", name=officer.username).is_visible() or officer.username in page.content()


def test_language_switch_in_the_browser(page, officer):
    login(page, officer.username)
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("link", name="My province's reports").first.is_visible()
