"""Factories for the inspector's pages: a quarter, reports in every state, the seed's submissions, meetings."""

import datetime
import itertools

from django.utils import timezone

from meetings.models import FollowUpMeeting, MeetingTopic
from provinces.models import InspectionZone, Province
from reports.models import Finding, Project, ProvinceReport, ReportingPeriod, ReviewEvent

_numbers = itertools.count(1)

ZONE_12 = ["กาฬสินธุ์", "ขอนแก่น", "มหาสารคาม", "ร้อยเอ็ด"]
ZONE_18 = ["กำแพงเพชร", "นครสวรรค์", "พิจิตร", "อุทัยธานี"]

KHOK_NONG_NA = 'โครงการพัฒนาพื้นที่ต้นแบบการพัฒนาคุณภาพชีวิตตามหลักทฤษฎีใหม่ประยุกต์สู่ "โคก หนอง นา โมเดล"'
WOMEN_FUND = "การดำเนินงานกองทุนพัฒนาบทบาทสตรี (การบริหารจัดการหนี้)"
COORDINATION_CENTRE = "การดำเนินงานศูนย์ประสานงานองค์การชุมชน (ศอช.)"
FOOD_SECURITY = "โครงการขับเคลื่อนการน้อมนำแนวพระราชดำริฯ สร้างความมั่นคงทางอาหาร"
CHANGE_LEADERS = "โครงการเสริมสร้างและพัฒนาผู้นำการเปลี่ยนแปลง"
THAI_TEXTILES = "โครงการสืบสาน อนุรักษ์ศิลป์ผ้าถิ่นไทย"
POOR_HOUSEHOLDS = "โครงการแก้ไขปัญหาครัวเรือนเด็กยากจนแบบบูรณาการ"

# The seed's section 1: project → provinces that reported it as a shortfall.
SEED_SHORTFALLS = {
    KHOK_NONG_NA: ["ขอนแก่น", "มหาสารคาม", "กำแพงเพชร", "พิจิตร", "อุทัยธานี"],
    WOMEN_FUND: ["นครสวรรค์", "ร้อยเอ็ด"],
    COORDINATION_CENTRE: ["กาฬสินธุ์"],
}
# The seed's section 2: (project, title) → presenting provinces.
SEED_BEST_PRACTICES = {
    (KHOK_NONG_NA, "โคก หนอง นา ก้องจิราภาส เป็นได้มากกว่าเกษตรกรรม"): ["กาฬสินธุ์"],
    (FOOD_SECURITY, "สานพลังผักปลอดภัย เมือง MICE CITY"): ["ขอนแก่น"],
    (WOMEN_FUND, "ผลการดำเนินงานการบริหารจัดการหนี้กองทุนพัฒนาบทบาทสตรี"): ["มหาสารคาม", "พิจิตร"],
    (CHANGE_LEADERS, "การดำเนินงานโครงการเสริมสร้างและพัฒนาผู้นำการเปลี่ยนแปลง ปี 2564"): ["ร้อยเอ็ด", "นครสวรรค์"],
    (THAI_TEXTILES, "สืบสาน อนุรักษ์ศิลป์ผ้าถิ่นไทย ดำรงไว้ในแผ่นดิน"): ["อุทัยธานี"],
    (POOR_HOUSEHOLDS, "โครงการแก้ไขปัญหาครัวเรือนเด็กยากจนแบบบูรณาการ"): ["กำแพงเพชร"],
}


def period(fiscal_year: int = 2564, quarter: int = 3, days_left: int = 30) -> ReportingPeriod:
    """A quarter whose deadline is still `days_left` days away, so returned reports can be resubmitted."""
    deadline = timezone.localdate() + datetime.timedelta(days=days_left)
    return ReportingPeriod.objects.create(fiscal_year=fiscal_year, quarter=quarter, deadline=deadline)


def project(name: str | None = None) -> Project:
    name = name or f"โครงการทดสอบที่ {next(_numbers)}"
    return Project.objects.get_or_create(name_th=name, defaults={"first_fiscal_year": 2560})[0]


