"""National-scale data for the benchmark (`manage.py load_bench_data`), in bulk.

`build()` fills an empty database with every province × `years` finished fiscal years ×
4 quarters of reports (plus the current quarter's drafts and submissions), their findings
with figures, attachments' metadata (a few tiny stored files shared by many rows),
officers, inspectors and their assignments per year, a head of inspectors and an
administrator, a follow-up meeting per zone per quarter and one national meeting.

Every meeting's summary is built, and published as data (but for the latest quarter's meetings
of zones 6, 12 and 18, left as drafts) (what the page, the print view and
the downloads read). The Word and PDF files are rendered and stored, as publishing does,
only for the national meeting and a sample (`rendered`, by default the latest quarter's
meeting of zone 1): rendering hundreds of PDFs would take far longer than the rest. The other
published summaries get their files at their first download, once (meetings/documents.py).

The texts are the seed's and the demo's (shared/seed, reports/demo.py) recombined into
realistic lengths. Sizes are parameters so that the tests build the same on a tiny scale.
Everything goes in with bulk_create, so simple-history keeps no history rows for it.
"""

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from library import indexing as library_indexing
from meetings import documents, summary
from meetings.models import FollowUpMeeting, MeetingTopic
from provinces import reference, roles
from provinces.models import InspectionZone, InspectorAssignment, Province, ProvincialOfficer
from reports import demo, fiscal
from reports.models import (
    Attachment,
    Finding,
    FindingFigure,
    ProblemCategory,
    Project,
    ProvinceReport,
    ReportingPeriod,
    ReviewEvent,
)

# The bench's accounts: one password for all (its hash is computed once).
PASSWORD = "bench-load-2570-portal"
ADMIN_USERNAME = "bench_admin"
HEAD_USERNAME = "bench_head"


def officer_username(province: Province) -> str:
    return f"bench_officer_{province.iso_code[3:]}"


def inspector_username(zone_number: int) -> str:
    return f"bench_inspector_{zone_number:02d}"


# Projects beyond the demo's seven, so that a zone's summary groups like the department's.
EXTRA_PROJECTS = {
    "โครงการหมู่บ้านเศรษฐกิจพอเพียง": "หมู่บ้านเศรษฐกิจพอเพียง",
    "การขับเคลื่อนกองทุนหมู่บ้านและชุมชนเมือง": "กองทุนหมู่บ้าน",
    "โครงการพัฒนาผลิตภัณฑ์ชุมชน OTOP สู่สากล": "OTOP",
    "การจัดเก็บข้อมูลความจำเป็นพื้นฐาน (จปฐ.) และข้อมูลพื้นฐานระดับหมู่บ้าน (กชช. 2ค)": "จปฐ./กชช. 2ค",
    "โครงการเสริมสร้างความเข้มแข็งกองทุนแม่ของแผ่นดิน": "กองทุนแม่ของแผ่นดิน",
}

