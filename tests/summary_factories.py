"""Factories for the summary tests, and the eight reports of the seed's meeting (shared/seed)."""

import datetime

from meetings.models import FollowUpMeeting, MeetingTopic
from meetings.summary import DEFAULT_TOPIC_BEST_PRACTICES, DEFAULT_TOPIC_SHORTFALLS, default_purpose
from provinces.models import InspectionZone, Province
from reports.models import Finding, Project, ProvinceReport, ReportingPeriod

SUBMITTED = ProvinceReport.Status.SUBMITTED
ACCEPTED = ProvinceReport.Status.ACCEPTED


def make_period(fiscal_year: int = 2564, quarter: int = 3) -> ReportingPeriod:
    period, _created = ReportingPeriod.objects.get_or_create(fiscal_year=fiscal_year, quarter=quarter)
    return period


def make_project(name: str, first_fiscal_year: int = 2560) -> Project:
    project, _created = Project.objects.get_or_create(name_th=name, defaults={"first_fiscal_year": first_fiscal_year})
    return project


def make_report(province: str | Province, period: ReportingPeriod, status: str = SUBMITTED, zone=None):
    """A report in a given state, filed under the province's zone unless told otherwise."""
    if isinstance(province, str):
        province = Province.objects.get(name_th=province)
    return ProvinceReport.objects.create(
        province=province,
        period=period,
        zone=zone or province.zone,
        status=status,
        overall_results="ผลการดำเนินงานโดยรวมเป็นไปตามแผน",
    )


def add_shortfall(report, project, problems: str, causes: str = "", measures: str = "", position: int = 0):
    return Finding.objects.create(
        report=report,
        project=project,
        kind=Finding.Kind.SHORTFALL,
        problems=problems,
        causes=causes,
        measures=measures,
        position=position,
    )


def add_best_practice(report, project, title: str, what_done: str = "", achieved: str = "", position: int = 0):
    return Finding.objects.create(
        report=report,
        project=project,
        kind=Finding.Kind.BEST_PRACTICE,
        title=title,
        what_done=what_done,
        achieved=achieved,
        position=position,
    )


def make_meeting(inspector, period, zone_numbers, topics=None, **extra) -> FollowUpMeeting:
    """A meeting; `topics` is a list of (kind, title[, body]), the seed's two topics by default."""
    fields = {
        "held_on": datetime.date(2021, 6, 11),
        "mode": FollowUpMeeting.Mode.ONLINE,
        "platform": "ZOOM Meeting",
        "purpose": default_purpose(period),
    }
    fields.update(extra)
    meeting = FollowUpMeeting.objects.create(period=period, inspector=inspector, **fields)
    meeting.zones.set(InspectionZone.objects.filter(number__in=zone_numbers))
    add_topics(meeting, topics or SEED_TOPICS)
    return meeting


SEED_TOPICS = [
    (MeetingTopic.Kind.SHORTFALLS, DEFAULT_TOPIC_SHORTFALLS),
    (MeetingTopic.Kind.BEST_PRACTICES, DEFAULT_TOPIC_BEST_PRACTICES),
]


def add_topics(meeting, topics) -> None:
    for position, (kind, title, *body) in enumerate(topics):
        MeetingTopic.objects.create(meeting=meeting, position=position, kind=kind, title=title, body="".join(body))


# --- the seed's meeting ------------------------------------------------------------

