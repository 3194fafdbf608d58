"""The demo data of reports: the seed's quarter (FY 2564 Q3, zones 12 and 18), the quarter after it
(FY 2564 Q4, which carries some of Q3's shortfalls forward and resolves the others) and the demo accounts.

`load()` is idempotent: everything is found by its natural key and created only when
missing, so running it again creates nothing and changes nothing a user has changed
since (a report the demo inspector returned stays returned). The texts are the seed's
(shared/seed), split into the fields an officer would have filled in.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import get_default_password_validators, validate_password
from django.db import transaction
from django.utils import timezone

from provinces import reference
from provinces.models import InspectionZone, InspectorAssignment, Province, ProvincialOfficer
from reports import chains, fiscal
from reports.models import Finding, ProblemCategory, Project, ProvinceReport, ReportingPeriod, ShortfallResolution

SEED_YEAR, SEED_QUARTER = 2564, 3
ZONES = (12, 18)

# The passwords the README lists; they pass Django's password validators (checked when loading).
OFFICER_PASSWORD = "rainy-season-2564"
INSPECTOR_PASSWORD = "follow-up-quarter-three"
ADMIN_PASSWORD = "portal-keeper-2564"

INSPECTOR_USERNAME = "inspector"
INSPECTOR_FIRST_NAME, INSPECTOR_LAST_NAME = "นางสาวชนมณัฐ", "รอดบุญธรรม"
ADMIN_USERNAME = "admin"

# province (Thai) → demo officer's username, in the seed's order
OFFICERS = {
    "กาฬสินธุ์": "officer_kalasin",
    "ขอนแก่น": "officer_khonkaen",
    "มหาสารคาม": "officer_mahasarakham",
    "ร้อยเอ็ด": "officer_roiet",
    "กำแพงเพชร": "officer_kamphaengphet",
    "นครสวรรค์": "officer_nakhonsawan",
    "พิจิตร": "officer_phichit",
    "อุทัยธานี": "officer_uthaithani",
}

# --- projects and problem categories ---------------------------------------------

KHOK_NONG_NA = 'โครงการพัฒนาพื้นที่ต้นแบบการพัฒนาคุณภาพชีวิตตามหลักทฤษฎีใหม่ประยุกต์สู่ "โคก หนอง นา โมเดล"'
WOMEN_FUND = "การดำเนินงานกองทุนพัฒนาบทบาทสตรี (การบริหารจัดการหนี้)"
COORDINATION_CENTRE = "การดำเนินงานศูนย์ประสานงานองค์การชุมชน (ศอช.)"
FOOD_SECURITY = "โครงการขับเคลื่อนการน้อมนำแนวพระราชดำริฯ กรมสมเด็จพระเทพรัตนราชสุดาฯ สร้างความมั่นคงทางอาหาร"
CHANGE_LEADERS = "โครงการเสริมสร้างและพัฒนาผู้นำการเปลี่ยนแปลง"
THAI_TEXTILES = "โครงการสืบสาน อนุรักษ์ศิลป์ผ้าถิ่นไทย ดำรงไว้ในแผ่นดิน"
POOR_HOUSEHOLDS = "โครงการแก้ไขปัญหาครัวเรือนเด็กยากจนแบบบูรณาการ"

# name → (short name, English name)
PROJECTS = {
    KHOK_NONG_NA: ("โคก หนอง นา โมเดล", "Khok Nong Na model (new theory agriculture)"),
    WOMEN_FUND: ("กองทุนพัฒนาบทบาทสตรี (หนี้)", "Women's Development Fund: debt management"),
    COORDINATION_CENTRE: ("ศอช.", "Community Organisation Coordination Centres"),
    FOOD_SECURITY: ("ความมั่นคงทางอาหาร", "Royal initiative on food security"),
    CHANGE_LEADERS: ("ผู้นำการเปลี่ยนแปลง", "Leaders of change"),
    THAI_TEXTILES: ("ผ้าถิ่นไทย", "Preserving Thai local textiles"),
    POOR_HOUSEHOLDS: ("ครัวเรือนเด็กยากจน", "Integrated help for poor households with children"),
}

AREA = "พื้นที่ดำเนินงานและการขออนุญาตใช้ประโยชน์ที่ดิน"
SKILLS = "ทักษะเฉพาะทางของเจ้าหน้าที่"
BUDGET = "งบประมาณ"
COVID = "สถานการณ์การแพร่ระบาดของโรคโควิด-19"
PARTNERS = "การสนับสนุนจากหน่วยงานภาคี"
CATEGORIES = (AREA, SKILLS, BUDGET, COVID, PARTNERS)


# --- the seed's findings -------------------------------------------------------------


@dataclass(frozen=True)
class Shortfall:
    project: str
    problems: str
    causes: str
    measures: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class BestPractice:
    project: str
    title: str
    what_done: str
    achieved: str


KHOK_NONG_NA_SHORTFALL = Shortfall(
    KHOK_NONG_NA,
    problems=(
        "1) พื้นที่ดำเนินงาน การเปลี่ยนแปลงพื้นที่ กลุ่มเป้าหมายขอเปลี่ยนแปลงยกเลิก การปรับแบบแปลนตามภูมิสังคม "
        "การขออนุญาตหน่วยงานที่เกี่ยวข้อง (สิทธิการใช้ประโยชน์ที่ดิน/ออกแบบ/ควบคุมงาน เป็นต้น)\n"
        "2) เจ้าหน้าที่พัฒนาชุมชนขาดทักษะเฉพาะทาง (การเงิน/พัสดุ งานช่าง/งานก่อสร้าง) "
        "ส่งผลให้เกิดปัญหาความล่าช้าของเอกสารส่งเบิกเงิน (งานขุดดิน), บันทึกรายงานผลการควบคุมงานของช่าง เป็นต้น"
    ),
    causes=(
        "1) กลุ่มเป้าหมายขอเปลี่ยนแปลงหรือยกเลิกการเข้าร่วมโครงการ ทำให้ต้องเปลี่ยนพื้นที่ ปรับแบบแปลน "
        "และขออนุญาตหน่วยงานที่เกี่ยวข้องใหม่\n"
        "2) งานขุดดินและงานก่อสร้างต้องใช้ความรู้ด้านการเงิน/พัสดุ และงานช่าง ซึ่งไม่ใช่งานหลักของเจ้าหน้าที่พัฒนาชุมชน"
    ),
    measures="ขอรับการสนับสนุนจากหน่วยงานภาคีที่เกี่ยวข้อง",
    categories=(AREA, SKILLS, PARTNERS),
)
WOMEN_FUND_SHORTFALL = Shortfall(
    WOMEN_FUND,
    problems="สภาพเศรษฐกิจลูกหนี้มีค่าใช้จ่ายภาระสูงขึ้น และบางส่วนย้ายถิ่นฐาน ทำให้ยากต่อการติดตาม",
    causes="ข้อจำกัดของสถานการณ์ปัจจุบัน การแพร่ระบาดของโรคติดเชื้อไวรัสโคโรนา (โควิด-19)",
    measures=(
        "จัดทำมาตรการติดตาม (ตรวจสอบ เตือน ติดตาม/เร่งรัด ตามมาตรการ (ลด/ปรับโครงสร้างหนี้) รายงานผลการดำเนินงาน) "
        "เพื่อให้การดำเนินงานเป็นไปตามเป้าหมายที่กรมการพัฒนาชุมชนกำหนด"
    ),
    categories=(COVID,),
)
COORDINATION_CENTRE_SHORTFALL = Shortfall(
    COORDINATION_CENTRE,
    problems=(
        "1) การดำเนินงานโครงการขาดความต่อเนื่อง\n2) คณะกรรมการไม่ได้รับการพัฒนาเพิ่มศักยภาพ จึงมองว่าบทบาทหน้าที่ของ ศอช. เป็นหน้าที่รอง"
    ),
    causes="ไม่มีงบประมาณสนับสนุน",
    measures=("ประชุมสร้างการรับรู้ในบทบาทหน้าที่ตามภารกิจ และระบุภารกิจให้ชัดเจนสอดคล้องกับงานพัฒนาชุมชนในสถานการณ์ปัจจุบัน"),
    categories=(BUDGET,),
)

KHOK_NONG_NA_TOURISM = BestPractice(
    KHOK_NONG_NA,
    title="โคก หนอง นา ก้องจิราภาส เป็นได้มากกว่าเกษตรกรรม",
    what_done="ดำเนินการเกษตรแบบโคกหนองนา",
    achieved="ขยายผลสู่การท่องเที่ยวเป็นจุดแลนด์มาร์กของจังหวัดกาฬสินธุ์",
)
SAFE_VEGETABLES = BestPractice(
    FOOD_SECURITY,
    title="สานพลังผักปลอดภัย เมือง MICE CITY",
    what_done=(
        "ขับเคลื่อนโครงการขับเคลื่อนการน้อมนำแนวพระราชดำริฯ กรมสมเด็จพระเทพรัตนราชสุดาฯ สร้างความมั่นคงทางอาหาร "
        "ตามแผนปฏิบัติการ 90 วัน เพื่อสร้างความมั่นคงทางอาหาร รอบ 2 "
        "ซึ่งมีการบูรณาการความร่วมมือร่วมกันของหน่วยงานรัฐ เอกชน และภาคสังคม"
    ),
    achieved="ขยายผลการดำเนินงานบริหารจัดการผักปลอดภัยจังหวัดขอนแก่นเพียงพอต่อตลาด Modern Trade และตลาด 5 รอ",
)
WOMEN_FUND_DEBTS = BestPractice(
    WOMEN_FUND,
    title="ผลการดำเนินงานการบริหารจัดการหนี้กองทุนพัฒนาบทบาทสตรี",
    what_done="ออกแบบจัดทำแนวทางการดำเนินงานอย่างจริงจังและต่อเนื่อง",
    achieved="จังหวัดสามารถดำเนินงานได้เป็นไปตามเป้าหมายที่กรมการพัฒนาชุมชนกำหนด",
)
LEADERS_OF_CHANGE = BestPractice(
    CHANGE_LEADERS,
    title="การดำเนินงานโครงการเสริมสร้างและพัฒนาผู้นำการเปลี่ยนแปลง ปี 2564",
    what_done="ส่งเสริมและสนับสนุนสร้างผู้นำ และเครือข่าย",
    achieved=(
        "ผู้นำและเครือข่ายสามารถบูรณาการงานพัฒนาชุมชนไปสู่การพึ่งพาตนเองอย่างยั่งยืนตามหลักปรัชญาของเศรษฐกิจพอเพียง "
        "ใช้พลังของชุมชนในการสร้างความมั่นคงทางด้านอาหาร"
    ),
)
LOCAL_TEXTILES = BestPractice(
    THAI_TEXTILES,
    title="สืบสาน อนุรักษ์ศิลป์ผ้าถิ่นไทย ดำรงไว้ในแผ่นดิน",
    what_done=(
        "กิจกรรม “อุทัยธานี ของดีอยู่ที่ผ้า” ประกวดคัดเลือกลายผ้าประจำจังหวัด “ลายสุพรรณิการ์” "
        "โดยเน้นการมีส่วนร่วมของทุกภาคส่วน ตั้งแต่กระบวนการสรรหา คัดเลือก ประกวด (โหวต) จนถึงการประชาสัมพันธ์ "
        "ทั้งงานข่าวและผลงานเป็นผลิตภัณฑ์ต่าง ๆ"
    ),
    achieved=("ขับเคลื่อนงานได้เป็นไปตามเป้าหมายในทุกกิจกรรม คงคุณค่าศิลปวัฒนธรรมท้องถิ่น และส่งเสริมรายได้แก่ชุมชน"),
)
POOR_HOUSEHOLD_DATA = BestPractice(
    POOR_HOUSEHOLDS,
    title="โครงการแก้ไขปัญหาครัวเรือนเด็กยากจนแบบบูรณาการ",
    what_done="จัดระบบการจัดเก็บ บันทึก และสร้างฐานข้อมูลครัวเรือนเด็กยากจน",
    achieved="นำข้อมูลไปใช้ประโยชน์ในการส่งเสริม สนับสนุน และติดตามชี้เป้ากลุ่มเป้าหมายได้อย่างถูกต้อง แม่นยำ",
)


@dataclass(frozen=True)
class SeedReport:
    submitted_on: datetime.datetime  # local time in Thailand, before the meeting
    overall_results: str
    achievements: str
    next_steps: str
    shortfalls: tuple[Shortfall, ...]
    best_practices: tuple[BestPractice, ...]


def _at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2021, 6, day, hour, minute)


REPORTS = {
    "กาฬสินธุ์": SeedReport(
        _at(3, 10, 15),
        "ดำเนินงานตามแผนปฏิบัติราชการไตรมาส 3 ได้เกือบครบทุกโครงการ เบิกจ่ายงบประมาณได้ตามเป้าหมาย",
        "พื้นที่ต้นแบบโคก หนอง นา ก้องจิราภาส เป็นแหล่งเรียนรู้และแหล่งท่องเที่ยวของจังหวัด",
        "จัดประชุมสร้างการรับรู้บทบาท ศอช. และขยายผลพื้นที่ต้นแบบโคก หนอง นา สู่การท่องเที่ยวชุมชน",
        (COORDINATION_CENTRE_SHORTFALL,),
        (KHOK_NONG_NA_TOURISM,),
    ),
    "ขอนแก่น": SeedReport(
        _at(4, 14, 30),
        "ดำเนินงานได้ตามแผนเป็นส่วนใหญ่ ยกเว้นการขุดปรับพื้นที่โคก หนอง นา ที่ล่าช้ากว่าแผน",
        "ผักปลอดภัยจากเครือข่ายเกษตรกรเพียงพอต่อความต้องการของตลาด Modern Trade และตลาด 5 รอ",
        "เร่งรัดงานขุดดินและการส่งเบิกเงินโครงการโคก หนอง นา ให้แล้วเสร็จในไตรมาส 4",
        (KHOK_NONG_NA_SHORTFALL,),
        (SAFE_VEGETABLES,),
    ),
    "มหาสารคาม": SeedReport(
        _at(7, 9, 45),
        "ดำเนินงานตามแผนปฏิบัติราชการได้ตามเป้าหมาย ยกเว้นโครงการโคก หนอง นา",
        "การบริหารจัดการหนี้กองทุนพัฒนาบทบาทสตรีเป็นไปตามเป้าหมายที่กรมกำหนด",
        "ประสานหน่วยงานภาคีสนับสนุนงานช่างและการควบคุมงานโครงการโคก หนอง นา",
        (KHOK_NONG_NA_SHORTFALL,),
        (WOMEN_FUND_DEBTS,),
    ),
    "ร้อยเอ็ด": SeedReport(
        _at(8, 11, 0),
        "ดำเนินงานได้ตามแผนเป็นส่วนใหญ่ การชำระหนี้กองทุนพัฒนาบทบาทสตรีต่ำกว่าเป้าหมาย",
        "ผู้นำการเปลี่ยนแปลงและเครือข่ายขับเคลื่อนงานพัฒนาชุมชนตามหลักปรัชญาของเศรษฐกิจพอเพียง",
        "ติดตามเร่งรัดลูกหนี้กองทุนพัฒนาบทบาทสตรี และปรับโครงสร้างหนี้ตามมาตรการ",
        (WOMEN_FUND_SHORTFALL,),
        (LEADERS_OF_CHANGE,),
    ),
    "กำแพงเพชร": SeedReport(
        _at(2, 15, 20),
        "ดำเนินงานตามแผนปฏิบัติราชการได้ร้อยละ 85 โครงการโคก หนอง นา ยังไม่บรรลุเป้าหมาย",
        "ฐานข้อมูลครัวเรือนเด็กยากจนใช้ชี้เป้าและติดตามกลุ่มเป้าหมายได้อย่างแม่นยำ",
        "ขอรับการสนับสนุนเจ้าหน้าที่ด้านงานช่างจากหน่วยงานภาคีเพื่อเร่งงานโคก หนอง นา",
        (KHOK_NONG_NA_SHORTFALL,),
        (POOR_HOUSEHOLD_DATA,),
    ),
    "นครสวรรค์": SeedReport(
        _at(9, 10, 5),
        "ดำเนินงานได้ตามแผนเป็นส่วนใหญ่ การติดตามหนี้กองทุนพัฒนาบทบาทสตรีทำได้ยากในสถานการณ์โควิด-19",
        "ผู้นำการเปลี่ยนแปลงใช้พลังของชุมชนสร้างความมั่นคงทางอาหาร",
        "ตรวจสอบ เตือน และติดตามลูกหนี้กองทุนพัฒนาบทบาทสตรีตามมาตรการ รายงานผลทุกเดือน",
        (WOMEN_FUND_SHORTFALL,),
        (LEADERS_OF_CHANGE,),
    ),
    "พิจิตร": SeedReport(
        _at(8, 13, 40),
        "ดำเนินงานตามแผนปฏิบัติราชการได้ตามเป้าหมาย ยกเว้นโครงการโคก หนอง นา",
        "การบริหารจัดการหนี้กองทุนพัฒนาบทบาทสตรีเป็นไปตามเป้าหมายที่กรมกำหนด",
        "ประสานการขออนุญาตใช้ประโยชน์ที่ดินและปรับแบบแปลนโคก หนอง นา ให้แล้วเสร็จ",
        (KHOK_NONG_NA_SHORTFALL,),
        (WOMEN_FUND_DEBTS,),
    ),
    "อุทัยธานี": SeedReport(
        _at(7, 16, 10),
        "ดำเนินงานได้ตามแผนเป็นส่วนใหญ่ โครงการโคก หนอง นา ล่าช้าเรื่องเอกสารส่งเบิกเงิน",
        "ได้ลายผ้าประจำจังหวัด “ลายสุพรรณิการ์” จากการมีส่วนร่วมของทุกภาคส่วน",
        "พัฒนาผลิตภัณฑ์จากลายสุพรรณิการ์ และเร่งรัดการส่งเบิกเงินโครงการโคก หนอง นา",
        (KHOK_NONG_NA_SHORTFALL,),
        (LOCAL_TEXTILES,),
    ),
}


# --- the quarter after the seed's: FY 2564 Q4 --------------------------------------------

NEXT_QUARTER = 4


@dataclass(frozen=True)
class NextReport:
    """A province's Q4 report: its texts, and what became of its Q3 shortfall.

    `resolved` is what fixed the shortfall (it is closed as resolved), or empty when it goes on
    (it is carried forward). `accepted`: the demo inspector accepted the report.
    """

    submitted_on: datetime.datetime
    overall_results: str
    achievements: str
    next_steps: str
    resolved: str = ""
    accepted: bool = False


def _q4(month: int, day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2021, month, day, hour, minute)


NEXT_REPORTS = {
    "กาฬสินธุ์": NextReport(
        _q4(9, 28, 10),
        "ดำเนินงานตามแผนปฏิบัติราชการไตรมาส 4 ครบทุกโครงการ",
        "คณะกรรมการ ศอช. ทุกอำเภอได้รับการพัฒนาศักยภาพและมีแผนงานของตนเอง",
        "ขยายผลพื้นที่ต้นแบบโคก หนอง นา สู่การท่องเที่ยวชุมชนในปีงบประมาณ พ.ศ. 2565",
        resolved="ได้รับงบประมาณสนับสนุนจากองค์การบริหารส่วนจังหวัด จัดประชุมพัฒนาศักยภาพคณะกรรมการ ศอช. ครบทุกอำเภอ",
        accepted=True,
    ),
    "ขอนแก่น": NextReport(
        _q4(9, 29, 14, 30),
        "ดำเนินงานได้ตามแผนเป็นส่วนใหญ่ งานขุดดินโคก หนอง นา ยังล่าช้ากว่าแผน",
        "เครือข่ายผักปลอดภัยขยายเพิ่มขึ้นอีก 3 อำเภอ",
        "เร่งรัดงานขุดดินและการส่งเบิกเงินโครงการโคก หนอง นา ให้แล้วเสร็จในไตรมาส 1",
        accepted=True,
    ),
    "มหาสารคาม": NextReport(
        _q4(9, 27, 9, 30),
        "ดำเนินงานตามแผนปฏิบัติราชการได้ตามเป้าหมายทุกโครงการ",
        "งานขุดดินโคก หนอง นา แล้วเสร็จครบทุกแปลง",
        "ติดตามการใช้ประโยชน์พื้นที่โคก หนอง นา ของครัวเรือนเป้าหมาย",
        resolved="สำนักงานโยธาธิการและผังเมืองจังหวัดส่งช่างควบคุมงานสนับสนุน งานขุดดินและเอกสารส่งเบิกเงินแล้วเสร็จ",
        accepted=True,
    ),
    "ร้อยเอ็ด": NextReport(
        _q4(9, 30, 11),
        "ดำเนินงานได้ตามแผนเป็นส่วนใหญ่ การชำระหนี้กองทุนพัฒนาบทบาทสตรียังต่ำกว่าเป้าหมาย",
        "ผู้นำการเปลี่ยนแปลงขยายเครือข่ายครบทุกตำบล",
        "ติดตามเร่งรัดลูกหนี้กองทุนพัฒนาบทบาทสตรีต่อเนื่อง",
        accepted=True,
    ),
    "กำแพงเพชร": NextReport(
        _q4(9, 28, 15, 20),
        "ดำเนินงานตามแผนปฏิบัติราชการได้ร้อยละ 90 โครงการโคก หนอง นา ยังไม่บรรลุเป้าหมาย",
        "ฐานข้อมูลครัวเรือนเด็กยากจนเชื่อมกับหน่วยงานภาคีในจังหวัด",
        "ขอรับการสนับสนุนเจ้าหน้าที่ด้านงานช่างจากหน่วยงานภาคีต่อเนื่อง",
    ),
    "นครสวรรค์": NextReport(
        _q4(9, 29, 10, 5),
        "ดำเนินงานได้ตามแผนทุกโครงการ",
        "ลูกหนี้กองทุนพัฒนาบทบาทสตรีชำระหนี้ได้ตามเป้าหมาย",
        "ติดตามลูกหนี้กองทุนพัฒนาบทบาทสตรีที่ปรับโครงสร้างหนี้แล้วทุกเดือน",
        resolved="ปรับโครงสร้างหนี้ตามมาตรการของกรม ลูกหนี้กลับมาชำระหนี้ได้ตามเป้าหมาย",
    ),
    "พิจิตร": NextReport(
        _q4(9, 30, 13, 40),
        "ดำเนินงานตามแผนปฏิบัติราชการได้ตามเป้าหมาย ยกเว้นโครงการโคก หนอง นา",
        "การบริหารจัดการหนี้กองทุนพัฒนาบทบาทสตรีเป็นไปตามเป้าหมายต่อเนื่อง",
        "เร่งรัดการขออนุญาตใช้ประโยชน์ที่ดินที่ยังค้างอยู่",
    ),
    "อุทัยธานี": NextReport(
        _q4(9, 27, 16, 10),
        "ดำเนินงานได้ตามแผนทุกโครงการ",
        "ผลิตภัณฑ์ลายสุพรรณิการ์วางจำหน่ายในงานประจำปีของจังหวัด",
        "พัฒนาผลิตภัณฑ์จากลายสุพรรณิการ์ต่อเนื่อง",
        resolved="ส่งเบิกเงินงานขุดดินโคก หนอง นา ครบถ้วนแล้ว หลังอบรมเจ้าหน้าที่ด้านการเงินและพัสดุ",
    ),
}


@dataclass(frozen=True)
class Account:
    username: str
    password: str
    role: str  # "officer", "inspector" or "admin"
    full_name: str
    province: str = ""


def accounts() -> list[Account]:
    """The demo accounts, as the README lists them."""
    officers = [
        Account(username, OFFICER_PASSWORD, "officer", f"เจ้าหน้าที่พัฒนาชุมชน จังหวัด{name}", name)
        for name, username in OFFICERS.items()
    ]
    inspector = Account(
        INSPECTOR_USERNAME, INSPECTOR_PASSWORD, "inspector", f"{INSPECTOR_FIRST_NAME} {INSPECTOR_LAST_NAME}"
    )
    admin = Account(ADMIN_USERNAME, ADMIN_PASSWORD, "admin", "ผู้ดูแลระบบ")
    return [*officers, inspector, admin]


# --- loading -----------------------------------------------------------------------------


class _Tally(dict):
    """How many objects of each model were created, keyed by the model's label ("reports.Project")."""

    def count(self, model, created: bool | int) -> None:
        self[model._meta.label] = self.get(model._meta.label, 0) + int(created)