UNITS = ("แปลง", "ครัวเรือน", "ราย", "หมู่บ้าน", "บาท", "กลุ่ม", "คน")
ACTIVITIES = ("ระยะที่ 1 ระดับครัวเรือน", "ระยะที่ 2 ระดับชุมชน", "งานขุดดิน", "การเบิกจ่ายงบประมาณ", "การติดตามลูกหนี้")
ATTACHMENT_NAMES = (
    ("ภาพกิจกรรมโคก หนอง นา.jpg", "image/jpeg"),
    ("รายงานผลการดำเนินงานไตรมาส.pdf", "application/pdf"),
    ("ตารางสรุปผลการเบิกจ่าย.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("บันทึกการประชุม ศอช.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
)


def fragments() -> list[str]:
    """Thai sentences of the seed's reports (the demo's findings and report texts), to recombine."""
    pieces: list[str] = []
    for item in (
        demo.KHOK_NONG_NA_SHORTFALL,
        demo.WOMEN_FUND_SHORTFALL,
        demo.COORDINATION_CENTRE_SHORTFALL,
    ):
        for text in (item.problems, item.causes, item.measures):
            pieces += [line.split(") ", 1)[-1] for line in text.splitlines()]
    for item in (
        demo.KHOK_NONG_NA_TOURISM,
        demo.SAFE_VEGETABLES,
        demo.WOMEN_FUND_DEBTS,
        demo.LEADERS_OF_CHANGE,
        demo.LOCAL_TEXTILES,
        demo.POOR_HOUSEHOLD_DATA,
    ):
        pieces += [item.what_done, item.achieved]
    for seed in demo.REPORTS.values():
        pieces += [seed.overall_results, seed.achievements, seed.next_steps]
    return [piece.strip() for piece in pieces if len(piece.strip()) > 20]


def best_practice_titles() -> list[str]:
    return [
        item.title
        for item in (
            demo.KHOK_NONG_NA_TOURISM,
            demo.SAFE_VEGETABLES,
            demo.WOMEN_FUND_DEBTS,
            demo.LEADERS_OF_CHANGE,
            demo.LOCAL_TEXTILES,
            demo.POOR_HOUSEHOLD_DATA,
        )
    ]


class NotEmpty(Exception):
    """The database holds reports already: the bench's data goes into an empty one."""


@dataclass
class Sizes:
    years: int = 10  # finished fiscal years, ending with the last finished one
    provinces: int | None = None  # None: every province in a zone
    shortfalls: tuple[int, int] = (2, 4)  # per report, at least / at most
    best_practices: tuple[int, int] = (2, 4)
    rendered: str = "sample"  # which published meetings get their files now: "none", "national", "sample"
    current_quarter: bool = True  # the quarter under way: drafts and submissions
    seed: int = 2570


@dataclass
class Result:
    counts: dict[str, int] = field(default_factory=dict)
    rendered: list[int] = field(default_factory=list)  # meetings whose Word and PDF are stored
    national: int | None = None  # the national meeting's pk
    drafts: list[int] = field(default_factory=list)  # meetings left unpublished (of the latest quarter)
    accounts: dict[str, str] = field(default_factory=dict)  # role → a username


def build(sizes: Sizes | None = None, today: datetime.date | None = None, log=lambda message: None) -> Result:
    """Fill an empty database (raises NotEmpty otherwise); return what was made."""
    sizes = sizes or Sizes()
    today = today or timezone.localdate()
    if ProvinceReport.objects.exists() or FollowUpMeeting.objects.exists():
        raise NotEmpty(
            _(
                "The database already holds reports or meetings: load_bench_data fills an empty database "
                "(make bench creates its own, bench_ip). Drop and create it again, then migrate."
            )
        )
    rng = random.Random(sizes.seed)
    result = Result()
    with transaction.atomic():
        builder = _Builder(sizes, today, rng, result, log)
        builder.run()
        # Bulk inserts send no signals: the library's search index is written in one pass.
        log(f"search index: {library_indexing.reindex()} findings")
    # Rendering happens after the data is committed, each in its own transaction as in production.
    builder.render_files()
    return result


class _Builder:
    def __init__(self, sizes: Sizes, today: datetime.date, rng: random.Random, result: Result, log) -> None:
        self.sizes, self.today, self.rng, self.result, self.log = sizes, today, rng, result, log
        self.texts = fragments()
        self.titles = best_practice_titles()
        self.password = make_password(PASSWORD)
        self.drafts: list[int] = []

    def count(self, model, number: int) -> None:
        label = model._meta.label
        self.result.counts[label] = self.result.counts.get(label, 0) + number

    def run(self) -> None:
        if not InspectionZone.objects.exists():
            reference.load(InspectionZone, Province)
        provinces = list(Province.objects.filter(zone__isnull=False).select_related("zone").order_by("iso_code"))
        if self.sizes.provinces is not None:
            provinces = provinces[: self.sizes.provinces]
        self.provinces = provinces
        self.zones = sorted({p.zone_id: p.zone for p in provinces}.values(), key=lambda zone: zone.number)
        current_year, current_quarter = fiscal.period_of(self.today)
        years = list(range(current_year - self.sizes.years, current_year))
        self.years = years
        self.projects = self._projects(years[0])
        self.categories = self._categories()
        self._users(years + [current_year])
        self.log("accounts made")
        periods = self._periods(years, (current_year, current_quarter))
        finished = [p for p in periods if p.end_date < self.today and p.fiscal_year in years]
        self._reports(finished, [p for p in periods if p not in finished])
        self.log(f"reports made: {self.result.counts.get('reports.ProvinceReport', 0)}")
        self._meetings(finished)
        self.log(f"meetings made and published: {self.result.counts.get('meetings.FollowUpMeeting', 0)}")

    # --- reference data and people --------------------------------------------------------

    def _projects(self, first_year: int) -> list[Project]:
        wanted = {name: short for name, (short, _en) in demo.PROJECTS.items()} | EXTRA_PROJECTS
        existing = set(Project.objects.filter(name_th__in=wanted).values_list("name_th", flat=True))
        new = [
            Project(name_th=name, short_name=short, first_fiscal_year=first_year)
            for name, short in wanted.items()
            if name not in existing
        ]
        Project.objects.bulk_create(new)
        Project.objects.filter(name_th__in=wanted, first_fiscal_year__gt=first_year).update(
            first_fiscal_year=first_year
        )
        self.count(Project, len(new))
        return list(Project.objects.filter(name_th__in=wanted).order_by("pk"))

    def _categories(self) -> list[ProblemCategory]:
        for position, name in enumerate(demo.CATEGORIES, start=1):
            ProblemCategory.objects.get_or_create(name=name, defaults={"position": position})
        return list(ProblemCategory.objects.filter(name__in=demo.CATEGORIES))

    def _users(self, years: list[int]) -> None:
        User = get_user_model()
        roles.sync_groups()
        wanted = [(officer_username(p), f"เจ้าหน้าที่พัฒนาชุมชน จังหวัด{p.name_th}", False) for p in self.provinces]
        wanted += [(inspector_username(z.number), f"ผู้ตรวจราชการ เขต{z.number}", False) for z in self.zones]
        wanted += [(HEAD_USERNAME, "หัวหน้าผู้ตรวจราชการกรม", False), (ADMIN_USERNAME, "ผู้ดูแลระบบ", True)]
        existing = set(User.objects.filter(username__in=[w[0] for w in wanted]).values_list("username", flat=True))
        new = []
        for username, name, is_admin in wanted:
            if username in existing:
                continue
            first, _space, last = name.partition(" ")
            new.append(
                User(
                    username=username,
                    first_name=first,
                    last_name=last,
                    email=f"{username}@example.org",
                    password=self.password,
                    is_staff=is_admin,
                    is_superuser=is_admin,
                )
            )
        User.objects.bulk_create(new)
        self.count(User, len(new))
        self.users = {user.username: user for user in User.objects.filter(username__in=[w[0] for w in wanted])}
        officers = [
            ProvincialOfficer(user=self.users[officer_username(p)], province=p)
            for p in self.provinces
            if not ProvincialOfficer.objects.filter(user=self.users[officer_username(p)]).exists()
        ]
        ProvincialOfficer.objects.bulk_create(officers)
        self.count(ProvincialOfficer, len(officers))
        assignments = [
            InspectorAssignment(user=self.users[inspector_username(z.number)], zone=z, fiscal_year=year)
            for z in self.zones
            for year in years
        ]
        InspectorAssignment.objects.bulk_create(assignments, ignore_conflicts=True)
        self.count(InspectorAssignment, len(assignments))
        Group.objects.get(name=roles.HEAD_OF_INSPECTORS).user_set.add(self.users[HEAD_USERNAME])
        Group.objects.get(name=roles.PORTAL_ADMINISTRATORS).user_set.add(self.users[ADMIN_USERNAME])
        self.result.accounts = {
            "officer": officer_username(self.provinces[0]),
            "inspector": inspector_username(self.zones[0].number),
            "head": HEAD_USERNAME,
            "admin": ADMIN_USERNAME,
        }

    def _periods(self, years: list[int], current: tuple[int, int]) -> list[ReportingPeriod]:
        keys = [(year, quarter) for year in years for quarter in fiscal.QUARTERS]
        if self.sizes.current_quarter:
            keys.append(current)
        existing = set(ReportingPeriod.objects.values_list("fiscal_year", "quarter"))
        recent = set(keys[-5:])
        new = []
        for year, quarter in keys:
            if (year, quarter) in existing:
                continue
            start, end = fiscal.quarter_bounds(year, quarter)
            new.append(
                ReportingPeriod(
                    fiscal_year=year,
                    quarter=quarter,
                    start_date=start,
                    end_date=end,
                    deadline=ReportingPeriod.default_deadline(end),
                    is_open=(year, quarter) in recent,
                )
            )
        ReportingPeriod.objects.bulk_create(new)
        self.count(ReportingPeriod, len(new))
        periods = {(p.fiscal_year, p.quarter): p for p in ReportingPeriod.objects.all()}
        return [periods[key] for key in keys]

    # --- reports ---------------------------------------------------------------------------

    def _text(self, parts: tuple[int, int], numbered: bool = True) -> str:
        """A few of the seed's sentences, numbered 1) 2) … when there are several, as officers write them."""
        chosen = self.rng.sample(self.texts, self.rng.randint(*parts))
        if numbered and len(chosen) > 1:
            return "\n".join(f"{n}) {text}" for n, text in enumerate(chosen, 1))
        return " ".join(chosen)

    def _status(self, age: int) -> str | None:
        """A finished quarter's report status; `age` 0 is the latest finished quarter. None: no report."""
        roll = self.rng.random()
        if age >= 4:
            return None if roll < 0.01 else ProvinceReport.Status.ACCEPTED
        if roll < 0.05:
            return None
        if roll < 0.08:
            return ProvinceReport.Status.DRAFT
        if roll < 0.13:
            return ProvinceReport.Status.RETURNED
        if roll < 0.20 and age < 2:
            return ProvinceReport.Status.SUBMITTED
        return ProvinceReport.Status.ACCEPTED

    def _reports(self, finished: list[ReportingPeriod], current: list[ReportingPeriod]) -> None:
        S = ProvinceReport.Status
        tz = timezone.get_current_timezone()
        plans = []  # (report, officer, inspector, submitted_at, reviewed_at)
        for age, period in enumerate(reversed(finished)):
            for province in self.provinces:
                status = self._status(age)
                if status is not None:
                    plans.append((period, province, status))
        for period in current:
            for province in self.provinces:
                roll = self.rng.random()
                if roll < 0.4:
                    continue
                plans.append((period, province, S.DRAFT if roll < 0.8 else S.SUBMITTED))
        reports = []
        for period, province, status in plans:
            officer = self.users[officer_username(province)]
            inspector = self.users[inspector_username(province.zone.number)]
            late = status != S.DRAFT and self.rng.random() < 0.08
            day = period.deadline + datetime.timedelta(
                days=self.rng.randint(1, 12) if late else -self.rng.randint(0, 20)
            )
            if day > self.today:
                day = self.today
            submitted_at = datetime.datetime.combine(
                day, datetime.time(self.rng.randint(8, 16), self.rng.randint(0, 59))
            )
            submitted_at = timezone.make_aware(submitted_at, tz)
            reviewed_at = submitted_at + datetime.timedelta(days=self.rng.randint(1, 10), hours=2)
            if reviewed_at > timezone.now():
                reviewed_at = timezone.now()
            was_submitted = status != S.DRAFT
            reviewed = status in (S.ACCEPTED, S.RETURNED)
            reports.append(
                ProvinceReport(
                    province=province,
                    period=period,
                    zone=province.zone,
                    status=status,
                    overall_results=self._text((2, 4), numbered=False),
                    achievements=self._text((1, 3), numbered=False),
                    next_steps=self._text((1, 3), numbered=False),
                    version=3 if reviewed else 2,
                    updated_by=officer,
                    submitted_at=submitted_at if was_submitted else None,
                    submitted_by=officer if was_submitted else None,
                    is_late=late,
                    reviewed_at=reviewed_at if reviewed else None,
                    reviewed_by=inspector if reviewed else None,
                    return_comment=self._text((1, 2)) if status == S.RETURNED else "",
                )
            )
        ProvinceReport.objects.bulk_create(reports, batch_size=500)
        self.count(ProvinceReport, len(reports))
        self._findings(reports)
        self._events(reports)
        self._attachments(reports)

    def _findings(self, reports: list[ProvinceReport]) -> None:
        findings = []
        for report in reports:
            position = 0
            for _n in range(self.rng.randint(*self.sizes.shortfalls)):
                findings.append(
                    Finding(
                        report=report,
                        project=self.rng.choice(self.projects),
                        kind=Finding.Kind.SHORTFALL,
                        problems=self._text((1, 3)),
                        causes=self._text((1, 2)),
                        measures=self._text((1, 2)),
                        position=position,
                    )
                )
                position += 1
            for _n in range(self.rng.randint(*self.sizes.best_practices)):
                findings.append(
                    Finding(
                        report=report,
                        project=self.rng.choice(self.projects),
                        kind=Finding.Kind.BEST_PRACTICE,
                        title=self.rng.choice(self.titles),
                        what_done=self._text((1, 2)),
                        achieved=self._text((1, 2)),
                        position=position,
                    )
                )
                position += 1
        Finding.objects.bulk_create(findings, batch_size=1000)
        self.count(Finding, len(findings))
        through = Finding.categories.through
        links, figures = [], []
        for finding in findings:
            if finding.kind == Finding.Kind.SHORTFALL:
                for category in self.rng.sample(self.categories, self.rng.randint(1, 2)):
                    links.append(through(finding_id=finding.pk, problemcategory_id=category.pk))
                rows = self.rng.randint(1, 3)
            else:
                rows = self.rng.randint(0, 1)
            for position in range(rows):
                target = Decimal(self.rng.choice((10, 25, 50, 100, 120, 500, 1000, 250000)))
                share = Decimal(self.rng.randint(40, 120)) / 100
                figures.append(
                    FindingFigure(
                        finding=finding,
                        activity=self.rng.choice(ACTIVITIES),
                        target=target,
                        result=(target * share).quantize(Decimal("1")),
                        unit=self.rng.choice(UNITS),
                        position=position,
                    )
                )
        through.objects.bulk_create(links, batch_size=2000)
        FindingFigure.objects.bulk_create(figures, batch_size=2000)
        self.count(FindingFigure, len(figures))
        self.findings_of: dict[int, list[Finding]] = {}
        for finding in findings:
            self.findings_of.setdefault(finding.report_id, []).append(finding)
        self.figures_of: dict[int, list[FindingFigure]] = {}
        for figure in figures:
            self.figures_of.setdefault(figure.finding_id, []).append(figure)

    def _snapshot(self, report: ProvinceReport) -> dict:
        """ProvinceReport.content_snapshot, computed from what is in memory."""
        projects = {project.pk: str(project) for project in self.projects}
        findings = []
        for finding in self.findings_of.get(report.pk, []):
            figures = "\n".join(figure.as_line() for figure in self.figures_of.get(finding.pk, []))
            texts = {name: str(getattr(finding, name) or "") for name in ("title", "problems", "causes", "measures")}
            texts |= {name: str(getattr(finding, name) or "") for name in ("what_done", "achieved")}
            findings.append(
                {"kind": finding.kind, "project": projects[finding.project_id], **texts, "figures": figures}
            )
        fields = ("overall_results", "achievements", "next_steps", "no_shortfalls", "no_best_practices")
        return {**{name: getattr(report, name) for name in fields}, "findings": findings}

    def _events(self, reports: list[ProvinceReport]) -> None:
        S, A = ProvinceReport.Status, ReviewEvent.Action
        events = []
        for report in reports:
            if report.submitted_at is None:
                continue
            events.append(
                ReviewEvent(
                    report=report,
                    action=A.SUBMITTED,
                    by=report.submitted_by,
                    at=report.submitted_at,
                    content=self._snapshot(report),
                )
            )
            if report.status in (S.ACCEPTED, S.RETURNED):
                action = A.ACCEPTED if report.status == S.ACCEPTED else A.RETURNED
                events.append(
                    ReviewEvent(
                        report=report,
                        action=action,
                        by=report.reviewed_by,
                        at=report.reviewed_at,
                        comment=report.return_comment,
                    )
                )
        ReviewEvent.objects.bulk_create(events, batch_size=500)
        self.count(ReviewEvent, len(events))

    def _attachments(self, reports: list[ProvinceReport]) -> None:
        """One or two attachments a report, whose rows point at a few tiny stored files."""
        stored = []
        for number, (name, content_type) in enumerate(ATTACHMENT_NAMES):
            path = f"attachments/bench/sample-{number}{name[name.rfind('.') :]}"
            if not default_storage.exists(path):
                path = default_storage.save(path, ContentFile(f"bench attachment {number}\n".encode()))
            stored.append((path, name, content_type, default_storage.size(path)))
        rows = []
        for report in reports:
            for path, name, content_type, size in self.rng.sample(stored, self.rng.randint(1, 2)):
                rows.append(
                    Attachment(
                        report=report,
                        file=path,
                        original_name=name,
                        content_type=content_type,
                        size=size,
                        uploaded_by=report.updated_by,
                        uploaded_at=report.submitted_at or timezone.now(),
                    )
                )
        Attachment.objects.bulk_create(rows, batch_size=2000)
        self.count(Attachment, len(rows))

    # --- meetings --------------------------------------------------------------------------

    def _meetings(self, finished: list[ReportingPeriod]) -> None:
        admin = self.users[ADMIN_USERNAME]
        meetings, zone_links, topics = [], [], []
        through = FollowUpMeeting.zones.through

        def add(period, zones, inspector):
            meeting = FollowUpMeeting(
                period=period,
                number=period.quarter,
                inspector=inspector,
                held_on=period.deadline + datetime.timedelta(days=7),
                mode=FollowUpMeeting.Mode.ONLINE,
                platform="ZOOM Meeting",
                purpose=summary.default_purpose(period),
            )
            meetings.append((meeting, zones))

        for period in finished:
            for zone in self.zones:
                add(period, [zone], self.users[inspector_username(zone.number)])
        national_period = finished[-1]
        add(national_period, self.zones, admin)
        FollowUpMeeting.objects.bulk_create([m for m, _z in meetings], batch_size=500)
        for meeting, zones in meetings:
            zone_links += [through(followupmeeting_id=meeting.pk, inspectionzone_id=zone.pk) for zone in zones]
            topics += [
                MeetingTopic(
                    meeting=meeting,
                    position=0,
                    kind=MeetingTopic.Kind.SHORTFALLS,
                    title=summary.DEFAULT_TOPIC_SHORTFALLS,
                ),
                MeetingTopic(
                    meeting=meeting,
                    position=1,
                    kind=MeetingTopic.Kind.BEST_PRACTICES,
                    title=summary.DEFAULT_TOPIC_BEST_PRACTICES,
                ),
            ]
        through.objects.bulk_create(zone_links, batch_size=2000)
        MeetingTopic.objects.bulk_create(topics, batch_size=2000)
        self.count(FollowUpMeeting, len(meetings))
        # Every summary built and published as data; the national one is published by documents.publish (render_files).
        national = meetings[-1][0]
        national_period = meetings[-1][0].period
        for meeting, zones in meetings[:-1]:
            tree = summary.build(meeting)
            meeting.draft = tree
            if meeting.period_id == national_period.pk and zones[0].number % 6 == 0:
                # A few of the latest quarter's meetings are still drafts (zones 6, 12, 18): the draft downloads.
                self.drafts.append(meeting.pk)
                continue
            meeting.published = tree
            meeting.published_at = timezone.make_aware(
                datetime.datetime.combine(meeting.held_on + datetime.timedelta(days=3), datetime.time(15))
            )
            meeting.published_by = meeting.inspector
        FollowUpMeeting.objects.bulk_update(
            [meeting for meeting, _zones in meetings[:-1]],
            ["draft", "published", "published_at", "published_by"],
            batch_size=100,
        )
        self.result.drafts = list(self.drafts)
        self.result.national = national.pk
        latest = [m for m, _z in meetings[:-1] if m.period_id == national_period.pk and m.published is not None]
        self.sample = latest[0] if latest else None

    def render_files(self) -> None:
        """Publish the national meeting as the portal does (files rendered and stored, notices sent), and store the
        sample's files; the other published summaries get theirs at their first download."""
        if self.result.national is None:
            return
        national = FollowUpMeeting.objects.get(pk=self.result.national)
        admin = self.users[ADMIN_USERNAME]
        if self.sizes.rendered == "none":
            national.publish(by=admin)
            return
        documents.publish(national, by=admin)
        self.result.rendered.append(national.pk)
        self.log("national meeting published with its Word and PDF files")
        if self.sizes.rendered == "sample" and self.sample is not None:
            for fmt in documents.FORMATS.values():
                documents.published_file(self.sample, fmt)
            self.result.rendered.append(self.sample.pk)
            self.log(f"meeting {self.sample.pk}: Word and PDF files stored")


def summary_of_counts(result: Result) -> list[str]:
    """The counts as lines "reports.ProvinceReport: 3040" for the command's output."""
    return [f"{label}: {number}" for label, number in sorted(result.counts.items())]


def media_root() -> str:
    return str(settings.MEDIA_ROOT)
