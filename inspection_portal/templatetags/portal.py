"""The navigation's links, marked when they lead to the page shown (or its section)."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_link(context, url_name: str, label: str, *section: str) -> str:
    """{% nav_link "meetings:list" _("Follow-up meetings") "meetings:" %}: a menu item, current or in its section.

    Written here rather than by an included template: every signed-in page shows six of them.
    """
    match = getattr(context.get("request"), "resolver_match", None)
    view_name = match.view_name if match else ""
    is_page = view_name == url_name
    in_section = is_page or any(view_name.startswith(prefix) for prefix in section)
    current = ' aria-current="page"' if is_page else ' aria-current="location"' if in_section else ""
    return format_html(
        '<li class="nav-item"><a class="nav-link{}" href="{}"{}>{}</a></li>\n',
        " active" if in_section else "",
        reverse(url_name),
        mark_safe(current),  # one of this function's constants, not data
        label,
    )
