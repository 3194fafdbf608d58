"""The demo's follow-up meeting: the seed's workshop of 11 June 2564 (shared/seed), published."""

import datetime

from django.db import transaction

from meetings import summary
from meetings.models import FollowUpMeeting, MeetingTopic, MonthlyIssue
from provinces.models import Person, Position
from reports import demo as report_demo

MEETING_DAY = datetime.date(2021, 6, 11)
MEETING_PLATFORM = "ZOOM Meeting"
TOPICS = (summary.DEFAULT_TOPIC_SHORTFALLS, summary.DEFAULT_TOPIC_BEST_PRACTICES)
INSPECTOR_POST = "ผู้ตรวจราชการกรมการพัฒนาชุมชน"
ISSUES_MONTH = datetime.date(2021, 6, 1)
JUNE_ISSUES = (
    "การขับเคลื่อนโครงการพัฒนาพื้นที่ต้นแบบการพัฒนาคุณภาพชีวิตตามหลักทฤษฎีใหม่ประยุกต์สู่ “โคก หนอง นา โมเดล”",
    "การบริหารจัดการหนี้กองทุนพัฒนาบทบาทสตรี",
)


@transaction.atomic
def load(force_publish: bool = True, reset_passwords: bool = False) -> dict:
    """The reports' demo data, then the seed's meeting; publish it unless asked not to."""
    result = report_demo.load(reset_passwords=reset_passwords)
    seed_period = result["periods"][0]
    inspector = result["users"][report_demo.INSPECTOR_USERNAME]
    meeting = _meeting(seed_period, result["zones"], inspector, result["created"])
    _inspector_person(inspector, result["created"])
    _issues(result["created"])
    if force_publish and not meeting.is_published:
        meeting.publish(by=inspector)
    return {**result, "meeting": meeting}


def _inspector_person(inspector, tally) -> Person:
    """The demo inspector as a person with her post, so she can name herself chair of a new meeting."""
    position, _created = Position.objects.get_or_create(name_th=INSPECTOR_POST)
    person, created = Person.objects.get_or_create(
        user=inspector,
        defaults={"title_th": "นางสาว", "first_name": "ชนมณัฐ", "last_name": "รอดบุญธรรม", "position": position},
    )
    tally.count(Person, created)
    return person


def _issues(tally) -> None:
    """The month's inspection issues of June 2564 (the seed's quarter), to try a monthly follow-up."""
    for number, title in enumerate(JUNE_ISSUES, start=1):
        _issue, created = MonthlyIssue.objects.get_or_create(
            month=ISSUES_MONTH, number=number, defaults={"title": title}
        )
        tally.count(MonthlyIssue, created)


def _meeting(period, zones, inspector, tally) -> FollowUpMeeting:
    # The inspector may have held another meeting that day since: the first one is the seed's.
    key = {"period": period, "inspector": inspector, "held_on": MEETING_DAY}
    meeting = FollowUpMeeting.objects.filter(**key).order_by("pk").first()
    tally.count(FollowUpMeeting, meeting is None)
    if meeting is None:
        # Recorded without a chair, as the seed's report writes it: the inspector conducted it.
        meeting = FollowUpMeeting.objects.create(
            **key,
            mode=FollowUpMeeting.Mode.ONLINE,
            platform=MEETING_PLATFORM,
            purpose=summary.default_purpose(period),
        )
        meeting.zones.set(zones)
        MeetingTopic.objects.bulk_create(
            [
                MeetingTopic(meeting=meeting, position=0, kind=MeetingTopic.Kind.SHORTFALLS, title=TOPICS[0]),
                MeetingTopic(meeting=meeting, position=1, kind=MeetingTopic.Kind.BEST_PRACTICES, title=TOPICS[1]),
            ]
        )
    return meeting
