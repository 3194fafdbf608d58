"""Shared actors and the browser for the whole suite.

The actors follow healthchecks' hc/test.py: an officer of the province, an officer of
another province, an inspector of the zone, an inspector of another zone, an admin.
"""

import os
import shutil

import pytest
from django.contrib.auth import get_user_model

from provinces import reference
from provinces.models import InspectionZone, InspectorAssignment, Province, ProvincialOfficer

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LANGUAGE_CODE = "th"
    # The PDF render slots are machine-wide locks: a test's own, so other runs on the machine cannot hold them.
    settings.RENDER_LOCK_DIR = str(tmp_path / "render-slots")


@pytest.fixture
def geography(db):
    """The 18 zones and 77 provinces (reloaded: transactional tests flush the migration's rows)."""
    reference.load(InspectionZone, Province)


def make_user(username: str, **extra):
    extra.setdefault("email", f"{username}@example.org")
    return get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)


def make_officer(username: str, province_name: str):
    user = make_user(username)
    ProvincialOfficer.objects.create(user=user, province=Province.objects.get(name_th=province_name))
    return user


def make_inspector(username: str, zone_numbers, fiscal_year: int):
    user = make_user(username)
    for number in zone_numbers:
        InspectorAssignment.objects.create(
            user=user, zone=InspectionZone.objects.get(number=number), fiscal_year=fiscal_year
        )
    return user


@pytest.fixture
def officer(geography):
    """An officer of ขอนแก่น (zone 12)."""
    return make_officer("officer_kk", "ขอนแก่น")


@pytest.fixture
def other_officer(geography):
    """An officer of นครสวรรค์ (zone 18)."""
    return make_officer("officer_ns", "นครสวรรค์")


@pytest.fixture
def inspector(geography):
    """The inspector of zones 12 and 18 in FY 2564."""
    return make_inspector("inspector_12", [12, 18], 2564)


@pytest.fixture
def other_inspector(geography):
    """An inspector of zone 1 in FY 2564."""
    return make_inspector("inspector_1", [1], 2564)


@pytest.fixture
def admin_user(geography):
    return make_user("admin", is_staff=True, is_superuser=True)


def make_in_group(username: str, group_name: str, **extra):
    """A user in one of the portal's role groups (provinces/roles.py)."""
    from django.contrib.auth.models import Group

    from provinces.roles import sync_groups

    sync_groups()  # transactional tests flush the groups migrate made
    user = make_user(username, **extra)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def portal_admin(geography):
    """A staff user who administers the portal by group, not as a superuser."""
    from provinces.roles import PORTAL_ADMINISTRATORS

    return make_in_group("portal_admin", PORTAL_ADMINISTRATORS, is_staff=True)


@pytest.fixture
def head_of_inspectors(geography):
    """The head of the department's inspectors: reads every zone, reviews none."""
    from provinces.roles import HEAD_OF_INSPECTORS

    return make_in_group("head_of_inspectors", HEAD_OF_INSPECTORS)


@pytest.fixture
def bare_staff(geography):
    """Staff status and nothing else: it opens Django admin's door, no portal power."""
    return make_user("bare_staff", is_staff=True)


# --- the browser ---------------------------------------------------------------


@pytest.fixture(scope="session")
def _chromium():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        message = (
            f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install chromium) "
            "or set CHROMIUM_PATH to run the browser tests."
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(_chromium, live_server):
    """A fresh Thai browser page; `page.base_url` is the live server."""
    context = _chromium.new_context(locale="th-TH", base_url=live_server.url, accept_downloads=True)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def login(page, username: str, password: str = PASSWORD) -> None:
    """Log in through the real login form."""
    page.goto("/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(password)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()


# --- e-mail ------------------------------------------------------------------------


@pytest.fixture
def smtp(settings):
    """A real SMTP server the portal delivers to; `smtp.inbox` holds what arrived."""
    from tests.smtp import SMTPServer

    server = SMTPServer()
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    settings.PORTAL_BASE_URL = "https://portal.example.go.th"
    yield server
    server.stop()
