"""The demo's follow-up meeting: the seed's workshop of 11 June 2564 (shared/seed), published."""

import datetime

from django.db import transaction

from meetings import summary
from meetings.models import FollowUpMeeting
from reports import demo as report_demo

MEETING_DAY = datetime.date(2021, 6, 11)
MEETING_PLATFORM = "ZOOM Meeting"


@transaction.atomic
def load(force_publish: bool = True, reset_passwords: bool = False) -> dict:
    """The reports' demo data, then the seed's meeting; publish it unless asked not to."""
    result = report_demo.load(reset_passwords=reset_passwords)
    seed_period = result["periods"][0]
    inspector = result["users"][report_demo.INSPECTOR_USERNAME]
    meeting = _meeting(seed_period, result["zones"], inspector, result["created"])
    if force_publish and not meeting.is_published:
        meeting.publish(by=inspector)
    return {**result, "meeting": meeting}


def _meeting(period, zones, inspector, tally) -> FollowUpMeeting:
    # The inspector may have held another meeting that day since: the first one is the seed's.
    key = {"period": period, "inspector": inspector, "held_on": MEETING_DAY}
    meeting = FollowUpMeeting.objects.filter(**key).order_by("pk").first()
    tally.count(FollowUpMeeting, meeting is None)
    if meeting is None:
        meeting = FollowUpMeeting.objects.create(
            **key,
            mode=FollowUpMeeting.Mode.ONLINE,
            platform=MEETING_PLATFORM,
            purpose=summary.default_purpose(period),
            topic_shortfalls=summary.DEFAULT_TOPIC_SHORTFALLS,
            topic_best_practices=summary.DEFAULT_TOPIC_BEST_PRACTICES,
        )
        meeting.zones.set(zones)
    return meeting
