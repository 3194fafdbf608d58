"""Template filter for figures; the rule itself is inspection_portal/lib/numbers.py."""

from django import template

from inspection_portal.lib.numbers import format_number

register = template.Library()


@register.filter
def number(value) -> str:
    """{{ figure.target|number }} → "1,516" (no needless decimals, thousands separated); "" for None."""
    return format_number(value)
