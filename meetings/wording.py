"""The Thai of the meeting summary, in one module a Thai reader can review as a whole.

The summary is the department's document: it is written in Thai whatever language the
inspector's browser asks for (not through gettext), and the same data always gives the
same words. meetings/summary.py reads the data and decides what to say; every sentence
and phrase it says is made here, from plain values (names, numbers, dates), in the order
it appears in the document:

1. the title;
2. the header: date, chair (or, for a meeting recorded without one, the inspector who
   conducted it, as the seed's report says), the meeting's name, its zones and provinces,
   online platform, the officials attending;
3. the purposes, the place of an on-site meeting, and the lead into the topics;
4. the topics ("1) …"), then the intro paragraph that closes the header;
5. the sections: one numbered heading per topic, and its "- " items — shortfalls grouped by
   project, best practices, or the inspector's points under a monthly issue or a free topic.

The seed's meeting (shared/seed) must still read word for word as it did: the phrases
marked "seed" are its own words.
"""

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from inspection_portal.lib.numbers import format_number, percent
from inspection_portal.lib.thai import (
    PROVINCE_WORD,
    join_thai,
    numbered,
    province_count,
    province_list,
    quoted,
    thai_date,
)

# --- the kinds of meeting ------------------------------------------------------------

# The meeting's name, without the leading "การ" so it can follow "ดำเนินการ" (seed) or
# "เป็นประธานในการ".
QUARTERLY_MEETING = "ประชุมเชิงปฏิบัติการตรวจติดตามผลการดำเนินงานของหน่วยรับตรวจรายไตรมาส"  # seed
MONTHLY_MEETING = "ประชุมติดตามผลการดำเนินงานตามประเด็นการตรวจราชการประจำเดือน"

# The default texts a new meeting's form offers; the inspector may change them.
DEFAULT_TOPIC_SHORTFALLS = "งาน/โครงการ/กิจกรรม ที่ดำเนินการไม่บรรลุเป้าหมาย หรือยังไม่ประสบผลสำเร็จเท่าที่ควร"  # seed
DEFAULT_TOPIC_BEST_PRACTICES = "งาน/โครงการ/กิจกรรม ที่จังหวัดอื่นสามารถเรียนรู้และนำไปเป็นแบบอย่างได้"  # seed


def default_quarterly_purpose(fiscal_year: int, quarter: int) -> str:
    """The seed's purpose, for the quarter's workshop."""
    return (
        "ติดตามผลการดำเนินงานตามนโยบายสำคัญเร่งด่วนตามโครงการกิจกรรมตามแผนการปฏิบัติราชการกรมการพัฒนาชุมชน "
        f"ประจำปี พ.ศ. {fiscal_year} ไตรมาส {quarter} และงานอื่นที่เกี่ยวข้อง "
        "โดยให้แต่ละจังหวัดแลกเปลี่ยนเรียนรู้การดำเนินงานพัฒนาชุมชนร่วมกัน"
    )


DEFAULT_MONTHLY_PURPOSE = "ติดตามความก้าวหน้าการดำเนินงานของหน่วยรับตรวจ และรับทราบปัญหาอุปสรรคในการขับเคลื่อนงาน/โครงการ/กิจกรรม"


def month_name(month: datetime.date) -> str:
    """ "มีนาคม พ.ศ. 2564": a month as the monthly issues name it."""
    _day, name, year = thai_date(month).split(" ")
    return f"{name} พ.ศ. {year}"


def numbering(number: int, fiscal_year: int) -> str:
    """The department's numbering of a year's meetings: "ครั้งที่ 2/2564"."""
    return f"ครั้งที่ {number}/{fiscal_year}"


