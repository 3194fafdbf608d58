"""A notice's words in the reader's language, from its kind and its plain-data context."""

import datetime
from dataclasses import dataclass, field

from django.utils import formats, translation
from django.utils.translation import gettext as _

from inspection_portal.lib import thai
from notifications.kinds import KINDS


@dataclass(frozen=True)
class Text:
    subject: str
    lead: str
    action: str
    quote_label: str = ""
    quote: str = ""
    items: list[str] = field(default_factory=list)


def text_of(kind_code: str, context: dict) -> Text:
    """The subject, lead sentence, quoted comment and list of a notice, in the active language."""
    kind = KINDS.get(kind_code)
    if kind is None:  # a kind since retired: its rows stay readable
        return Text(subject=_("Notice"), lead="", action=_("Open"))
    values = {key: _shown(key in kind.dates, value) for key, value in context.items()}
    subject, lead = kind.subject, kind.lead
    if kind.variant_key and context.get(kind.variant_key):
        subject, lead = kind.variant_subject, kind.variant_lead
    return Text(
        subject=str(subject) % values,
        lead=str(lead) % values,
        action=str(kind.action),
        quote_label=str(kind.quote_label) if context.get(kind.quote_key) else "",
        quote=str(context.get(kind.quote_key, "")) if kind.quote_key else "",
        items=[str(item) for item in context.get(kind.items_key, [])] if kind.items_key else [],
    )


def _shown(is_date: bool, value):
    if not is_date or not value:
        return value
    day = datetime.date.fromisoformat(str(value)[:10])
    if (translation.get_language() or "th").startswith("en"):
        return formats.date_format(day, "j F Y")
    return thai.thai_date(day)
