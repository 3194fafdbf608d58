"""In-portal notices, the e-mail outbox and each user's choice of e-mail per kind.

A notice and its e-mail are written by `notifications.outbox.notify` in the same
transaction as the event; `notifications.delivery` sends the outbox afterwards.
"""

import datetime

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications import kinds
from notifications.texts import Text, text_of

# How many unread notices the navigation counts before it shows "99+".
UNREAD_CAP = 99


class NoticeQuerySet(models.QuerySet):
    def for_user(self, user) -> "NoticeQuerySet":
        return self.filter(recipient=user)

    def unread(self) -> "NoticeQuerySet":
        return self.filter(read_at__isnull=True)

    def unread_count(self, user) -> int:
        """The user's unread notices, counted up to UNREAD_CAP + 1 (one indexed query)."""
        return self.for_user(user).unread().order_by()[: UNREAD_CAP + 1].count()

    def mark_read(self, now: datetime.datetime | None = None) -> int:
        return self.unread().update(read_at=now or timezone.now())


class Notice(models.Model):
    """One thing one user was told, kept in the portal whatever their e-mail choices."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(_("kind"), max_length=40, choices=kinds.CHOICES)
    context = models.JSONField(_("details"), default=dict, encoder=DjangoJSONEncoder)
    link = models.CharField(_("link"), max_length=500)
    # Reminders carry a key (say "deadline_near:41:3"): one notice per recipient and key,
    # which makes send_reminders idempotent even when two runs meet.
    key = models.CharField(_("key"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], condition=~Q(key=""), name="unique_notice_key")
        ]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notice_list"),
            models.Index(fields=["recipient"], condition=Q(read_at__isnull=True), name="notice_unread"),
        ]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self) -> str:
        return self.text.subject

    @property
    def text(self) -> Text:
        return text_of(self.kind, self.context)

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


# How long an e-mail is retried before it is marked failed.
RETRY_FOR = datetime.timedelta(days=1)


def _a_day_from_now() -> datetime.datetime:
    return timezone.now() + RETRY_FOR


class DeliveryQuerySet(models.QuerySet):
    def due(self, now: datetime.datetime) -> "DeliveryQuerySet":
        return self.filter(status=Delivery.Status.PENDING, next_attempt_at__lte=now)


class Delivery(models.Model):
    """One e-mail in the outbox, rendered when the event happened, sent at least once."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    notice = models.OneToOneField(
        Notice, verbose_name=_("notice"), on_delete=models.SET_NULL, null=True, blank=True, related_name="delivery"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=40, choices=kinds.CHOICES)
    to = models.CharField(_("to"), max_length=254)
    subject = models.CharField(_("subject"), max_length=400)
    body_text = models.TextField(_("plain text"))
    body_html = models.TextField(_("HTML"))
    # Stable across retries, so a copy sent twice (the process died between the mail
    # server's acceptance and our commit) is recognisable as the same message.
    message_id = models.CharField(_("Message-ID"), max_length=250, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    give_up_at = models.DateTimeField(_("retried until"), default=_a_day_from_now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["next_attempt_at"], condition=Q(status="pending"), name="delivery_pending"),
        ]
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"


class EmailPreference(models.Model):
    """A user's choice to receive (or not) e-mail for one kind of notice; no row means the kind's default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="email_preferences"
    )
    kind = models.CharField(_("kind"), max_length=40, choices=kinds.CHOICES)
    email = models.BooleanField(_("send e-mail"), default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="unique_email_preference")]
        verbose_name = _("e-mail preference")
        verbose_name_plural = _("e-mail preferences")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_kind_display()}"