def meeting_name(monthly: bool, quarter: int, month: datetime.date | None, number: int | None, fiscal_year: int) -> str:
    """ "ประชุมเชิงปฏิบัติการ…รายไตรมาส ครั้งที่ 2/2564", "…รายไตรมาส (ไตรมาส 3)" (seed) or
    "ประชุมติดตาม…ประจำเดือนมีนาคม พ.ศ. 2564"."""
    if monthly:
        name = f"{MONTHLY_MEETING}{month_name(month)}"
        return f"{name} {numbering(number, fiscal_year)}" if number else name
    if number:
        return f"{QUARTERLY_MEETING} {numbering(number, fiscal_year)}"
    return f"{QUARTERLY_MEETING} (ไตรมาส {quarter})"


def title(name: str, monthly: bool, number: int | None, fiscal_year: int) -> str:
    """The document's title: "สรุปผลการ" and the meeting's name; an unnumbered workshop adds its fiscal year (seed)."""
    if monthly or number:
        return f"สรุปผลการ{name}"
    return f"สรุปผลการ{name} ปีงบประมาณ {fiscal_year}"


# --- the header ----------------------------------------------------------------------

INSPECTOR_TITLE = "ผู้ตรวจราชการกรม"  # seed: the post after the inspector's name, for a meeting without a chair


def online(platform: str) -> str:
    """ "ผ่านระบบห้องประชุมออนไลน์ (ZOOM Meeting)" (seed)."""
    return f"ผ่านระบบห้องประชุมออนไลน์ ({platform})" if platform else "ผ่านระบบห้องประชุมออนไลน์"


@dataclass(frozen=True)
class Zone:
    number: int
    name: str  # "เขตตรวจราชการที่ 18"
    region: str  # "กลุ่มจังหวัดภาคเหนือตอนล่าง 2", may be empty


def _zone_with_region(zone: Zone) -> str:
    """ "เขตตรวจราชการที่ 18 (กลุ่มจังหวัดภาคเหนือตอนล่าง 2)"."""
    return f"{zone.name} ({zone.region})" if zone.region else zone.name


def seed_header(date: datetime.date, inspector: str, name: str, where: str, zones: Sequence[Zone], provinces) -> str:
    """The seed's header, for a meeting recorded without a chair: the inspector "ดำเนินการ" it.

    "วันที่ 11 มิถุนายน 2564 นางสาว… ผู้ตรวจราชการกรม ดำเนินการประชุม… (ไตรมาส 3) ผ่านระบบ… เขตตรวจราชการที่ 12
    กลุ่มจังหวัด… และเขตตรวจราชการที่ 18 … ประกอบด้วย จังหวัด… รวมทั้งหมด 8 จังหวัด"
    """
    parts = [
        f"วันที่ {thai_date(date)} {inspector} {INSPECTOR_TITLE}",
        f"ดำเนินการ{name}",
        where,
        join_thai([f"{zone.name} {zone.region}".strip() for zone in zones]),
    ]
    if provinces:
        parts.append(f"ประกอบด้วย {province_list(provinces)} รวมทั้งหมด {len(provinces)} {PROVINCE_WORD}")
    return " ".join(part for part in parts if part)


def chaired_header(
    date: datetime.date,
    chair: str,
    name: str,
    zones: Sequence[Zone],
    provinces: Sequence[str],
    whole_zones: bool,
    where: str,
    officials: Sequence[str],
) -> str:
    """The header of a meeting with a chair, as the department writes it.

    "วันที่ 25 มีนาคม 2564 นาย… ผู้ตรวจราชการกรมการพัฒนาชุมชน เป็นประธานในการประชุม… ครั้งที่ 2/2564
    ของเขตตรวจราชการที่ 18 (กลุ่มจังหวัดภาคเหนือตอนล่าง 2) ซึ่งมีจังหวัด… รวมทั้งหมด 4 จังหวัด
    [พร้อมด้วย นาย… และนาง…] [ผ่านระบบห้องประชุมออนไลน์ (…)]"

    `chair` and `officials` are name and position ("นาย… รองอธิบดีกรมการพัฒนาชุมชน"); `where` is
    the online platform's phrase or empty (the place of an on-site meeting follows the purposes).
    """
    parts = [f"วันที่ {thai_date(date)} {chair} เป็นประธานในการ{name}", f"ของ{_whose(zones, provinces, whole_zones)}"]
    if officials:
        parts.append(f"พร้อมด้วย {join_thai(list(officials))}")
    parts.append(where)
    return " ".join(part for part in parts if part)


