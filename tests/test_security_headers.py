"""Content-Security-Policy, Permissions-Policy and sessions that end after a working day idle (item 11)."""

import datetime
import re
from unittest import mock

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from tests import review_factories as make


def _directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


def test_every_page_carries_a_strict_content_security_policy(client, db):
    directives = _directives(client.get(reverse("login")))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"  # no 'unsafe-inline', no 'unsafe-eval', no other host
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"


def test_a_permissions_policy_switches_off_what_the_portal_never_uses(client, db):
    policy = client.get(reverse("login"))["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
INLINE_STYLE = re.compile(r"<[^>]+\sstyle\s*=", re.I)


@pytest.fixture
def pages(client, admin_user, officer, inspector):
    """Pages of each kind, as their users see them: officer's, inspector's, admin's (import/export included)."""
    quarter = make.period(2564, 3)
    report = make.submitted("ขอนแก่น", quarter)
    make.shortfall(report)
    meeting = make.meeting(inspector, quarter)
    draft = make.report("กาฬสินธุ์", quarter)
    return [
        (None, reverse("login")),
        (officer, reverse("reports:officer_home")),
        (officer, reverse("reports:edit", args=[report.pk])),
        (inspector, reverse("reports:tracker")),
        (inspector, reverse("reports:review", args=[report.pk])),
        (inspector, reverse("meetings:list")),
        (inspector, reverse("meetings:detail", args=[meeting.pk])),
        (inspector, reverse("meetings:edit_text", args=[meeting.pk])),
        (inspector, reverse("meetings:add")),
        (admin_user, reverse("admin:index")),
        (admin_user, reverse("admin:reports_provincereport_change", args=[draft.pk])),
        (admin_user, reverse("admin:reports_reportingperiod_changelist")),
        (admin_user, reverse("admin:reports_reportingperiod_change", args=[quarter.pk])),
        (admin_user, reverse("admin:provinces_province_import")),
        (admin_user, reverse("admin:provinces_province_export")),
        (admin_user, reverse("admin:reports_project_export")),
        (admin_user, reverse("admin:auth_user_change", args=[officer.pk])),
    ]


def test_no_page_has_inline_script_handlers_or_styles(client, pages):
    for user, url in pages:
        client.logout()
        if user is not None:
            client.force_login(user)
        html = client.get(url).content.decode()
        assert not INLINE_SCRIPT.findall(html), (url, INLINE_SCRIPT.findall(html))
        assert not INLINE_HANDLER.findall(html), (url, INLINE_HANDLER.findall(html))
        assert not INLINE_STYLE.findall(html), (url, INLINE_STYLE.findall(html)[:3])


# --- sessions ------------------------------------------------------------------------


def _expiry(client) -> datetime.datetime:
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_a_session_ends_after_eight_hours_idle(client, officer, settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    client.force_login(officer)
    assert client.get(reverse("reports:officer_home")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(reverse("reports:officer_home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_activity_moves_the_expiry_on_but_writes_the_session_at_most_every_five_minutes(client, officer):
    client.force_login(officer)
    url = reverse("reports:officer_home")
    start = timezone.now()
    client.get(url)
    first = _expiry(client)
    with mock.patch("django.contrib.sessions.backends.db.SessionStore.save") as save:
        for _ in range(5):
            client.get(url)
    assert not save.called  # browsing within five minutes writes nothing
    later = start.timestamp() + 6 * 60
    with mock.patch("time.time", return_value=later), mock.patch("django.utils.timezone.now") as now:
        now.return_value = datetime.datetime.fromtimestamp(later, datetime.UTC)
        client.get(url)
    assert _expiry(client) > first
