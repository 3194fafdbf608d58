"""The one entry point of the notifications app: `notify`.

Reports, meetings and accounts call it inside the transaction of their event, with plain
data: who is told (users), the kind, the context the kind's sentences need, and the path
of the page the notice opens. It writes the in-portal notices and the e-mails to send;
nothing is sent here, so a mail server that is down never fails the user's action.
"""

import json
from collections.abc import Iterable
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from notifications.kinds import KINDS, Kind
from notifications.models import Delivery, EmailPreference, Notice
from notifications.texts import text_of


def notify(recipients: Iterable, kind: str, context: dict, link: str, *, key: str = "") -> list[Notice]:
    """Tell each active recipient of an event: a notice in the portal and, if they want it, an e-mail.

    kind: a code of notifications.kinds; context: JSON-able values its sentences use (dates
    may be date objects); link: the path of the page, e.g. "/reports/12/". With a key, a
    recipient who already has a notice with that key is skipped (reminders are idempotent).
    Returns the notices created.
    """
    the_kind = KINDS[kind]
    context = json.loads(json.dumps(context, cls=DjangoJSONEncoder))
    users = list({user.pk: user for user in recipients if user.is_active}.values())
    wanted = (
        dict(EmailPreference.objects.filter(user__in=users, kind=kind).values_list("user_id", "email"))
        if the_kind.optional
        else {}
    )
    created, deliveries = [], []
    with transaction.atomic():
        for user in users:
            notice = None
            if the_kind.in_portal:
                notice = _notice(user, kind, context, link, key)
                if notice is None:
                    continue  # already told
                created.append(notice)
            if user.email and wanted.get(user.pk, the_kind.email_default):
                deliveries.append(_email(the_kind, user, context, link, notice))
        Delivery.objects.bulk_create(deliveries)
    if deliveries and settings.NOTIFICATIONS_DELIVER_AT_ONCE:
        from notifications import delivery

        ids = [item.pk for item in deliveries]
        transaction.on_commit(lambda: delivery.deliver_due(only=ids))
    return created


def _notice(user, kind: str, context: dict, link: str, key: str) -> Notice | None:
    if not key:
        return Notice.objects.create(recipient=user, kind=kind, context=context, link=link)
    if Notice.objects.filter(recipient=user, key=key).exists():
        return None
    try:
        with transaction.atomic():  # two runs of send_reminders at once: the second one's insert fails here
            return Notice.objects.create(recipient=user, kind=kind, context=context, link=link, key=key)
    except IntegrityError:
        return None


def absolute_url(path: str) -> str:
    return settings.PORTAL_BASE_URL.rstrip("/") + path


def _email(kind: Kind, user, context: dict, link: str, notice: Notice | None) -> Delivery:
    """The e-mail of a notice, rendered now in Thai whatever the page's language."""
    with translation.override("th"):
        text = text_of(kind.code, context)
        values = {
            "kind": kind,
            "text": text,
            "name": user.get_full_name() or user.get_username(),
            "url": absolute_url(link),
            "preferences_url": absolute_url(reverse("profile")) if kind.optional else "",
            "portal_url": absolute_url("/"),
        }
        body_text = render_to_string("notifications/email/message.txt", values)
        body_html = render_to_string("notifications/email/message.html", values)
    domain = urlsplit(settings.PORTAL_BASE_URL).hostname or "localhost"
    idstring = f"notice-{notice.pk}" if notice is not None else kind.code
    return Delivery(
        notice=notice,
        recipient=user,
        kind=kind.code,
        to=user.email,
        subject=text.subject[:400],
        body_text=body_text,
        body_html=body_html,
        message_id=make_msgid(idstring=idstring, domain=domain),
    )