def _whose(zones: Sequence[Zone], provinces: Sequence[str], whole_zones: bool) -> str:
    """Whose meeting it is.

    Every province of the zones: "เขตตรวจราชการที่ 18 (…) ซึ่งมีจังหวัดก ข และค รวมทั้งหมด 3 จังหวัด";
    one province: "จังหวัดพิจิตร ในเขตตรวจราชการที่ 18 (…)";
    a few: "จังหวัดก และข ในเขตตรวจราชการที่ 18 (…) รวม 2 จังหวัด".
    """
    zone_names = join_thai([_zone_with_region(zone) for zone in zones])
    if whole_zones:
        if not provinces:
            return zone_names
        return f"{zone_names} ซึ่งมี{province_list(provinces)} รวมทั้งหมด {len(provinces)} {PROVINCE_WORD}"
    if len(provinces) == 1:
        return f"{province_list(provinces)} ใน{zone_names}"
    return f"{province_list(provinces)} ใน{zone_names} รวม {len(provinces)} {PROVINCE_WORD}"


# --- purposes, place, topics ---------------------------------------------------------

PURPOSE_LEAD = "วัตถุประสงค์เพื่อ"  # seed
TOPICS_LEAD = "ตามประเด็น"  # seed: the purpose ends "… ร่วมกัน ตามประเด็น", then the topics
MANY_PURPOSES_CLOSE = "ดังนี้"


def topics_lead(monthly_issues_only: bool, month: datetime.date | None) -> str:
    """ "ตามประเด็น" (seed), or for topics that are all the month's inspection issues,
    "ตามประเด็นการตรวจราชการประจำเดือนมีนาคม พ.ศ. 2564"."""
    if monthly_issues_only and month is not None:
        return f"{TOPICS_LEAD}การตรวจราชการประจำเดือน{month_name(month)}"
    return TOPICS_LEAD


# "ณ" typed before the place, by itself: followed by a space or by a leading vowel ("ณโรงแรม…"), so a place
# whose first word begins with ณ (ณรงค์…) keeps it.
TYPED_AT = re.compile(r"^\s*ณ(?:\s+|(?=[เแโใไ]))")


def place_name(place: str) -> str:
    """The place without an "ณ" typed before it, which the wording adds itself ("ณ ณ โรงแรม…" otherwise)."""
    return TYPED_AT.sub("", place).strip()


def one_purpose(purpose: str, place: str, lead: str) -> str:
    """One purpose, in one paragraph: "วัตถุประสงค์เพื่อ ติดตาม… [ณ โรงแรม… อำเภอ… จังหวัด…] ตามประเด็น" (seed)."""
    place = place_name(place)
    parts = [PURPOSE_LEAD, purpose, f"ณ {place}" if place else "", lead]
    return " ".join(part for part in parts if part)


def after_purposes(place: str, lead: str) -> str:
    """After a numbered list of purposes: "โดยจัดประชุม ณ โรงแรม… ตามประเด็น ดังนี้", or online
    "โดยประชุมตามประเด็น ดังนี้"."""
    place = place_name(place)
    if place:
        return f"โดยจัดประชุม ณ {place} {lead} {MANY_PURPOSES_CLOSE}"
    return f"โดยประชุม{lead} {MANY_PURPOSES_CLOSE}"


