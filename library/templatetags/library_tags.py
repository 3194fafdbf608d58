from django import template

from reports import access
from reports.models import Finding

register = template.Library()


@register.inclusion_tag("library/sharing_panel.html", takes_context=True)
def library_sharing(context) -> dict:
    """On a report's page, for its province's officer: which attachments each best practice shares.

    It reads the attachments the page has already listed, and asks one query more only when there are some.
    """
    report, request = context.get("report"), context.get("request")
    if report is None or request is None or not access.is_officer_of(request.user, report):
        return {"show": False}
    attachments = list(context.get("attachments") or [])
    practices: dict[int, dict] = {}
    if attachments:
        rows = report.findings.filter(kind=Finding.Kind.BEST_PRACTICE).order_by("position", "pk")
        for pk, title, project, short_name, shared_id in rows.values_list(
            "pk", "title", "project__name_th", "project__short_name", "shared_attachments__attachment_id"
        ):
            practice = practices.setdefault(pk, {"pk": pk, "name": title or short_name or project, "shared": set()})
            if shared_id is not None:
                practice["shared"].add(shared_id)
    rows = [
        {**practice, "choices": [(attachment, attachment.pk in practice["shared"]) for attachment in attachments]}
        for practice in practices.values()
    ]
    return {
        "show": True,
        "rows": rows,
        "attachments": attachments,
        "accepted": report.status == report.Status.ACCEPTED,
        "csrf_token": context.get("csrf_token"),
    }
