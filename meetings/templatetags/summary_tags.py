"""Template filters of the summary tree; the rules themselves are in meetings/summary.py."""

from django import template

from meetings import exports, summary

register = template.Library()


@register.filter
def number_prefix(block: dict) -> str:
    """{{ block|number_prefix }} → "1) " for a purpose or topic, "1. " for a heading, "" otherwise."""
    return summary.number_prefix(block)


@register.filter
def summary_runs(tree: dict) -> list:
    """The tree's blocks for HTML (meetings/exports.py, the writers' one table of kinds), consecutive list items of
    one kind grouped into one list."""
    return exports.runs(tree)
