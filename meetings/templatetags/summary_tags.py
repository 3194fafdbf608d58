"""Template filters of the summary tree; the rules themselves are in meetings/summary.py."""

from django import template

from meetings import summary

register = template.Library()


@register.filter
def number_prefix(block: dict) -> str:
    """{{ block|number_prefix }} → "1) " for a purpose or topic, "1. " for a heading, "" otherwise."""
    return summary.number_prefix(block)
