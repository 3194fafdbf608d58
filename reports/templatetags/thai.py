"""Template filters for Thai text; the rules themselves are in inspection_portal.lib.thai."""

from django import template
from django.utils import timezone

from inspection_portal.lib import thai as rules

register = template.Library()


@register.filter
def thai_date(value) -> str:
    """{{ day|thai_date }} → 11 มิถุนายน 2564."""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    return rules.thai_date(value)


@register.filter
def thai_short_date(value) -> str:
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        value = timezone.localtime(value)
    return rules.thai_short_date(value)


@register.filter
def thai_datetime(value) -> str:
    """{{ moment|thai_datetime }} → 11 มิถุนายน 2564 เวลา 14:05 น."""
    if value is None:
        return ""
    return rules.thai_datetime(timezone.localtime(value))


@register.filter
def province_list(names) -> str:
    return rules.province_list(list(names))