KHOK_NONG_NA = 'โครงการพัฒนาพื้นที่ต้นแบบการพัฒนาคุณภาพชีวิตตามหลักทฤษฎีใหม่ประยุกต์สู่ "โคก หนอง นา โมเดล"'
WOMEN_FUND = "การดำเนินงานกองทุนพัฒนาบทบาทสตรี (การบริหารจัดการหนี้)"
COORDINATION_CENTRE = "การดำเนินงานศูนย์ประสานงานองค์การชุมชน (ศอช.)"
FOOD_SECURITY = "โครงการขับเคลื่อนการน้อมนำแนวพระราชดำริฯ สร้างความมั่นคงทางอาหาร"
CHANGE_LEADERS = "โครงการเสริมสร้างและพัฒนาผู้นำการเปลี่ยนแปลง"
THAI_TEXTILES = "โครงการสืบสาน อนุรักษ์ศิลป์ผ้าถิ่นไทย ดำรงไว้ในแผ่นดิน"
POOR_HOUSEHOLDS = "โครงการแก้ไขปัญหาครัวเรือนเด็กยากจนแบบบูรณาการ"

KNN_AREA = (
    "พื้นที่ดำเนินงาน การเปลี่ยนแปลงพื้นที่ กลุ่มเป้าหมายขอเปลี่ยนแปลงยกเลิก การปรับแบบแปลนตามภูมิสังคม "
    "การขออนุญาตหน่วยงานที่เกี่ยวข้อง (สิทธิการใช้ประโยชน์ที่ดิน/ออกแบบ/ควบคุมงาน เป็นต้น)"
)
KNN_SKILLS = (
    "เจ้าหน้าที่พัฒนาชุมชนขาดทักษะเฉพาะทาง (การเงิน/พัสดุ งานช่าง/งานก่อสร้าง) ส่งผลให้เกิดปัญหาความล่าช้าของเอกสารส่งเบิกเงิน (งานขุดดิน)"
)
KNN_MEASURE = "ขอรับการสนับสนุนจากหน่วยงานภาคีที่เกี่ยวข้อง"
WDF_PROBLEM = "ลูกหนี้มีค่าใช้จ่ายภาระสูงขึ้น และบางส่วนย้ายถิ่นฐาน ทำให้ยากต่อการติดตาม"
WDF_CAUSE = "การแพร่ระบาดของโรคติดเชื้อไวรัสโคโรนา (โควิด-19)"
WDF_MEASURE = "จัดทำมาตรการติดตาม (ตรวจสอบ เตือน ติดตาม/เร่งรัด ตามมาตรการ (ลด/ปรับโครงสร้างหนี้) รายงานผลการดำเนินงาน)"
COC_PROBLEM = "การดำเนินงานโครงการขาดความต่อเนื่อง คณะกรรมการไม่ได้รับการพัฒนาเพิ่มศักยภาพ"
COC_CAUSE = "ไม่มีงบประมาณสนับสนุน"
COC_MEASURE = "ประชุมสร้างการรับรู้ในบทบาทหน้าที่ตามภารกิจ และระบุภารกิจให้ชัดเจน"

