from django import template

from library.models import SharedAttachment
from reports import access
from reports.models import Finding

register = template.Library()


@register.inclusion_tag("library/sharing_panel.html", takes_context=True)
def library_sharing(context) -> dict:
    """On a report's page, for its province's officer: which attachments each best practice shares (two queries)."""
    report, request = context.get("report"), context.get("request")
    if report is None or request is None or not access.is_officer_of(request.user, report):
        return {"show": False}
    attachments = list(context.get("attachments") or report.attachments.all())
    practices = list(report.findings.filter(kind=Finding.Kind.BEST_PRACTICE).select_related("project"))
    shared: dict[int, set[int]] = {}
    for finding_id, attachment_id in SharedAttachment.objects.filter(finding__report=report).values_list(
        "finding_id", "attachment_id"
    ):
        shared.setdefault(finding_id, set()).add(attachment_id)
    rows = [
        {
            "finding": finding,
            "choices": [(attachment, attachment.pk in shared.get(finding.pk, set())) for attachment in attachments],
        }
        for finding in practices
    ]
    return {
        "show": True,
        "rows": rows,
        "attachments": attachments,
        "accepted": report.status == report.Status.ACCEPTED,
        "csrf_token": context.get("csrf_token"),
    }
