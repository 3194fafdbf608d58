"""A meeting's reminder, created by `manage.py send_reminders`: a report changed after the summary was published.

The change happens in reports, which knows nothing of meetings; so the meeting side
looks, each run, for reports submitted again after a summary that covers them was
published. The key (meeting, report, submission time) makes each change told once.
"""

import datetime

from django.db.models import F

from meetings import notices
from meetings.models import FollowUpMeeting
from reports.models import ProvinceReport, ReviewEvent

# How far back a run looks for such submissions (the scheduler may have been down a while).
LOOKBACK = datetime.timedelta(days=7)


def create_due(now: datetime.datetime) -> int:
    """Tell the inspectors of each published summary whose report was submitted again since; return the count.

    A submission counts for a meeting of its quarter published before it, when the report's province is one
    of the meeting's (FollowUpMeeting.member_provinces: the zone its report was filed under, and the chosen
    provinces only when not every province of the zones takes part).
    """
    # Each submission is an event (the report's submitted_at keeps the first one).
    changed = (
        ReviewEvent.objects.filter(action__in=ReviewEvent.SUBMISSIONS, at__gte=now - LOOKBACK)
        .filter(report__period__meetings__zones=F("report__zone"), report__period__meetings__published_at__lt=F("at"))
        .values_list("report", "report__period__meetings", "at")
        .distinct()
    )
    created = 0
    for report_pk, meeting_pk, submitted_at in changed:
        report = ProvinceReport.objects.select_related("province", "period").get(pk=report_pk)
        meeting = FollowUpMeeting.objects.select_related("period").get(pk=meeting_pk)
        if report.province_id not in meeting.province_ids():
            continue  # a province of the zones that did not take part
        key = f"report_changed:{meeting.pk}:{report.pk}:{submitted_at.isoformat()}"
        created += notices.report_changed(meeting, report, key)
    return created