def next_period(monthly: bool, quarter: int, fiscal_year: int, month: datetime.date | None) -> str:
    """What the provinces plan for: "ในไตรมาสที่ 4" (seed), "ในไตรมาสที่ 1 ของปีงบประมาณ พ.ศ. 2565",
    or after a monthly follow-up "ในเดือนเมษายน พ.ศ. 2564"."""
    if monthly and month is not None:
        following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return f"ในเดือน{month_name(following)}"
    if quarter < 4:
        return f"ในไตรมาสที่ {quarter + 1}"
    return f"ในไตรมาสที่ 1 ของปีงบประมาณ พ.ศ. {fiscal_year + 1}"


def intro(next_phrase: str, province: str | None = None, presenter: str | None = None) -> str:
    """The paragraph after the topics, which leads into the sections: "โดยแต่ละจังหวัดได้นำเสนอ…" (seed).

    A one-province meeting names who presented: its presenter ("โดยนาย… พัฒนาการจังหวัดพิจิตร ได้นำเสนอ…")
    or the province ("โดยจังหวัดพิจิตรได้นำเสนอ…").
    """
    if presenter:
        who = f"{presenter} "
    elif province:
        who = f"{PROVINCE_WORD}{province}"
    else:
        who = "แต่ละจังหวัด"
    return (
        f"โดย{who}ได้นำเสนอผลการดำเนินงาน ข้อจำกัดที่เป็นเหตุ ปัญหาและแนวทางการแก้ไข "
        "เพื่อให้สามารถดำเนินการได้สำเร็จบรรลุเป้าหมาย ผลสำเร็จที่เกิดขึ้น และแผนงานในอนาคต "
        "รวมถึงได้แลกเปลี่ยนข้อมูลสำหรับการวางแผนการขับเคลื่อนการดำเนินโครงการ/กิจกรรม "
        f"{next_phrase} ต่อไป สามารถสรุปได้ดังนี้"
    )


# --- the sections ----------------------------------------------------------------------


def findings_heading(topic: str) -> str:
    """A section built from the reports: "<topic> มีประเด็น ดังนี้" (seed; the renderer writes "1. " before it)."""
    return f"{topic} มีประเด็น ดังนี้"


NO_SHORTFALLS = "ไม่มีจังหวัดใดรายงานงาน/โครงการ/กิจกรรม ที่ดำเนินการไม่บรรลุเป้าหมายในไตรมาสนี้"
NO_BEST_PRACTICES = "ไม่มีจังหวัดใดนำเสนองาน/โครงการ/กิจกรรม ที่เป็นแบบอย่างได้ในไตรมาสนี้"

# The leads of a shortfall's problems, causes and measures (seed).
PROBLEMS_LEAD = "โดยจะเป็นปัญหาเกี่ยวกับ"
CAUSES_LEAD = "สาเหตุเนื่องจาก"
MEASURES_LEAD = "ซึ่งจังหวัดได้ดำเนินการแก้ไขโดย"


def shortfall(
    project: str,
    provinces: Sequence[str] | None,
    figures: str,
    problems: Sequence[str],
    causes: Sequence[str],
    measures: Sequence[str],
    running: str = "",
) -> str:
    """One project that did not reach its target, for the provinces that reported it (seed):

    "<project> จำนวน 2 จังหวัด ได้แก่ จังหวัดก และข [ผลการดำเนินงาน …] โดยจะเป็นปัญหาเกี่ยวกับ 1) … 2) …
    สาเหตุเนื่องจาก … ซึ่งจังหวัดได้ดำเนินการแก้ไขโดย …"

    `provinces` is None in a one-province meeting, where the count says nothing. `running` — how
    long the shortfall has lasted, from `running()` — goes after the provinces; empty for a new one.
    """
    parts = [project, province_count(provinces) if provinces else "", running, figures]
    for lead, points in ((PROBLEMS_LEAD, problems), (CAUSES_LEAD, causes), (MEASURES_LEAD, measures)):
        if points:
            parts.append(f"{lead} {numbered(list(points))}")
    return " ".join(part for part in parts if part)


RUNNING_WORD = "ปัญหาต่อเนื่อง"