# (province, project, title, what was done, what it achieved), in no particular order.
SEED_BEST_PRACTICES = [
    (
        "อุทัยธานี",
        THAI_TEXTILES,
        "สืบสาน อนุรักษ์ศิลป์ผ้าถิ่นไทย ดำรงไว้ในแผ่นดิน",
        "ประกวดคัดเลือกลายผ้าประจำจังหวัด",
        "คงคุณค่าศิลปวัฒนธรรมท้องถิ่น",
    ),
    (
        "กาฬสินธุ์",
        KHOK_NONG_NA,
        "โคก หนอง นา ก้องจิราภาส เป็นได้มากกว่าเกษตรกรรม",
        "ที่ดำเนินการเกษตรแบบโคกหนองนา",
        "ขยายผลสู่การท่องเที่ยว",
    ),
    ("พิจิตร", WOMEN_FUND, "ผลการดำเนินงานการบริหารจัดการหนี้กองทุนพัฒนาบทบาทสตรี", "ออกแบบแนวทางการดำเนินงาน", "เป็นไปตามเป้าหมาย"),
    (
        "ขอนแก่น",
        FOOD_SECURITY,
        "สานพลังผักปลอดภัย เมือง MICE CITY",
        "บูรณาการความร่วมมือของหน่วยงานรัฐ เอกชน และภาคสังคม",
        "ผักปลอดภัยเพียงพอต่อตลาด",
    ),
    (
        "นครสวรรค์",
        CHANGE_LEADERS,
        "การดำเนินงานโครงการเสริมสร้างและพัฒนาผู้นำการเปลี่ยนแปลง ปี 2564",
        "ส่งเสริมผู้นำและเครือข่าย",
        "พึ่งพาตนเองอย่างยั่งยืน",
    ),
    (
        "กำแพงเพชร",
        POOR_HOUSEHOLDS,
        "โครงการแก้ไขปัญหาครัวเรือนเด็กยากจนแบบบูรณาการ",
        "จัดเก็บ บันทึก สร้างฐานข้อมูล",
        "ชี้เป้ากลุ่มเป้าหมายได้อย่างแม่นยำ",
    ),
    (
        "มหาสารคาม",
        WOMEN_FUND,
        "ผลการดำเนินงานการบริหารจัดการหนี้กองทุนพัฒนาบทบาทสตรี",
        "ออกแบบแนวทางการดำเนินงาน",
        "เป็นไปตามเป้าหมาย",
    ),
    (
        "ร้อยเอ็ด",
        CHANGE_LEADERS,
        "การดำเนินงานโครงการเสริมสร้างและพัฒนาผู้นำการเปลี่ยนแปลง ปี 2564",
        "ส่งเสริมผู้นำและเครือข่าย",
        "พึ่งพาตนเองอย่างยั่งยืน",
    ),
]

# (province, project, problems, causes, measures)
SEED_SHORTFALLS = [
    ("พิจิตร", KHOK_NONG_NA, KNN_AREA, "กลุ่มเป้าหมายขอเปลี่ยนแปลง", KNN_MEASURE),
    ("ร้อยเอ็ด", WOMEN_FUND, WDF_PROBLEM, WDF_CAUSE, WDF_MEASURE),
    ("ขอนแก่น", KHOK_NONG_NA, KNN_AREA, "กลุ่มเป้าหมายขอเปลี่ยนแปลง", KNN_MEASURE),
    ("กาฬสินธุ์", COORDINATION_CENTRE, COC_PROBLEM, COC_CAUSE, COC_MEASURE),
    ("มหาสารคาม", KHOK_NONG_NA, KNN_SKILLS, "ขาดทักษะเฉพาะทาง", KNN_MEASURE),
    ("กำแพงเพชร", KHOK_NONG_NA, f"1) {KNN_AREA}\n2) {KNN_SKILLS}", "ขาดทักษะเฉพาะทาง", KNN_MEASURE),
    ("นครสวรรค์", WOMEN_FUND, WDF_PROBLEM, WDF_CAUSE, WDF_MEASURE),
    ("อุทัยธานี", KHOK_NONG_NA, KNN_SKILLS, "ขาดทักษะเฉพาะทาง", KNN_MEASURE),
]


def load_seed(inspector, statuses: dict[str, str] | None = None) -> FollowUpMeeting:
    """The seed's meeting: 11 June 2564 over Zoom, zones 12 and 18, with the eight provinces' reports."""
    statuses = statuses or {}
    inspector.first_name, inspector.last_name = "นางสาวชนมณัฐ", "รอดบุญธรรม"
    inspector.save(update_fields=["first_name", "last_name"])
    period = make_period(2564, 3)
    reports = {}
    for province in sorted({row[0] for row in SEED_SHORTFALLS + SEED_BEST_PRACTICES}):
        reports[province] = make_report(province, period, status=statuses.get(province, SUBMITTED))
    for province, project, problems, causes, measures in SEED_SHORTFALLS:
        add_shortfall(reports[province], make_project(project), problems, causes, measures)
    for province, project, title, what_done, achieved in SEED_BEST_PRACTICES:
        add_best_practice(reports[province], make_project(project), title, what_done, achieved, position=1)
    return make_meeting(inspector, period, [12, 18])
