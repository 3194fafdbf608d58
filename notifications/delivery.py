"""Sending the outbox: at least once, never by two runs at once, retried with backoff.

A run claims one e-mail at a time with a conditional UPDATE: it moves the e-mail's next
attempt a lease ahead only if nobody has moved it since the run read it. On PostgreSQL
the second of two UPDATEs of one row waits for the first and then finds the condition
false; on SQLite one writer at a time gives the same. A run that dies after the mail
server accepted an e-mail but before it was marked sent leaves it to be sent again when
the lease ends, with the same Message-ID.
"""

import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.conf import settings
from django.core import mail
from django.db.models import F
from django.utils import timezone

from notifications.models import Delivery

log = logging.getLogger(__name__)

# Long enough for one e-mail's SMTP conversation (EMAIL_TIMEOUT) many times over.
LEASE = datetime.timedelta(minutes=10)
# After the 1st, 2nd, 3rd failed attempt; then hourly until the e-mail's give_up_at (a day after it was written).
FIRST_DELAYS = [datetime.timedelta(minutes=minutes) for minutes in (1, 5, 30)]
LATER_DELAY = datetime.timedelta(hours=1)
# Errors of the server or the way to it, not of one e-mail: retried later, and the run stops.
_UNREACHABLE = (
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    smtplib.SMTPHeloError,
    smtplib.SMTPAuthenticationError,
)
# Candidates read per query; each is still claimed one by one.
BATCH = 50


@dataclass
class Outcome:
    sent: int = 0
    retrying: int = 0
    failed: int = 0


def retry_delay(attempts: int) -> datetime.timedelta:
    """How long to wait after the given number of failed attempts."""
    return FIRST_DELAYS[attempts - 1] if attempts <= len(FIRST_DELAYS) else LATER_DELAY


def deliver_due(now: datetime.datetime | None = None, only: list[int] | None = None) -> Outcome:
    """Send every e-mail whose time has come (or only those ids); return what happened."""
    now = now or timezone.now()
    outcome = Outcome()
    connection = mail.get_connection(fail_silently=False)
    try:
        while (delivery := _claim_next(now, only)) is not None:
            if not _send(delivery, connection, now, outcome):
                break  # the server cannot be reached: the others wait for the next run
    finally:
        _close(connection)
    return outcome


def _close(connection) -> None:
    """Close the SMTP connection; one that broke already may fail to say goodbye."""
    try:
        connection.close()
    except (OSError, smtplib.SMTPException):
        pass


def _claim_next(now: datetime.datetime, only: list[int] | None) -> Delivery | None:
    due = Delivery.objects.due(now)
    if only is not None:
        due = due.filter(pk__in=only)
    for pk, seen in due.order_by("next_attempt_at", "pk").values_list("pk", "next_attempt_at")[:BATCH]:
        claimed = Delivery.objects.filter(pk=pk, status=Delivery.Status.PENDING, next_attempt_at=seen).update(
            next_attempt_at=now + LEASE, attempts=F("attempts") + 1
        )
        if claimed:
            return Delivery.objects.get(pk=pk)
    return None


def _message(delivery: Delivery, connection) -> mail.EmailMultiAlternatives:
    message = mail.EmailMultiAlternatives(
        subject=delivery.subject,
        body=delivery.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[delivery.to],
        connection=connection,
        headers={"Message-ID": delivery.message_id, "Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(delivery.body_html, "text/html")
    return message


def _send(delivery: Delivery, connection, now: datetime.datetime, outcome: Outcome) -> bool:
    """Send one claimed e-mail and record the result; False when the server could not be reached."""
    try:
        _message(delivery, connection).send()
    except _UNREACHABLE as error:  # smtplib's errors are OSErrors too: this comes first
        _failed(delivery, now, f"{type(error).__name__}: {error}", outcome, permanent=False)
        _close(connection)
        return False
    except smtplib.SMTPRecipientsRefused as error:
        codes = [code for code, _text in error.recipients.values()]
        _failed(delivery, now, f"{error.recipients!r}", outcome, permanent=all(code >= 500 for code in codes))
        return True
    except smtplib.SMTPResponseException as error:
        _failed(delivery, now, f"{error.smtp_code} {error.smtp_error!r}", outcome, permanent=error.smtp_code >= 500)
        return True
    except OSError as error:  # refused, timed out, name not found
        _failed(delivery, now, f"{type(error).__name__}: {error}", outcome, permanent=False)
        _close(connection)
        return False
    Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.SENT, sent_at=timezone.now(), last_error="")
    outcome.sent += 1
    return True


def _failed(delivery: Delivery, now: datetime.datetime, reason: str, outcome: Outcome, permanent: bool) -> None:
    retry_at = now + retry_delay(delivery.attempts)
    if permanent or retry_at > delivery.give_up_at:
        log.error("E-mail %s to %s failed for good: %s", delivery.pk, delivery.to, reason)
        Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.FAILED, last_error=reason)
        outcome.failed += 1
    else:
        log.warning("E-mail %s to %s not sent (attempt %s): %s", delivery.pk, delivery.to, delivery.attempts, reason)
        Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=retry_at, last_error=reason)
        outcome.retrying += 1
