"""Delivering the outbox: the mail server down, retries with backoff, failures admins can read, two runs at once."""

import datetime
import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from notifications import delivery
from notifications.models import Delivery, Notice
from notifications.outbox import notify
from tests import review_factories as make
from tests.conftest import make_officer

Status = Delivery.Status


@pytest.fixture
def report(geography):
    return make.submitted("ขอนแก่น", make.period(2564, 3))


def _later(minutes: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(minutes=minutes)


def test_the_action_succeeds_with_the_server_down_and_the_mail_goes_out_when_it_returns(
    client, smtp, report, officer, inspector
):
    smtp.stop()
    client.force_login(inspector)
    response = client.post(reverse("reports:review_return", args=[report.pk]), {"comment": "ขอข้อมูลเพิ่มเติม"})
    assert response.status_code == 302  # the inspector's action is not held up by the mail server

    outcome = call_command_outcome()
    assert (outcome.sent, outcome.retrying) == (0, 1)
    waiting = Delivery.objects.get()
    assert waiting.status == Status.PENDING and waiting.attempts == 1
    assert "Connection" in waiting.last_error or "refused" in waiting.last_error.lower()
    first_retry = waiting.next_attempt_at
    assert datetime.timedelta(seconds=50) < first_retry - timezone.now() < datetime.timedelta(seconds=70)

    smtp.start()
    assert delivery.deliver_due(now=timezone.now()).sent == 0  # not yet: the backoff holds it a minute
    assert delivery.deliver_due(now=_later(1.1)).sent == 1
    (mail,) = smtp.inbox
    assert mail.rcpt_tos == [officer.email] and "ขอข้อมูลเพิ่มเติม" in mail.text
    sent = Delivery.objects.get()
    assert sent.status == Status.SENT and sent.attempts == 2 and mail.message["Message-ID"].strip() == sent.message_id
    assert delivery.deliver_due(now=_later(60)).sent == 0  # sent once only


def call_command_outcome():
    """Run the command as cron would (no reminders due here) and read what it printed."""
    from io import StringIO

    out = StringIO()
    call_command("send_reminders", "--no-reminders", stdout=out)
    words = out.getvalue()
    return delivery.Outcome(
        sent=int(words.split("e-mails sent: ")[1].split(",")[0]),
        retrying=int(words.split("to retry: ")[1].split(",")[0]),
        failed=int(words.split("failed: ")[1]),
    )


def test_backoff_is_1_5_30_minutes_then_hourly():
    delays = [delivery.retry_delay(attempt) for attempt in range(1, 7)]
    assert [delay.total_seconds() / 60 for delay in delays] == [1, 5, 30, 60, 60, 60]


def test_after_a_day_of_failures_the_mail_is_marked_failed_with_the_reason(smtp, report, officer, inspector, settings):
    smtp.stop()
    report.return_to_province("แก้ไข", by=inspector)
    moment = timezone.now()
    attempts = 0
    while Delivery.objects.get().status == Status.PENDING:
        moment = Delivery.objects.get().next_attempt_at
        delivery.deliver_due(now=moment)
        attempts += 1
        assert attempts < 40
    failed = Delivery.objects.get()
    assert failed.status == Status.FAILED and failed.last_error
    # 3 quick retries, then hourly: the last attempt falls within the day the e-mail was written.
    assert 20 <= failed.attempts <= 27
    assert moment <= failed.created_at + datetime.timedelta(days=1)


def test_admins_see_failed_mail_and_the_reason(client, smtp, report, officer, inspector, admin_user):
    officer.email = "bounce@example.org"  # the test server refuses this address for good (550)
    officer.save()
    report.return_to_province("แก้ไข", by=inspector)
    assert delivery.deliver_due().failed == 1
    client.force_login(admin_user)
    html = client.get(reverse("admin:notifications_delivery_changelist") + "?status=failed").content.decode()
    assert "bounce@example.org" in html and "550" in html
    # An officer may not read the outbox.
    client.force_login(officer)
    assert client.get(reverse("admin:notifications_delivery_changelist")).status_code == 302


def test_the_retry_action_puts_a_failed_mail_back(client, smtp, report, officer, inspector, admin_user):
    smtp.stop()
    report.return_to_province("แก้ไข", by=inspector)
    Delivery.objects.update(status=Status.FAILED, last_error="gone")
    client.force_login(admin_user)
    client.post(
        reverse("admin:notifications_delivery_changelist"),
        {"action": "retry_now", "_selected_action": [Delivery.objects.get().pk]},
    )
    assert Delivery.objects.get().status == Status.PENDING
    smtp.start()
    assert delivery.deliver_due(now=_later(1)).sent == 1


needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Two delivery runs at once need row locks and concurrent connections: PostgreSQL only "
    "(SQLite lets one writer in at a time, so the runs cannot overlap there).",
)


@needs_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_each_mail_once(settings, geography):
    from tests.smtp import SMTPServer

    server = SMTPServer(delay=0.05)  # slow enough for the two runs to overlap
    server.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 5
        officers = [make_officer(f"officer_{number}", "ขอนแก่น") for number in range(30)]
        for number in range(3):
            notify(officers, "report_returned", _context(number), "/reports/1/")
        outcomes = _in_two_threads(lambda: delivery.deliver_due())
        assert sum(outcome.sent for outcome in outcomes) == 90
        assert all(outcome.sent for outcome in outcomes), "both runs took part"
        assert len(server.inbox) == 90
        assert len({str(item.message["Message-ID"]) for item in server.inbox}) == 90
        assert Delivery.objects.filter(status=Status.SENT, attempts=1).count() == 90
    finally:
        server.stop()


def _context(number: int) -> dict:
    return {"province": "ขอนแก่น", "quarter": 3, "fiscal_year": 2564, "comment": f"ครั้งที่ {number}", "by": "ผู้ตรวจ"}


def _in_two_threads(work) -> list:
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(work())
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    return results


def test_notices_are_kept_when_the_mail_cannot_be_sent(smtp, report, officer, inspector):
    smtp.stop()
    report.return_to_province("แก้ไข", by=inspector)
    delivery.deliver_due()
    assert Notice.objects.filter(recipient=officer, read_at__isnull=True).count() == 1
