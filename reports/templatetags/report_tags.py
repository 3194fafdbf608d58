"""Template filters for how reports look; the rules themselves stay on the models."""

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from inspection_portal.lib.numbers import format_number

register = template.Library()

# Bootstrap badge classes by report status (ProvinceReport.Status and the tracker's TrackStatus).
_BADGES = {
    "accepted": "text-bg-success",
    "nothing": "text-bg-success",
    "submitted": "text-bg-primary",
    "submitted_late": "text-bg-info",
    "returned": "text-bg-warning",
}


@register.filter
def status_badge(status: str) -> str:
    """{{ report.status|status_badge }} → the badge's Bootstrap classes."""
    return _BADGES.get(str(status), "text-bg-light border")


# The tracker's row, written once here rather than as template tags and filters repeated for every province
# (76 rows at national scale, where the template engine's per-variable cost made most of the page's time).
# Only the province's name and the labels are text from outside; every other part is the code's own.
_TRACK_ROW = (
    '<tr class="track-row{missing}" data-province="{province}" data-status="{status}">'
    '<th scope="row" class="text-nowrap">{province}</th>'
    '<td data-label="{status_label}"><span class="badge {badge}">{status_text}</span>{late}</td>'
    '<td data-label="{submitted_label}">{submitted_on}</td>'
    '<td class="text-end" data-label="{shortfalls_label}">{shortfalls}</td>'
    '<td class="text-end" data-label="{best_practices_label}">{best_practices}</td>'
    '<td class="text-end table-stack-action">{link}</td></tr>'
)


@register.simple_tag
def track_rows(rows, status_label, late_label, submitted_label, shortfalls_label, best_practices_label) -> str:
    """{% track_rows track.rows …labels %} → the rows of one zone's table (reports.tracking.TrackRow), escaped."""
    labels = {
        "status_label": escape(status_label),
        "submitted_label": escape(submitted_label),
        "shortfalls_label": escape(shortfalls_label),
        "best_practices_label": escape(best_practices_label),
    }
    late = format_html(' <span class="badge text-bg-danger">{}</span>', late_label)
    html = []
    for row in rows:
        link = (
            format_html('<a class="btn btn-sm {}" href="{}">{}</a>', row.link_class, row.link, row.link_label)
            if row.link
            else ""
        )
        html.append(
            _TRACK_ROW.format(
                missing=" table-warning" if row.is_missing else "",
                province=escape(row.province.name_th),
                status=escape(row.status),
                badge=escape(row.badge),
                status_text=escape(row.status.label),
                late=late if row.late_badge else "",
                submitted_on=escape(row.submitted_on),
                shortfalls=int(row.shortfalls),
                best_practices=int(row.best_practices),
                link=link,
                **labels,
            )
        )
    return mark_safe("\n".join(html))  # noqa: S308 (every text from outside is escaped above)


@register.simple_tag
def report_status(report) -> str:
    """{% report_status report %} → what reports/report_status.html writes, for lists (no include per row)."""
    badge = format_html(
        '<span class="badge status-badge {}">{}</span>', status_badge(report.status), report.get_status_display()
    )
    if report.is_late:
        return format_html('{} <span class="badge text-bg-danger status-badge">{}</span>', badge, gettext("late"))
    return badge


# A finding's badges and figures, written here rather than by templates included once per finding
# (a report page and its review show every finding, each with both). Same HTML as the templates were.
@register.simple_tag
def finding_chain(finding) -> str:
    """{% finding_chain finding %}: a carried-over or long-running shortfall says so (a line end after, as before)."""
    html = ""
    if finding.is_carried:
        html += format_html(
            ' <span class="badge text-bg-warning ms-2" data-carried>{}</span>',
            gettext("Carried over from last quarter"),
        )
    if finding.is_running:
        running = gettext("Problem running for %(quarters)s quarters") % {"quarters": escape(finding.quarters_running)}
        html += format_html(' <span class="badge text-bg-danger ms-1" data-running>{}</span>', mark_safe(running))
    return mark_safe(html + "\n")


_FIGURE_ROW = (
    "<tr{}>\n"
    "    <td>{}</td>\n"
    '    <td class="text-end">{}</td>\n'
    '    <td class="text-end">{}</td>\n'
    "    <td>{}</td>\n"
    '    <td class="text-end">{}</td>\n'
    "  </tr>"
)


@register.simple_tag
def figures_table(finding) -> str:
    """{% figures_table finding %}: the finding's figure rows (prefetched), in a <dt>/<dd> pair; nothing without."""
    figures = finding.figures.all()
    if not figures:
        return "\n"
    rows = "".join(
        format_html(
            _FIGURE_ROW,
            mark_safe(' class="table-warning"') if figure.misses_target else "",
            figure.activity or "—",
            format_number(figure.target) or "—",
            format_number(figure.result) or "—",
            figure.unit,
            "—" if figure.percent is None else format_number(figure.percent),
        )
        for figure in figures
    )
    return format_html(
        '<dt>{}</dt>\n<dd><div class="table-responsive"><table class="table table-sm table-borderless mb-0 figures">\n'
        '  <thead class="text-nowrap"><tr><th scope="col">{}</th><th scope="col" class="text-end">{}</th>'
        '<th scope="col" class="text-end">{}</th><th scope="col">{}</th><th scope="col" class="text-end">{}</th>'
        "</tr></thead>\n  <tbody>{}</tbody>\n</table></div></dd>\n",
        gettext("Figures"),
        gettext("Activity or phase"),
        gettext("Target"),
        gettext("Result"),
        gettext("Unit"),
        gettext("Percent"),
        mark_safe(rows),
    )
