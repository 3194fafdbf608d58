"""The zone summary of a follow-up meeting, built as a plain tree of data.

`build(meeting)` reads the meeting (its kind, people, provinces and topics) and its
provinces' reports (submitted or accepted, for the meeting's quarter) and returns a
JSON-serialisable dict in the shape of the department's reports (shared/seed): a header,
the purposes and the topics, then one section per topic — shortfalls grouped by project
(most provinces first), best practices (provinces presenting the same project joined),
or the inspector's points under a monthly issue or a free topic. Every renderer (web
page, print view, Word, PDF) renders this same tree.

The document's wording is Thai on purpose, not translated: it is the department's
official document, stored once generated, and the same data must give the same text
byte for byte whatever language the inspector's browser asks for. Every Thai word of it
is in meetings/wording.py; this module only decides what to say.

The tree (version 2)
--------------------
A dict of plain JSON data:

- "version": 2; "title"; "date" (ISO) and "date_th"; "zones" (number, name, region);
  "provinces" (names, in the summary's order); "missing" (the meeting's provinces with no
  submitted or accepted report); "section1" and "section2" (the groupings behind the items
  of the shortfalls and the best-practices sections: key, project, provinces, ...).
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

from django.db.models import Prefetch

from inspection_portal.lib.thai import sorted_thai, split_points, thai_date, unique
from meetings import wording
from meetings.models import FollowUpMeeting, MeetingTopic
from provinces.models import Person
from reports.models import Finding, FindingFigure, Project, ProvinceReport, ReportingPeriod

TREE_VERSION = 2

# What every renderer writes before the text of a numbered block.
NUMBER_FORMATS = {"purpose": "{}) ", "topic": "{}) ", "heading": "{}. "}

DEFAULT_TOPIC_SHORTFALLS = wording.DEFAULT_TOPIC_SHORTFALLS
DEFAULT_TOPIC_BEST_PRACTICES = wording.DEFAULT_TOPIC_BEST_PRACTICES
NO_SHORTFALLS = wording.NO_SHORTFALLS
NO_BEST_PRACTICES = wording.NO_BEST_PRACTICES


def default_purpose(period: ReportingPeriod, monthly: bool = False) -> str:
    """The purpose a new meeting's form offers: the seed's for a quarterly workshop."""
    if monthly:
        return wording.DEFAULT_MONTHLY_PURPOSE
    return wording.default_quarterly_purpose(period.fiscal_year, period.quarter)


def meeting_name(meeting: FollowUpMeeting) -> str:
    period = meeting.period
    return wording.meeting_name(meeting.is_monthly, period.quarter, meeting.month, meeting.number, period.fiscal_year)


def default_title(meeting: FollowUpMeeting) -> str:
    """The title the summary takes when the inspector gives none."""
    return wording.title(meeting_name(meeting), meeting.is_monthly, meeting.number, meeting.period.fiscal_year)


@dataclass
class _Member:
    """A province of the meeting, with who presented for it and its usable report."""

    name: str
    presenter: str | None = None
    report: ProvinceReport | None = None


@dataclass
class _Group:
    """The findings of one kind that the meeting's provinces gave about one project."""

    project: Project
    first_position: int
    findings: list[Finding] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    presenters: list[str | None] = field(default_factory=list)
    figures: dict[str, list[wording.Figure]] = field(default_factory=dict)
    # Province → the quarters in a row its shortfall has been reported (the longest of its findings).
    quarters: dict[str, int] = field(default_factory=dict)

    def add(self, member: _Member, finding: Finding) -> None:
        self.findings.append(finding)
        self.quarters[member.name] = max(self.quarters.get(member.name, 0), finding.quarters_running)
        if member.name not in self.provinces:
            self.provinces.append(member.name)
            self.presenters.append(member.presenter)
        rows = [_figure(row) for row in finding.figures.all()]
        if rows:
            self.figures.setdefault(member.name, []).extend(rows)

    def figure_text(self, name_provinces: bool) -> str:
        return wording.figures([(name, self.figures.get(name, [])) for name in self.provinces], name_provinces)


def _figure(row: FindingFigure) -> wording.Figure:
    return wording.Figure(row.activity.strip(), row.target, row.result, row.unit.strip())


