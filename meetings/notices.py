"""Who hears of a meeting's events: the readers of a published summary, and its inspectors
when a report of it changes afterwards. Plain data to notifications.outbox.notify."""

from django.urls import reverse

from inspection_portal.lib.thai import join_thai
from meetings import wording
from notifications.outbox import notify
from reports.notices import inspectors_of, name_of, officers_of, report_context


def _meeting_context(meeting) -> dict:
    return {"held_on": meeting.held_on, "quarter": meeting.period.quarter, "fiscal_year": meeting.period.fiscal_year}


def summary_published(meeting, by) -> None:
    """The officers of the meeting's provinces (the publisher excepted): the summary can be read."""
    context = {
        **_meeting_context(meeting),
        "zones": join_thai([zone.name_th for zone in meeting.zones.all()]),
        "by": name_of(by),
    }
    if meeting.is_monthly and meeting.month is not None:
        context["month"] = wording.month_name(meeting.month)  # "มีนาคม พ.ศ. 2564": the month followed up
    officers = officers_of(meeting.province_ids()).exclude(pk=by.pk)
    notify(officers, "summary_published", context, reverse("meetings:detail", args=[meeting.pk]))


def report_changed(meeting, report, key: str) -> int:
    """The inspectors of the meeting's zones that year: a report of the published summary changed."""
    zone_ids = [zone.pk for zone in meeting.zones.all()]
    context = report_context(report, **_meeting_context(meeting))
    link = reverse("meetings:detail", args=[meeting.pk])
    return len(notify(inspectors_of(zone_ids, meeting.period.fiscal_year), "report_changed", context, link, key=key))
