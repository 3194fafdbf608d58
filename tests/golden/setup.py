"""The data behind the four golden meetings of tests/golden/meeting_kinds.py: people, the provinces'
reports, the month's issues, and (for the model-level tests) the meetings themselves."""

from decimal import Decimal

from meetings.models import FollowUpMeeting, MeetingOfficial, MeetingProvince, MonthlyIssue
from provinces.models import InspectionZone, Person, Position, Province
from reports.models import FindingFigure, ProvinceReport
from tests import review_factories as make
from tests.golden import meeting_kinds as golden
from tests.summary_factories import add_best_practice, add_shortfall, add_topics, make_project
from tests.summary_factories import make_period as period

SUBMITTED = ProvinceReport.Status.SUBMITTED
SHORTFALLS, BEST_PRACTICES = "shortfalls", "best_practices"
MONTHLY_ISSUE = "monthly_issue"


def person(row, user=None) -> Person:
    title, first, last, post, province = row
    position, _created = Position.objects.get_or_create(name_th=post, defaults={"of_province": bool(province)})
    found = Person.objects.filter(first_name=first, last_name=last).first()
    if found:
        return found
    return Person.objects.create(
        title_th=title,
        first_name=first,
        last_name=last,
        position=position,
        province=Province.objects.get(name_th=province) if province else None,
        user=user,
    )


def _report(name: str, the_period, **fields) -> ProvinceReport:
    return make.report(name, the_period, SUBMITTED, **fields)


# --- A ---------------------------------------------------------------------------


def reports_a():
    """FY 2564 Q2, zone 18: Khok Nong Na short in two provinces, two best practices, Uthai Thani nothing."""
    quarter = period(2564, 2)
    reports = {name: _report(name, quarter) for name in ("กำแพงเพชร", "นครสวรรค์", "พิจิตร", "อุทัยธานี")}
    knn = make_project(golden.KHOK_NONG_NA)
    add_shortfall(reports["กำแพงเพชร"], knn, golden.A_KNN_AREA, golden.A_KNN_CAUSE, golden.A_KNN_MEASURE)
    add_shortfall(reports["พิจิตร"], knn, golden.A_KNN_SKILLS, golden.A_KNN_CAUSE, golden.A_KNN_MEASURE)
    add_best_practice(
        reports["นครสวรรค์"], make_project(golden.CHANGE_LEADERS), golden.A_LEADERS_TITLE, golden.A_LEADERS_DONE
    )
    add_best_practice(reports["พิจิตร"], make_project(golden.WOMEN_FUND), golden.A_WDF_TITLE, golden.A_WDF_DONE)
    chief = person(golden.PHICHIT_CHIEF)
    Province.objects.filter(name_th="พิจิตร").update(chief=chief)
    return quarter


def meeting_a(creator) -> FollowUpMeeting:
    quarter = reports_a()
    meeting = _meeting(
        creator,
        quarter,
        [18],
        held_on=golden.A_DAY,
        number=2,
        chair=person(golden.INSPECTOR),
        mode=FollowUpMeeting.Mode.ON_SITE,
        platform="",
        place=golden.A_PLACE,
        purpose=golden.QUARTER_PURPOSE.format(quarter=2),
    )
    add_topics(meeting, [(SHORTFALLS, golden.TOPIC_SHORTFALLS), (BEST_PRACTICES, golden.TOPIC_BEST_PRACTICES)])
    MeetingProvince.objects.create(
        meeting=meeting, province=Province.objects.get(name_th="พิจิตร"), presenter=person(golden.PHICHIT_CHIEF)
    )
    return meeting


# --- B ---------------------------------------------------------------------------


def issues_b() -> list[MonthlyIssue]:
    """The administrator's three issues of March 2564, for the whole country."""
    return [
        MonthlyIssue.objects.create(month=golden.B_MONTH, number=number, title=title)
        for number, title in enumerate(golden.B_ISSUES, start=1)
    ]


def reports_b():
    quarter = period(2564, 2)
    for name in ("กาฬสินธุ์", "ขอนแก่น", "มหาสารคาม", "ร้อยเอ็ด"):
        _report(name, quarter)
    return quarter


