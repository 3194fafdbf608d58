"""Template filters for how reports look; the rules themselves stay on the models."""

from django import template

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