def build(meeting: FollowUpMeeting) -> dict:
    """The meeting's summary as a plain tree (described above), in a constant number of queries."""
    period = meeting.period
    zones = sorted(meeting.zones.all(), key=lambda zone: zone.number)
    members = _members(meeting, zones)
    names = [member.name for member in members]
    with_reports = [member for member in members if member.report is not None]
    topics = list(meeting.topics.select_related("issue"))
    one_province = not meeting.all_provinces and len(members) == 1

    blocks = [_block("header", "paragraph", _header(meeting, zones, names))]
    blocks += _purposes(meeting, topics)
    blocks += [_block(f"topic-{n}", "topic", topic.title.strip(), number=n) for n, topic in enumerate(topics, 1)]
    next_phrase = wording.next_period(meeting.is_monthly, period.quarter, period.fiscal_year, meeting.month)
    if one_province:
        intro = wording.intro(next_phrase, province=members[0].name, presenter=members[0].presenter)
    else:
        intro = wording.intro(next_phrase)
    blocks.append(_block("intro", "paragraph", intro))

    section1, section2 = [], []
    for number, topic in enumerate(topics, start=1):
        blocks += _section(number, topic, with_reports, one_province, section1, section2)

    return {
        "version": TREE_VERSION,
        "title": meeting.title.strip() or default_title(meeting),
        "date": meeting.held_on.isoformat(),
        "date_th": thai_date(meeting.held_on),
        "zones": [{"number": zone.number, "name": zone.name_th, "region": zone.region_th} for zone in zones],
        "provinces": names,
        "blocks": blocks,
        "section1": section1,
        "section2": section2,
        "missing": [member.name for member in members if member.report is None],
    }


# --- reading the data ---------------------------------------------------------------

_PEOPLE = Person.objects.select_related("position", "province")


def _members(meeting: FollowUpMeeting, zones: list) -> list[_Member]:
    """The meeting's provinces in the document's order, each with its presenter and its usable report."""
    zone_numbers = {zone.pk: zone.number for zone in zones}
    rows = meeting.province_rows.select_related("presenter__position", "presenter__province")
    members = meeting.ordered_members(zone_numbers, rows=rows)
    usable = {
        report.province_id: report
        for report in ProvinceReport.objects.for_summary()
        .filter(period=meeting.period_id, province__in=[province.pk for province, _row in members])
        .prefetch_related(
            Prefetch(
                "findings",
                queryset=Finding.objects.select_related("project")
                .prefetch_related("figures")
                .order_by("position", "pk"),
            )
        )
    }
    return [
        _Member(
            province.name_th,
            row.presenter.name_and_position if row is not None and row.presenter_id else None,
            usable.get(province.pk),
        )
        for province, row in members
    ]


def _groups(members: list[_Member], kind: str, most_provinces_first: bool) -> list[_Group]:
    """Findings of one kind grouped by project, in a deterministic order."""
    groups: dict[int, _Group] = {}
    for position, member in enumerate(members):
        for finding in member.report.findings.all():
            if finding.kind == kind:
                groups.setdefault(finding.project_id, _Group(finding.project, position)).add(member, finding)
    rank = {g.project.pk: n for n, g in enumerate(sorted_thai(groups.values(), key=lambda g: g.project.name_th))}

    def order(group: _Group) -> tuple:
        lead = -len(group.provinces) if most_provinces_first else group.first_position
        return (lead, rank[group.project.pk], group.project.pk)

    return sorted(groups.values(), key=order)


# --- writing the text ------------------------------------------------------------


def _section(number: int, topic: MeetingTopic, members: list[_Member], one_province: bool, section1, section2):
    """The blocks of one topic's section (a numbered heading and its items); the groupings behind the items
    of a shortfalls or best-practices section are added to section1 or section2."""
    key = f"s{number}"
    title = topic.title.strip()
    if topic.kind == MeetingTopic.Kind.SHORTFALLS:
        groups = _groups(members, Finding.Kind.SHORTFALL, most_provinces_first=True)
        texts = [_shortfall_text(group, one_province) for group in groups]
        section1 += [_section1_entry(f"{key}-{n}", group) for n, group in enumerate(groups, start=1)]
        heading, empty = wording.findings_heading(title), wording.NO_SHORTFALLS
    elif topic.kind == MeetingTopic.Kind.BEST_PRACTICES:
        groups = _groups(members, Finding.Kind.BEST_PRACTICE, most_provinces_first=False)
        texts = [_best_practice_text(group) for group in groups]
        section2 += [_section2_entry(f"{key}-{n}", group) for n, group in enumerate(groups, start=1)]
        heading, empty = wording.findings_heading(title), wording.NO_BEST_PRACTICES
    else:
        # A monthly issue or a free topic: the inspector's points, one per line.
        texts, heading, empty = split_points(topic.body), title, None
    blocks = [_block(key, "heading", heading, number=number)]
    blocks += [_block(f"{key}-{n}", "item", text) for n, text in enumerate(texts, start=1)]
    if not texts and empty:
        blocks.append(_block(f"{key}-none", "item", empty))
    return blocks


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