@transaction.atomic
def load(reset_passwords: bool = False, tally: "_Tally | None" = None) -> dict:
    """Create whatever of the reports' demo data is missing; return what was created and made.

    reset_passwords: set the demo accounts' passwords back to the listed ones. The other
    apps' demo data (the seed's meeting) builds on what this returns.
    """
    tally = tally if tally is not None else _Tally()
    provinces = _provinces()
    zones = list(InspectionZone.objects.filter(number__in=ZONES))
    seed_period = _period(SEED_YEAR, SEED_QUARTER, tally)
    current_period = _period(*fiscal.period_of(timezone.localdate()), tally)
    projects = _projects(tally)
    categories = _categories(tally)
    users = _accounts(provinces, zones, {SEED_YEAR, current_period.fiscal_year}, reset_passwords, tally)
    for name, seed in REPORTS.items():
        _report(provinces[name], seed_period, seed, users[OFFICERS[name]], projects, categories, tally)
    next_period = _period(SEED_YEAR, NEXT_QUARTER, tally)
    for name, plan in NEXT_REPORTS.items():
        _next_report(provinces[name], next_period, plan, users[OFFICERS[name]], users[INSPECTOR_USERNAME], tally)
    return {
        "created": tally,
        "accounts": accounts(),
        "periods": [seed_period, current_period, next_period],
        "zones": zones,
        "users": users,
        "notes": [],
    }


