"""Login throttling (item 2): an account locks after 10 failures, an address after 50, for 15 minutes."""

import datetime
import logging

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.urls import reverse

from tests.conftest import PASSWORD, make_user

LOGIN = reverse("login")
OFFICE = "203.0.113.7"


def _try(client, username, password="wrong-password", url=LOGIN, address=OFFICE, **headers):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address, **headers)


@pytest.fixture
def account(db):
    return make_user("officer_kk")


def test_ten_failures_lock_the_account_with_a_thai_message_saying_when(client, account):
    for _ in range(9):
        assert _try(client, "officer_kk").status_code == 200  # the form again, with its error
    response = _try(client, "officer_kk")
    assert response.status_code == 429
    html = response.content.decode()
    assert "เข้าสู่ระบบผิดหลายครั้ง" in html and "ลองใหม่ได้หลังเวลา" in html
    # Locked: even the right password is refused until the lockout ends.
    response = _try(client, "officer_kk", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_admin_login_is_throttled_too(client, account):
    for _ in range(10):
        _try(client, "officer_kk", url=reverse("admin:login"))
    assert _try(client, "officer_kk", PASSWORD, url=reverse("admin:login")).status_code == 429


def test_another_account_in_the_same_office_still_logs_in(client, account):
    make_user("officer_ns")
    for _ in range(10):
        _try(client, "officer_kk")
    assert _try(client, "officer_ns", PASSWORD).status_code == 302


def test_an_address_is_locked_only_after_fifty_failures(client, account):
    make_user("officer_ns")
    for number in range(49):
        _try(client, f"someone_{number % 7}")  # 7 names, 7 failures or fewer each
    assert _try(client, "officer_ns", PASSWORD).status_code == 302
    client.logout()
    _try(client, "someone_else")  # the fiftieth
    assert _try(client, "officer_ns", PASSWORD).status_code == 429
    # From another address the account is free.
    assert _try(client, "officer_ns", PASSWORD, address="198.51.100.20").status_code == 302


def test_the_lockout_ends_after_fifteen_minutes(client, account):
    for _ in range(10):
        _try(client, "officer_kk")
    AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=16))
    assert _try(client, "officer_kk", PASSWORD).status_code == 302


def test_failures_are_logged(client, account, caplog):
    with caplog.at_level(logging.WARNING):
        _try(client, "officer_kk")
    assert any("officer_kk" in record.getMessage() for record in caplog.records)
    assert AccessFailureLog.objects.filter(username="officer_kk", ip_address=OFFICE).exists()


def test_an_admin_unlocks_an_account_by_deleting_its_attempts(client, account, admin_user):
    for _ in range(10):
        _try(client, "officer_kk")
    admin = client.__class__()
    admin.force_login(admin_user)
    changelist = reverse("admin:axes_accessattempt_changelist")
    assert admin.get(changelist).status_code == 200
    attempts = list(AccessAttempt.objects.filter(username="officer_kk").values_list("pk", flat=True))
    response = admin.post(changelist, {"action": "delete_selected", "_selected_action": attempts, "post": "yes"})
    assert response.status_code == 302
    assert _try(client, "officer_kk", PASSWORD).status_code == 302


def test_without_trusted_proxies_a_forwarded_address_is_ignored(client, account):
    _try(client, "officer_kk", address="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.9")
    assert AccessAttempt.objects.get().ip_address == "127.0.0.1"


def test_behind_one_trusted_proxy_the_address_it_saw_counts_not_what_the_client_wrote(client, account, settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    # nginx appends the address it saw to whatever X-Forwarded-For the client sent.
    _try(client, "officer_kk", address="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.66, 203.0.113.7")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
