"""POST data of the meeting form (details, officials, topics) as a browser would send it."""

from meetings.models import MeetingTopic
from provinces.models import InspectionZone, Person, Position

SHORTFALLS = MeetingTopic.Kind.SHORTFALLS
BEST_PRACTICES = MeetingTopic.Kind.BEST_PRACTICES
MONTHLY_ISSUE = MeetingTopic.Kind.MONTHLY_ISSUE
FREE = MeetingTopic.Kind.FREE

INSPECTOR_POST = "ผู้ตรวจราชการกรมการพัฒนาชุมชน"
DEPUTY_DG_POST = "รองอธิบดีกรมการพัฒนาชุมชน"
HEAD_POST = "หัวหน้าผู้ตรวจราชการกรม"
CHIEF_POST = "พัฒนาการจังหวัด"


def position(name: str) -> Position:
    """One of the posts the data migration adds (made again where a transactional test flushed them)."""
    return Position.objects.get_or_create(name_th=name, defaults={"of_province": name == CHIEF_POST})[0]


def person(title: str, first: str, last: str, post: str = INSPECTOR_POST, province=None, user=None) -> Person:
    return Person.objects.create(
        title_th=title, first_name=first, last_name=last, position=position(post), province=province, user=user
    )


def meeting_data(
    chair=None, zones=(12, 18), topics=None, officials=(), existing_topics=0, existing_officials=0, **fields
):
    """The form's fields; topics are (kind, title[, body[, issue pk]]), the seed's two by default."""
    data = {
        "zones": [str(pk) for pk in InspectionZone.objects.filter(number__in=zones).values_list("pk", flat=True)],
        "held_on": "2021-06-11",
        "number": "3",
        "title": "",
        "mode": "online",
        "platform": "ZOOM Meeting",
        "place": "",
        "chair": str(chair.pk) if chair else "",
        "purpose": "ติดตามผล",
    }
    data.update(fields)
    topics = topics if topics is not None else [(SHORTFALLS, "หัวข้อ 1"), (BEST_PRACTICES, "หัวข้อ 2")]
    data.update(_management("topics", len(topics), existing_topics))
    for index, (kind, title, *rest) in enumerate(topics):
        body = rest[0] if rest else ""
        issue = rest[1] if len(rest) > 1 else ""
        data.update({f"topics-{index}-kind": kind, f"topics-{index}-title": title, f"topics-{index}-body": body})
        data[f"topics-{index}-issue"] = str(issue)
    data.update(_management("officials", len(officials), existing_officials))
    for index, official in enumerate(officials):
        data[f"officials-{index}-person"] = str(official.pk)
    return data


def _management(prefix: str, total: int, initial: int) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