def _provinces() -> dict[str, Province]:
    """The eight provinces, loading the reference geography first if it is missing."""
    found = {p.name_th: p for p in Province.objects.filter(name_th__in=REPORTS).select_related("zone")}
    if len(found) < len(REPORTS):
        reference.load(InspectionZone, Province)
        found = {p.name_th: p for p in Province.objects.filter(name_th__in=REPORTS).select_related("zone")}
    return found


def _period(fiscal_year: int, quarter: int, tally: _Tally) -> ReportingPeriod:
    period, created = ReportingPeriod.objects.get_or_create(fiscal_year=fiscal_year, quarter=quarter)
    tally.count(ReportingPeriod, created)
    return period


def _projects(tally: _Tally) -> dict[str, Project]:
    projects = {}
    for name, (short_name, name_en) in PROJECTS.items():
        projects[name], created = Project.objects.get_or_create(
            name_th=name, defaults={"short_name": short_name, "name_en": name_en, "first_fiscal_year": SEED_YEAR}
        )
        tally.count(Project, created)
    return projects


def _categories(tally: _Tally) -> dict[str, ProblemCategory]:
    categories = {}
    for position, name in enumerate(CATEGORIES, start=1):
        categories[name], created = ProblemCategory.objects.get_or_create(name=name, defaults={"position": position})
        tally.count(ProblemCategory, created)
    return categories