def meeting_b(creator) -> FollowUpMeeting:
    quarter = reports_b()
    issues = issues_b()
    meeting = _meeting(
        creator,
        quarter,
        [12],
        kind=FollowUpMeeting.Kind.MONTHLY,
        month=golden.B_MONTH,
        held_on=golden.B_DAY,
        chair=person(golden.DEPUTY_DG),
        purpose=golden.MONTHLY_PURPOSE,
    )
    add_topics(
        meeting, [(MONTHLY_ISSUE, issue.title, found) for issue, found in zip(issues, golden.B_FOUND, strict=True)]
    )
    for position, row in enumerate((golden.OTHER_INSPECTOR, golden.HEAD_OF_INSPECTORS)):
        MeetingOfficial.objects.create(meeting=meeting, person=person(row), position=position)
    return meeting


# --- C ---------------------------------------------------------------------------


def reports_c():
    """Phichit's Q2 report: Khok Nong Na short, with a target and a result for each of two phases."""
    quarter = period(2564, 2)
    phichit = _report("พิจิตร", quarter)
    _report("กำแพงเพชร", quarter)  # another province of the zone: not in a one-province meeting
    finding = add_shortfall(
        phichit, make_project(golden.KHOK_NONG_NA), golden.C_PROBLEM, golden.C_CAUSE, golden.C_MEASURE
    )
    for position, (activity, target, result, unit) in enumerate(golden.C_FIGURES):
        FindingFigure.objects.create(
            finding=finding,
            activity=activity,
            target=Decimal(target),
            result=Decimal(result),
            unit=unit,
            position=position,
        )
    chief = person(golden.PHICHIT_CHIEF)
    Province.objects.filter(name_th="พิจิตร").update(chief=chief)
    return quarter


def meeting_c(creator) -> FollowUpMeeting:
    quarter = reports_c()
    meeting = _meeting(
        creator,
        quarter,
        [18],
        kind=FollowUpMeeting.Kind.MONTHLY,
        month=golden.C_MONTH,
        held_on=golden.C_DAY,
        chair=person(golden.INSPECTOR),
        mode=FollowUpMeeting.Mode.ON_SITE,
        platform="",
        place=golden.C_PLACE,
        purpose=golden.MONTHLY_PURPOSE,
        all_provinces=False,
    )
    add_topics(meeting, [(MONTHLY_ISSUE, golden.C_ISSUE, golden.C_FOUND), (SHORTFALLS, golden.TOPIC_SHORTFALLS)])
    MeetingProvince.objects.create(
        meeting=meeting, province=Province.objects.get(name_th="พิจิตร"), presenter=person(golden.PHICHIT_CHIEF)
    )
    return meeting


# --- D ---------------------------------------------------------------------------


def reports_d():
    quarter = period(2564, 3)
    reports = {name: _report(name, quarter) for name in golden.D_ORDER}
    knn = make_project(golden.KHOK_NONG_NA)
    for name in ("กำแพงเพชร", "พิจิตร", "อุทัยธานี"):
        add_shortfall(reports[name], knn, golden.D_PROBLEM)
    add_best_practice(reports["นครสวรรค์"], make_project(golden.CHANGE_LEADERS), golden.D_LEADERS_TITLE)
    add_best_practice(reports["อุทัยธานี"], make_project(golden.THAI_TEXTILES), golden.D_TEXTILES_TITLE)
    return quarter


def meeting_d(creator) -> FollowUpMeeting:
    quarter = reports_d()
    meeting = _meeting(
        creator,
        quarter,
        [18],
        held_on=golden.D_DAY,
        number=3,
        chair=person(golden.INSPECTOR),
        purpose=golden.QUARTER_PURPOSE.format(quarter=3),
    )
    add_topics(meeting, [(SHORTFALLS, golden.TOPIC_SHORTFALLS), (BEST_PRACTICES, golden.TOPIC_BEST_PRACTICES)])
    for position, name in enumerate(golden.D_ORDER, start=1):
        MeetingProvince.objects.create(meeting=meeting, province=Province.objects.get(name_th=name), position=position)
    return meeting


def _meeting(creator, quarter, zones, **fields) -> FollowUpMeeting:
    fields.setdefault("mode", FollowUpMeeting.Mode.ONLINE)
    fields.setdefault("platform", "ZOOM Meeting")
    meeting = FollowUpMeeting.objects.create(period=quarter, inspector=creator, **fields)
    meeting.zones.set(InspectionZone.objects.filter(number__in=zones))
    return meeting
