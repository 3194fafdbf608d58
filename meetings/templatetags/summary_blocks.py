"""The summary tree's blocks for templates, read by the same table of kinds as Word and the PDF."""

from django import template

from meetings import exports

register = template.Library()


@register.filter
def summary_runs(tree: dict) -> list[exports.Run]:
    """The tree's blocks, consecutive list items of one kind grouped into one list."""
    return exports.runs(tree)
