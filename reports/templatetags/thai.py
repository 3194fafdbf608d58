"""Template filters for dates and Thai lists; the rules themselves are in inspection_portal.lib.thai.

Dates follow the page's language: Buddhist-era Thai ("11 มิถุนายน 2564") on Thai pages,
Django's English format ("11 June 2021") on English ones.
"""

import datetime

from django import template
from django.utils import formats, timezone, translation

from inspection_portal.lib import thai as rules

register = template.Library()


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _english() -> bool:
    return (translation.get_language() or "th").startswith("en")


@register.filter
def thai_date(value) -> str:
    """{{ day|thai_date }} → 11 มิถุนายน 2564."""
    if value is None:
        return ""
    value = _local(value)
    return formats.date_format(value, "j F Y") if _english() else rules.thai_date(value)


@register.filter
def thai_short_date(value) -> str:
    """{{ day|thai_short_date }} → 11 มิ.ย. 2564."""
    if value is None:
        return ""
    value = _local(value)
    return formats.date_format(value, "j M Y") if _english() else rules.thai_short_date(value)


@register.filter
def thai_datetime(value) -> str:
    """{{ moment|thai_datetime }} → 11 มิถุนายน 2564 เวลา 14:05 น."""
    if value is None:
        return ""
    value = _local(value)
    return formats.date_format(value, "j F Y, H:i") if _english() else rules.thai_datetime(value)


@register.filter
def province_list(names) -> str:
    return rules.province_list(list(names))
