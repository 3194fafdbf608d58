"""Login, logout, password change, language switch and the home page."""

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_anonymous_home_redirects_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_login_page_is_in_thai_with_vendored_assets(client):
    response = client.get(reverse("login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="th">' in html
    assert "เข้าสู่ระบบ" in html
    assert "ชื่อผู้ใช้" in html and "รหัสผ่าน" in html
    assert "vendor/bootstrap/bootstrap.min.css" in html
    assert "cdn" not in html.lower() and "https://" not in html


def test_wrong_password_shows_the_thai_error(client, officer):
    response = client.post(reverse("login"), {"username": officer.username, "password": "wrong"})
    assert response.status_code == 200
    assert "กรุณาใส่" in response.content.decode() or "ไม่ถูกต้อง" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_then_home(client, officer):
    response = client.post(reverse("login"), {"username": officer.username, "password": PASSWORD}, follow=True)
    assert response.status_code == 200
    assert client.session["_auth_user_id"] == str(officer.pk)


def test_logout_needs_post(client, officer):
    client.force_login(officer)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_change(client, officer):
    client.force_login(officer)
    assert "เปลี่ยนรหัสผ่าน" in client.get(reverse("password_change")).content.decode()
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "a-new-Passw0rd-xyz", "new_password2": "a-new-Passw0rd-xyz"},
    )
    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.check_password("a-new-Passw0rd-xyz")


def test_password_change_mismatch_shows_error_and_keeps_old_password(client, officer):
    client.force_login(officer)
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "a-new-Passw0rd-xyz", "new_password2": "different-Passw0rd-1"},
    )
    assert response.status_code == 200
    assert "invalid-feedback" in response.content.decode()
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)


def test_language_switch_to_english_and_back(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("login")}, follow=True)
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Log in" in html
    response = client.post(reverse("set_language"), {"language": "th", "next": reverse("login")}, follow=True)
    assert '<html lang="th">' in response.content.decode()


def test_user_without_role_is_told_to_ask_an_administrator(client, geography):
    from tests.conftest import make_user

    client.force_login(make_user("nobody"))
    response = client.get("/", follow=True)
    assert "ผู้ดูแลระบบ" in response.content.decode()


def test_static_assets_are_served(client):
    from django.contrib.staticfiles import finders

    assert finders.find("vendor/bootstrap/bootstrap.min.css")
    assert finders.find("fonts/sarabun/Sarabun_400Regular.ttf")