def running(quarters: Sequence[tuple[str, int]], name_provinces: bool) -> str:
    """How long a shortfall has lasted, for the provinces that reported it two quarters in a row or more.

    One province, a one-province meeting, or every province of the group for as long:
    "ซึ่งเป็นปัญหาต่อเนื่อง 3 ไตรมาส"; otherwise the provinces grouped by length (longest first):
    "ซึ่งจังหวัดขอนแก่น และพิจิตร เป็นปัญหาต่อเนื่อง 3 ไตรมาส และจังหวัดอุทัยธานี เป็นปัญหาต่อเนื่อง 2 ไตรมาส".
    Empty when no province has reported it before.
    """
    lengths: dict[int, list[str]] = {}
    for name, count in quarters:
        if count >= 2:
            lengths.setdefault(count, []).append(name)
    if not lengths:
        return ""
    if not name_provinces or len({count for _name, count in quarters}) == 1:
        return f"ซึ่งเป็น{RUNNING_WORD} {max(lengths)} ไตรมาส"
    clauses = [
        f"{province_list(names)} เป็น{RUNNING_WORD} {count} ไตรมาส"
        for count, names in sorted(lengths.items(), reverse=True)
    ]
    return f"ซึ่ง{join_thai(clauses)}"


def presenters(names: Sequence[str], people: Sequence[str | None]) -> str:
    """Who presented a best practice: "จังหวัดมหาสารคาม และพิจิตร" (seed) or, where a province's presenter is
    named, "นาย… พัฒนาการจังหวัดพิจิตร" / "จังหวัดมหาสารคาม และนาย… พัฒนาการจังหวัดพิจิตร"."""
    if not any(people):
        return province_list(list(names))
    return join_thai([person or f"{PROVINCE_WORD}{name}" for name, person in zip(names, people, strict=True)])


def best_practice(who: str, titles: Sequence[str], fallback_title: str, details: Sequence[str], figures: str) -> str:
    """One best practice: "จังหวัดก นำเสนอ “<title>” <what was done and achieved> [ผลการดำเนินงาน …]" (seed)."""
    text = f"{who} นำเสนอ {join_thai([quoted(t) for t in titles]) or quoted(fallback_title)}"
    return " ".join(part for part in (text, numbered(list(details)), figures) if part)


# --- figures ---------------------------------------------------------------------------

FIGURES_LEAD = "ผลการดำเนินงาน"


@dataclass(frozen=True)
class Figure:
    activity: str
    target: object  # Decimal or None
    result: object
    unit: str


def figure(row: Figure) -> str:
    """One figure row: "ระยะที่ 1 ระดับครัวเรือน เป้าหมาย 516 แปลง ดำเนินการแล้ว 500 แปลง (ร้อยละ 96.9)"."""
    unit = f" {row.unit}" if row.unit else ""
    parts = [row.activity]
    if row.target is not None:
        parts.append(f"เป้าหมาย {format_number(row.target)}{unit}")
    if row.result is not None:
        parts.append(f"ดำเนินการแล้ว {format_number(row.result)}{unit}")
    share = percent(row.result, row.target)
    if share is not None:
        parts.append(f"(ร้อยละ {format_number(share)})")
    return " ".join(part for part in parts if part)


def figures(by_province: Sequence[tuple[str, Sequence[Figure]]], name_provinces: bool) -> str:
    """The figures of a group: "ผลการดำเนินงาน เป้าหมาย 516 แปลง ดำเนินการแล้ว 500 แปลง (ร้อยละ 96.9)";
    with several provinces each is named: "ผลการดำเนินงาน จังหวัดก … จังหวัดข …"."""
    parts = []
    for name, rows in by_province:
        if rows:
            said = join_thai([figure(row) for row in rows])
            parts.append(f"{PROVINCE_WORD}{name} {said}" if name_provinces else said)
    return f"{FIGURES_LEAD} {' '.join(parts)}" if parts else ""