def report(province_name: str, the_period: ReportingPeriod, status: str = ProvinceReport.Status.DRAFT, **fields):
    """A report in any state, written straight to the database (the workflow has its own tests)."""
    province = Province.objects.get(name_th=province_name)
    if status != ProvinceReport.Status.DRAFT:
        fields.setdefault("submitted_at", timezone.now())
    return ProvinceReport.objects.create(
        province=province,
        period=the_period,
        zone_id=province.zone_id,
        status=status,
        overall_results=fields.pop("overall_results", f"ผลการดำเนินงานของจังหวัด{province_name}"),
        **fields,
    )


def shortfall(the_report: ProvinceReport, project_name: str | None = None, **fields) -> Finding:
    values = {
        "problems": f"ปัญหาของจังหวัด{the_report.province.name_th}",
        "causes": "ข้อจำกัดด้านงบประมาณ",
        "measures": "ประสานหน่วยงานภาคี",
        **fields,
    }
    return Finding.objects.create(
        report=the_report, project=project(project_name), kind=Finding.Kind.SHORTFALL, **values
    )


def best_practice(the_report: ProvinceReport, project_name: str | None = None, **fields) -> Finding:
    values = {"title": "แบบอย่างที่ดี", "what_done": "รวมกลุ่มดำเนินงาน", "achieved": "รายได้เพิ่มขึ้น", **fields}
    return Finding.objects.create(
        report=the_report, project=project(project_name), kind=Finding.Kind.BEST_PRACTICE, **values
    )


def submitted(province_name: str, the_period: ReportingPeriod, **fields) -> ProvinceReport:
    """A submitted report with one shortfall and one best practice."""
    the_report = report(province_name, the_period, ProvinceReport.Status.SUBMITTED, **fields)
    shortfall(the_report)
    best_practice(the_report)
    return the_report


def returned(province_name: str, the_period: ReportingPeriod, comment: str, by) -> ProvinceReport:
    the_report = report(province_name, the_period, ProvinceReport.Status.RETURNED, return_comment=comment)
    ReviewEvent.objects.create(report=the_report, action=ReviewEvent.Action.RETURNED, comment=comment, by=by)
    return the_report


def seed_quarter(the_period: ReportingPeriod) -> dict[str, ProvinceReport]:
    """The eight provinces of zones 12 and 18 with the seed's findings, all submitted."""
    reports = {name: report(name, the_period, ProvinceReport.Status.SUBMITTED) for name in ZONE_12 + ZONE_18}
    for project_name, names in SEED_SHORTFALLS.items():
        for name in names:
            shortfall(reports[name], project_name)
    for (project_name, title), names in SEED_BEST_PRACTICES.items():
        for name in names:
            best_practice(reports[name], project_name, title=title)
    return reports


def reports_everywhere(the_period: ReportingPeriod, provinces, per_report: int = 2) -> list[ProvinceReport]:
    """A submitted report with `per_report` findings of each kind for each province given."""
    made = []
    for index, province in enumerate(provinces):
        the_report = report(province.name_th, the_period, ProvinceReport.Status.SUBMITTED)
        for number in range(per_report):
            shortfall(the_report, f"โครงการที่ {(index + number) % 7}")
            best_practice(the_report, f"โครงการที่ {(index + number) % 5}", title=f"เรื่องที่ {index}-{number}")
        made.append(the_report)
    return made


def meeting(inspector, the_period: ReportingPeriod, zone_numbers=(12, 18), generate: bool = True) -> FollowUpMeeting:
    the_meeting = FollowUpMeeting.objects.create(
        period=the_period,
        inspector=inspector,
        held_on=datetime.date(2021, 6, 11),
        mode=FollowUpMeeting.Mode.ONLINE,
        platform="ZOOM Meeting",
        purpose="ติดตามผลการดำเนินงาน",
    )
    the_meeting.zones.set(InspectionZone.objects.filter(number__in=zone_numbers))
    MeetingTopic.objects.create(meeting=the_meeting, position=0, kind="shortfalls", title="งานที่ไม่บรรลุเป้าหมาย")
    MeetingTopic.objects.create(meeting=the_meeting, position=1, kind="best_practices", title="งานที่เป็นแบบอย่างได้")
    if generate:
        the_meeting.generate_draft()
    return the_meeting
