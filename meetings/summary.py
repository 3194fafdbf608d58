"""The zone summary of a follow-up meeting, built as a plain tree of data.

`build(meeting)` reads the meeting's reports (submitted or accepted, for the meeting's
quarter, filed under one of its zones) and returns a JSON-serialisable dict in the shape
of the department's hand-written report (shared/seed): a header, the purpose and the two
topics, section 1 (shortfalls grouped by project, most provinces first) and section 2
(best practices, provinces presenting the same project joined). Every renderer (web
page, print view, Word, PDF) renders this same tree.

The document's wording is Thai on purpose, not translated: it is the department's
official document, stored once generated, and the same data must give the same text
byte for byte whatever language the inspector's browser asks for.

The tree (version 2)
--------------------
A dict of plain JSON data:

- "version": 2; "title"; "date" (ISO) and "date_th"; "zones" (number, name, region);
  "provinces" (names, in the summary's order); "missing" (the meeting's provinces with no
  submitted or accepted report); "section1" and "section2" (the groupings behind the items:
  key, project, provinces, ...).
- "blocks": the document's text in reading order, a flat list of
  {"key", "kind", "text"} with an optional "number" (int) for the numbered kinds. The text
  of a numbered block does not carry its number: every renderer writes it before the text
  with `number_prefix` ("N) " for purpose and topic, "N. " for heading). Kinds:

  - "paragraph": a body paragraph, first line indented (header, intro, closing);
  - "purpose": one numbered purpose of the meeting;
  - "topic": one numbered discussion topic, in the header;
  - "heading": a numbered section heading ("1. ...");
  - "item": a "- " item under a section.

  The inspector edits only the texts; keys, kinds and numbers stay.

Version 1 trees (before the numbers were split out) kept the number inside the text of
topics and headings; migration meetings 0003 rewrote the stored ones to version 2, and
a block without "number" still renders as its text alone.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from inspection_portal.lib.thai import (
    PROVINCE_WORD,
    join_thai,
    numbered,
    province_count,
    province_list,
    quoted,
    sorted_by_zone,
    sorted_thai,
    split_points,
    thai_date,
    unique,
)
from meetings.models import FollowUpMeeting
from provinces.models import Province
from reports.models import Finding, Project, ProvinceReport, ReportingPeriod

TREE_VERSION = 2

# What every renderer writes before the text of a numbered block.
NUMBER_FORMATS = {"purpose": "{}) ", "topic": "{}) ", "heading": "{}. "}

DEFAULT_TOPIC_SHORTFALLS = "งาน/โครงการ/กิจกรรม ที่ดำเนินการไม่บรรลุเป้าหมาย หรือยังไม่ประสบผลสำเร็จเท่าที่ควร"
DEFAULT_TOPIC_BEST_PRACTICES = "งาน/โครงการ/กิจกรรม ที่จังหวัดอื่นสามารถเรียนรู้และนำไปเป็นแบบอย่างได้"

INSPECTOR_TITLE = "ผู้ตรวจราชการกรม"
PURPOSE_LEAD = "วัตถุประสงค์เพื่อ"
NO_SHORTFALLS = "ไม่มีจังหวัดใดรายงานงาน/โครงการ/กิจกรรม ที่ดำเนินการไม่บรรลุเป้าหมายในไตรมาสนี้"
NO_BEST_PRACTICES = "ไม่มีจังหวัดใดนำเสนองาน/โครงการ/กิจกรรม ที่เป็นแบบอย่างได้ในไตรมาสนี้"


def default_purpose(period: ReportingPeriod) -> str:
    """The purpose the seed's meeting gave, for the meeting form to prefill."""
    return (
        "ติดตามผลการดำเนินงานตามนโยบายสำคัญเร่งด่วนตามโครงการกิจกรรมตามแผนการปฏิบัติราชการกรมการพัฒนาชุมชน "
        f"ประจำปี พ.ศ. {period.fiscal_year} ไตรมาส {period.quarter} และงานอื่นที่เกี่ยวข้อง "
        "โดยให้แต่ละจังหวัดแลกเปลี่ยนเรียนรู้การดำเนินงานพัฒนาชุมชนร่วมกัน ตามประเด็น"
    )


def title(period: ReportingPeriod) -> str:
    return (
        "สรุปผลการประชุมเชิงปฏิบัติการตรวจติดตามผลการดำเนินงานของหน่วยรับตรวจรายไตรมาส "
        f"(ไตรมาส {period.quarter}) ปีงบประมาณ {period.fiscal_year}"
    )


@dataclass
class _Member:
    """A province of the meeting, with the zone it reports under this quarter."""

    name: str
    zone_number: int
    report: ProvinceReport | None = None


