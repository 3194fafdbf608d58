"""Filters of the trend pages: a table cell's number as the department writes numbers."""

from django import template

from inspection_portal.lib.numbers import format_number
from trends.tables import is_number

register = template.Library()


@register.filter
def cell(value) -> str:
    """{{ value|cell }}: 1,250 or 96.9 for numbers, "–" for a number that cannot be said (no target), text as is."""
    if value is None:
        return "–"
    return format_number(value) if is_number(value) else str(value)


@register.filter
def is_numeric(value) -> bool:
    return value is None or is_number(value)
