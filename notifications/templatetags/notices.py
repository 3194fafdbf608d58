"""Filters of the notice list."""

import datetime

from django import template
from django.utils import formats, timezone, translation

from inspection_portal.lib import thai

register = template.Library()


@register.filter
def notice_time(value: datetime.datetime) -> str:
    """When a notice came, in the page's language: "11 มิ.ย. 2564 14:05"."""
    value = timezone.localtime(value)
    if (translation.get_language() or "th").startswith("en"):
        return formats.date_format(value, "j M Y, H:i")
    return f"{thai.thai_short_date(value)} {value:%H:%M}"