def _zones(zones: list) -> list[wording.Zone]:
    return [wording.Zone(zone.number, zone.name_th, zone.region_th) for zone in zones]


def _header(meeting: FollowUpMeeting, zones: list, names: list[str]) -> str:
    name = meeting_name(meeting)
    platform = meeting.platform.strip()
    online = wording.online(platform) if meeting.mode == FollowUpMeeting.Mode.ONLINE else ""
    if meeting.chair_id is None:
        # Recorded without a chair (the seed's meeting and those before chairs were recorded).
        inspector = meeting.inspector.get_full_name().strip() or meeting.inspector.get_username()
        where = online or f"ณ {wording.place_name(meeting.place)}"
        return wording.seed_header(meeting.held_on, inspector, name, where, _zones(zones), names)
    officials = meeting.officials.select_related("person__position", "person__province")
    chair = _PEOPLE.get(pk=meeting.chair_id)
    return wording.chaired_header(
        meeting.held_on,
        chair.name_and_position,
        name,
        _zones(zones),
        names,
        meeting.all_provinces,
        online,
        [official.person.name_and_position for official in officials],
    )


def _purposes(meeting: FollowUpMeeting, topics: list[MeetingTopic]) -> list[dict]:
    """The purposes (one paragraph, or a lead and numbered purposes), the on-site place and the lead into the topics."""
    purposes = [_without_lead(point) for point in split_points(meeting.purpose)]
    # The seed's meeting (no chair) says where it was held in its header.
    place = meeting.place.strip() if meeting.mode == FollowUpMeeting.Mode.ON_SITE and meeting.chair_id else ""
    issues_only = bool(topics) and all(topic.kind == MeetingTopic.Kind.MONTHLY_ISSUE for topic in topics)
    lead = wording.topics_lead(issues_only, meeting.month)
    if len(purposes) <= 1:
        return [_block("purpose", "paragraph", wording.one_purpose("".join(purposes), place, lead))]
    return [
        _block("purpose", "paragraph", wording.PURPOSE_LEAD),
        *(_block(f"purpose-{n}", "purpose", text, number=n) for n, text in enumerate(purposes, start=1)),
        _block("purposes-close", "paragraph", wording.after_purposes(place, lead)),
    ]


def _without_lead(purpose: str) -> str:
    if purpose.startswith(wording.PURPOSE_LEAD):
        return purpose[len(wording.PURPOSE_LEAD) :].strip()
    return purpose


def _points(texts: Iterable[str]) -> list[str]:
    return unique(point for text in texts for point in split_points(text))


def _one_line(text: str) -> str:
    return " ".join((text or "").split())


def _shortfall_text(group: _Group, one_province: bool) -> str:
    return wording.shortfall(
        group.project.name_th,
        None if one_province else group.provinces,
        group.figure_text(name_provinces=len(group.provinces) > 1),
        _points(finding.problems for finding in group.findings),
        _points(finding.causes for finding in group.findings),
        _points(finding.measures for finding in group.findings),
        running=wording.running(
            [(name, group.quarters.get(name, 1)) for name in group.provinces],
            name_provinces=not one_province and len(group.provinces) > 1,
        ),
    )


def _titles(group: _Group) -> list[str]:
    return unique(_one_line(finding.title) for finding in group.findings if finding.title.strip())


def _best_practice_text(group: _Group) -> str:
    details = unique(
        _one_line(f"{finding.what_done} {finding.achieved}")
        for finding in group.findings
        if (finding.what_done + finding.achieved).strip()
    )
    return wording.best_practice(
        wording.presenters(group.provinces, group.presenters),
        _titles(group),
        group.project.name_th,
        details,
        group.figure_text(name_provinces=len(group.provinces) > 1),
    )


def _section1_entry(key: str, group: _Group) -> dict:
    return {
        "key": key,
        "project_id": group.project.pk,
        "project": group.project.name_th,
        "provinces": group.provinces,
        "count": len(group.provinces),
        "problems": _points(finding.problems for finding in group.findings),
    }


def _section2_entry(key: str, group: _Group) -> dict:
    return {
        "key": key,
        "project_id": group.project.pk,
        "project": group.project.name_th,
        "provinces": group.provinces,
        "titles": _titles(group),
    }