@dataclass
class _Group:
    """The findings of one kind that the meeting's provinces gave about one project."""

    project: Project
    first_position: int
    findings: list[Finding] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)

    def add(self, province: str, finding: Finding) -> None:
        self.findings.append(finding)
        if province not in self.provinces:
            self.provinces.append(province)


def build(meeting: FollowUpMeeting) -> dict:
    """The meeting's summary as a plain tree (described above), in a constant number of queries."""
    period = meeting.period
    zones = sorted(meeting.zones.all(), key=lambda zone: zone.number)
    members = _members(period, zones)
    names = [member.name for member in members]
    with_reports = [member for member in members if member.report is not None]
    section1 = _groups(with_reports, Finding.Kind.SHORTFALL, most_provinces_first=True)
    section2 = _groups(with_reports, Finding.Kind.BEST_PRACTICE, most_provinces_first=False)

    blocks = [
        _block("header", "paragraph", _header(meeting, period, zones, names)),
        _block("purpose", "paragraph", _purpose(meeting.purpose)),
        _block("topic-1", "topic", meeting.topic_shortfalls.strip(), number=1),
        _block("topic-2", "topic", meeting.topic_best_practices.strip(), number=2),
        _block("intro", "paragraph", _intro(period)),
        _block("s1", "heading", f"{meeting.topic_shortfalls.strip()} มีประเด็น ดังนี้", number=1),
    ]
    blocks += [_block(f"s1-{n}", "item", _shortfall_text(g)) for n, g in enumerate(section1, start=1)]
    if not section1:
        blocks.append(_block("s1-none", "item", NO_SHORTFALLS))
    blocks.append(_block("s2", "heading", f"{meeting.topic_best_practices.strip()} มีประเด็น ดังนี้", number=2))
    blocks += [_block(f"s2-{n}", "item", _best_practice_text(g)) for n, g in enumerate(section2, start=1)]
    if not section2:
        blocks.append(_block("s2-none", "item", NO_BEST_PRACTICES))

    return {
        "version": TREE_VERSION,
        "title": title(period),
        "date": meeting.held_on.isoformat(),
        "date_th": thai_date(meeting.held_on),
        "zones": [{"number": zone.number, "name": zone.name_th, "region": zone.region_th} for zone in zones],
        "provinces": names,
        "blocks": blocks,
        "section1": [_section1_entry(n, group) for n, group in enumerate(section1, start=1)],
        "section2": [_section2_entry(n, group) for n, group in enumerate(section2, start=1)],
        "missing": [member.name for member in members if member.report is None],
    }


# --- reading the data ---------------------------------------------------------------


def _members(period: ReportingPeriod, zones: list) -> list[_Member]:
    """The meeting's provinces in summary order, each with its usable report if it has one.

    A province belongs to the zone its report for the quarter was filed under (zones are
    reorganised from time to time); a province with no report yet belongs to its zone now.
    """
    zone_numbers = {zone.pk: zone.number for zone in zones}
    zone_ids = list(zone_numbers)
    in_zones = Q(zone__in=zone_ids) | Q(zone__isnull=True, province__zone__in=zone_ids)
    filed_under = dict(
        ProvinceReport.objects.filter(period=period)
        .filter(in_zones | Q(province__zone__in=zone_ids))
        .values_list("province_id", "zone_id")
    )
    usable = {
        report.province_id: report
        for report in ProvinceReport.objects.for_summary()
        .filter(in_zones, period=period)
        .select_related("province")
        .prefetch_related(
            Prefetch("findings", queryset=Finding.objects.select_related("project").order_by("position", "pk"))
        )
    }
    members = []
    for province in Province.objects.filter(Q(zone__in=zone_ids) | Q(pk__in=list(filed_under))):
        zone_id = filed_under.get(province.pk) or province.zone_id
        if zone_id in zone_numbers:
            members.append(_Member(province.name_th, zone_numbers[zone_id], usable.get(province.pk)))
    return sorted_by_zone(members, zone=lambda m: m.zone_number, name=lambda m: m.name)


def _groups(members: list[_Member], kind: str, most_provinces_first: bool) -> list[_Group]:
    """Findings of one kind grouped by project, in a deterministic order."""
    groups: dict[int, _Group] = {}
    for position, member in enumerate(members):
        for finding in member.report.findings.all():
            if finding.kind == kind:
                group = groups.setdefault(finding.project_id, _Group(finding.project, position))
                group.add(member.name, finding)
    rank = {g.project.pk: n for n, g in enumerate(sorted_thai(groups.values(), key=lambda g: g.project.name_th))}

    def order(group: _Group) -> tuple:
        lead = -len(group.provinces) if most_provinces_first else group.first_position
        return (lead, rank[group.project.pk], group.project.pk)

    return sorted(groups.values(), key=order)


# --- writing the text ------------------------------------------------------------