def _accounts(provinces, zones, inspected_years: set[int], reset_passwords: bool, tally: _Tally) -> dict:
    users = {}
    for account in accounts():
        user = _user(account, reset_passwords, tally)
        users[account.username] = user
        if account.role == "officer":
            _link, created = ProvincialOfficer.objects.get_or_create(
                user=user, defaults={"province": provinces[account.province]}
            )
            tally.count(ProvincialOfficer, created)
        elif account.role == "inspector":
            for year in sorted(inspected_years):
                for zone in zones:
                    _link, created = InspectorAssignment.objects.get_or_create(user=user, zone=zone, fiscal_year=year)
                    tally.count(InspectorAssignment, created)
    return users


def demo_email(username: str) -> str:
    """The demo accounts' addresses, on a domain reserved for examples: nothing is delivered anywhere."""
    return f"{username}@example.org"


def _user(account: Account, reset_password: bool, tally: _Tally):
    first_name, _space, last_name = account.full_name.partition(" ")
    is_admin = account.role == "admin"
    user, created = get_user_model().objects.get_or_create(
        username=account.username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "is_staff": is_admin,
            "is_superuser": is_admin,
            "email": demo_email(account.username),
        },
    )
    tally.count(get_user_model(), created)
    if not user.email:  # accounts made before the demo had addresses; an address someone set is kept
        user.email = demo_email(account.username)
        user.save(update_fields=["email"])
    if created or reset_password:
        # The portal's own validator refuses the demo passwords, which are published; Django's must pass.
        validators = [v for v in get_default_password_validators() if not getattr(v, "refuses_demo_passwords", False)]
        validate_password(account.password, user, password_validators=validators)
        user.set_password(account.password)
        user.save(update_fields=["password"])
    return user


