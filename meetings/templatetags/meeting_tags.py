"""The meetings list's rows, written once here rather than as template tags and filters repeated for every meeting
(hundreds of rows at national scale, where the template engine's per-variable cost made most of the page's time)."""

from django import template
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from reports.templatetags.thai import thai_date

register = template.Library()

_ROW = (
    '<tr class="meeting-row">'
    '<td data-label="{date_label}"><a class="text-nowrap" href="{url}">{held_on}</a></td>'
    '<td data-label="{meeting_label}">{kind}<br><span class="small text-muted">{about}</span></td>'
    '<td data-label="{zones_label}">{zones}</td>'
    '<td data-label="{chair_label}"><span class="text-nowrap">{chair}</span></td>'
    '<td data-label="{summary_label}">{summary}</td>'
    "</tr>"
)


@register.simple_tag
def meeting_rows(meetings) -> str:
    """{% meeting_rows meetings %} → the list's rows (zones, chair and inspector read as the view prefetched)."""
    labels = {
        "date_label": escape(gettext("Date")),
        "meeting_label": escape(gettext("Meeting")),
        "zones_label": escape(gettext("Inspection zones")),
        "chair_label": escape(gettext("Chair")),
        "summary_label": escape(gettext("Summary")),
    }
    draft = format_html('<span class="badge text-bg-light border">{}</span>', gettext("draft"))
    url = reverse("meetings:detail", args=[0]).replace("/0/", "/{}/")
    rows = []
    for meeting in meetings:
        if meeting.chair:
            chair = meeting.chair.full_name
        else:
            chair = meeting.inspector.get_full_name() or meeting.inspector.username
        if meeting.published_at:
            published = gettext("published %(date)s") % {"date": thai_date(meeting.published_at)}
            summary = format_html('<span class="badge text-bg-success">{}</span>', published)
        else:
            summary = draft
        rows.append(
            _ROW.format(
                url=url.format(meeting.pk),
                held_on=escape(thai_date(meeting.held_on)),
                kind=escape(meeting.get_kind_display()),
                about=escape(meeting.about()),
                zones=escape(", ".join(zone.name_th for zone in meeting.zones.all())),
                chair=escape(chair),
                summary=summary,
                **labels,
            )
        )
    return mark_safe("\n".join(rows))  # noqa: S308 (every text from outside is escaped above)
