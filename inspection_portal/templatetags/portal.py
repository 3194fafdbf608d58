"""The navigation's links, marked when they lead to the page shown (or its section)."""

from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("partials/nav_link.html", takes_context=True)
def nav_link(context, url_name: str, label: str, *section: str) -> dict:
    """{% nav_link "meetings:list" _("Follow-up meetings") "meetings:" %}: a menu item, current or in its section."""
    match = getattr(context.get("request"), "resolver_match", None)
    view_name = match.view_name if match else ""
    return {
        "url": reverse(url_name),
        "label": label,
        "is_page": view_name == url_name,
        "in_section": view_name == url_name or any(view_name.startswith(prefix) for prefix in section),
    }