def _report(province, period, seed: SeedReport, officer, projects, categories, tally: _Tally) -> None:
    """The province's submitted report, unless it exists already (then it is left as the users left it)."""
    report, created = ProvinceReport.objects.get_or_create(
        province=province,
        period=period,
        defaults={
            "zone": province.zone,
            "overall_results": seed.overall_results,
            "achievements": seed.achievements,
            "next_steps": seed.next_steps,
            "updated_by": officer,
        },
    )
    tally.count(ProvinceReport, created)
    if not created:
        return
    position = 0
    for item in seed.shortfalls:
        finding = Finding.objects.create(
            report=report,
            project=projects[item.project],
            kind=Finding.Kind.SHORTFALL,
            problems=item.problems,
            causes=item.causes,
            measures=item.measures,
            position=position,
        )
        finding.categories.set([categories[name] for name in item.categories])
        position += 1
    for item in seed.best_practices:
        Finding.objects.create(
            report=report,
            project=projects[item.project],
            kind=Finding.Kind.BEST_PRACTICE,
            title=item.title,
            what_done=item.what_done,
            achieved=item.achieved,
            position=position,
        )
        position += 1
    tally.count(Finding, position)
    report.submit(by=officer, now=timezone.make_aware(seed.submitted_on))


def _next_report(province, period, plan: NextReport, officer, inspector, tally: _Tally) -> None:
    """The province's Q4 report, its Q3 shortfall carried forward or resolved, unless the report exists."""
    report, created = ProvinceReport.objects.get_or_create(
        province=province,
        period=period,
        defaults={
            "zone": province.zone,
            "overall_results": plan.overall_results,
            "achievements": plan.achievements,
            "next_steps": plan.next_steps,
            "no_best_practices": True,
            "updated_by": officer,
        },
    )
    tally.count(ProvinceReport, created)
    if not created:
        return
    # The officer decides on Q3's shortfalls on a day the quarter was open.
    day = plan.submitted_on.date()
    carried = 0
    for finding in chains.offered(report):
        if plan.resolved:
            resolution = chains.resolve(report, finding.pk, plan.resolved, by=officer, today=day)
            ShortfallResolution.objects.filter(pk=resolution.pk).update(at=timezone.make_aware(plan.submitted_on))
            tally.count(ShortfallResolution, True)
        else:
            chains.carry_forward(report, finding.pk, by=officer, today=day)
            carried += 1
    tally.count(Finding, carried)
    if not carried:
        ProvinceReport.objects.filter(pk=report.pk).update(no_shortfalls=True)
        report.refresh_from_db()
    report.submit(by=officer, now=timezone.make_aware(plan.submitted_on))
    if plan.accepted:
        report.accept(by=inspector)