def _block(key: str, kind: str, text: str, number: int | None = None) -> dict:
    block = {"key": key, "kind": kind, "text": text}
    if number is not None:
        block["number"] = number
    return block


def number_prefix(block: dict) -> str:
    """What a renderer writes before a block's text: "2) " for a purpose or topic, "1. " for a heading, else ""."""
    number = block.get("number")
    if number is None or block["kind"] not in NUMBER_FORMATS:
        return ""
    return NUMBER_FORMATS[block["kind"]].format(number)


def _header(meeting: FollowUpMeeting, period: ReportingPeriod, zones: list, names: list[str]) -> str:
    inspector = meeting.inspector.get_full_name().strip() or meeting.inspector.get_username()
    if meeting.mode == FollowUpMeeting.Mode.ON_SITE:
        where = f"ณ {meeting.place.strip()}"
    else:
        platform = meeting.platform.strip()
        where = f"ผ่านระบบห้องประชุมออนไลน์ ({platform})" if platform else "ผ่านระบบห้องประชุมออนไลน์"
    parts = [
        f"วันที่ {thai_date(meeting.held_on)} {inspector} {INSPECTOR_TITLE}",
        "ดำเนินการประชุมเชิงปฏิบัติการตรวจติดตามผลการดำเนินงานของหน่วยรับตรวจรายไตรมาส",
        f"(ไตรมาส {period.quarter}) {where}",
        join_thai([zone.full_name for zone in zones]),
    ]
    if names:
        parts.append(f"ประกอบด้วย {province_list(names)} รวมทั้งหมด {len(names)} {PROVINCE_WORD}")
    return " ".join(part for part in parts if part)


def _purpose(purpose: str) -> str:
    purpose = _one_line(purpose)
    if purpose.startswith(PURPOSE_LEAD):
        purpose = purpose[len(PURPOSE_LEAD) :].strip()
    return f"{PURPOSE_LEAD} {purpose}"


def _intro(period: ReportingPeriod) -> str:
    if period.quarter < 4:
        next_quarter = f"ในไตรมาสที่ {period.quarter + 1}"
    else:
        next_quarter = f"ในไตรมาสที่ 1 ของปีงบประมาณ พ.ศ. {period.fiscal_year + 1}"
    return (
        "โดยแต่ละจังหวัดได้นำเสนอผลการดำเนินงาน ข้อจำกัดที่เป็นเหตุ ปัญหาและแนวทางการแก้ไข "
        "เพื่อให้สามารถดำเนินการได้สำเร็จบรรลุเป้าหมาย ผลสำเร็จที่เกิดขึ้น และแผนงานในอนาคต "
        "รวมถึงได้แลกเปลี่ยนข้อมูลสำหรับการวางแผนการขับเคลื่อนการดำเนินโครงการ/กิจกรรม "
        f"{next_quarter} ต่อไป สามารถสรุปได้ดังนี้"
    )


def _points(texts: Iterable[str]) -> list[str]:
    return unique(point for text in texts for point in split_points(text))


def _one_line(text: str) -> str:
    return " ".join((text or "").split())


def _shortfall_text(group: _Group) -> str:
    parts = [group.project.name_th, province_count(group.provinces)]
    for lead, name in (
        ("โดยจะเป็นปัญหาเกี่ยวกับ", "problems"),
        ("สาเหตุเนื่องจาก", "causes"),
        ("ซึ่งจังหวัดได้ดำเนินการแก้ไขโดย", "measures"),
    ):
        points = _points(getattr(finding, name) for finding in group.findings)
        if points:
            parts.append(f"{lead} {numbered(points)}")
    return " ".join(parts)


def _titles(group: _Group) -> list[str]:
    return unique(_one_line(finding.title) for finding in group.findings if finding.title.strip())


def _best_practice_text(group: _Group) -> str:
    titles = join_thai([quoted(text) for text in _titles(group)]) or quoted(group.project.name_th)
    details = unique(
        _one_line(f"{finding.what_done} {finding.achieved}")
        for finding in group.findings
        if (finding.what_done + finding.achieved).strip()
    )
    text = f"{province_list(group.provinces)} นำเสนอ {titles}"
    return f"{text} {numbered(details)}" if details else text


def _section1_entry(number: int, group: _Group) -> dict:
    return {
        "key": f"s1-{number}",
        "project_id": group.project.pk,
        "project": group.project.name_th,
        "provinces": group.provinces,
        "count": len(group.provinces),
        "problems": _points(finding.problems for finding in group.findings),
    }


def _section2_entry(number: int, group: _Group) -> dict:
    return {
        "key": f"s2-{number}",
        "project_id": group.project.pk,
        "project": group.project.name_th,
        "provinces": group.provinces,
        "titles": _titles(group),
    }
