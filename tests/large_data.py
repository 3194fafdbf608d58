"""National-scale data for query-count tests: every province × 3 fiscal years × 4 quarters of reports.

Use the `large_data` fixture in a test module (import it there, or from a conftest):

    from tests.large_data import large_data  # noqa: F401  (the fixture)

    def test_page(client, large_data, ...):
        ...

It is built once per module with bulk_create inside a transaction that is rolled back at
the module's end, so nothing leaks into other tests' databases; each test's own changes
are rolled back to a savepoint as usual (pytest-django's `db`). Do not mix it with
transactional tests (`transactional_db`, `live_server`) in the same module: their flush
would remove it.
"""

import contextlib
import datetime
from dataclasses import dataclass

import pytest
from django.db import connection, transaction
from django.utils import timezone

from provinces import reference
from provinces.models import InspectionZone, Province
from reports.models import Finding, FindingFigure, Project, ProvinceReport, ReportingPeriod

FISCAL_YEARS = (2563, 2564, 2565)
Status = ProvinceReport.Status
# Cycled over the reports; every seventh province-quarter has no report at all.
STATUSES = (Status.ACCEPTED, Status.SUBMITTED, Status.RETURNED, Status.ACCEPTED, Status.DRAFT, Status.ACCEPTED)


@dataclass
class LargeData:
    periods: list[ReportingPeriod]
    projects: list[Project]
    reports: int
    findings: int
    figures: int


def build(fiscal_years: tuple[int, ...] = FISCAL_YEARS) -> LargeData:
    """The data, written with a handful of bulk inserts (about 900 reports, 1,800 findings and figures)."""
    reference.load(InspectionZone, Province)  # transactional tests elsewhere may have flushed the reference rows
    periods = [
        ReportingPeriod.objects.create(fiscal_year=year, quarter=quarter, is_open=False)
        for year in fiscal_years
        for quarter in (1, 2, 3, 4)
    ]
    projects = Project.objects.bulk_create(
        Project(name_th=f"โครงการข้อมูลจำนวนมากที่ {number}", first_fiscal_year=2560) for number in range(1, 7)
    )
    provinces = list(Province.objects.order_by("pk"))
    reports = []
    for p_index, province in enumerate(provinces):
        for q_index, period in enumerate(periods):
            turn = p_index + q_index
            if turn % 7 == 0:
                continue
            status = STATUSES[turn % len(STATUSES)]
            submitted = None
            if status != Status.DRAFT:
                day = period.deadline + datetime.timedelta(days=(turn % 5) - 3)  # some after the deadline
                submitted = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
            reports.append(
                ProvinceReport(
                    province=province,
                    period=period,
                    zone_id=province.zone_id,
                    status=status,
                    overall_results="ผลการดำเนินงานโดยรวม",
                    submitted_at=submitted,
                    is_late=submitted is not None and timezone.localdate(submitted) > period.deadline,
                )
            )
    reports = ProvinceReport.objects.bulk_create(reports, batch_size=500)
    findings = []
    for index, report in enumerate(reports):
        findings.append(
            Finding(
                report=report,
                project=projects[index % len(projects)],
                kind=Finding.Kind.SHORTFALL,
                problems="ปัญหา",
                causes="ข้อจำกัด",
                measures="แนวทางแก้ไข",
            )
        )
        findings.append(
            Finding(
                report=report,
                project=projects[(index + 3) % len(projects)],
                kind=Finding.Kind.BEST_PRACTICE,
                title="แบบอย่างที่ดี",
                what_done="สิ่งที่ทำ",
                achieved="ผลที่ได้",
                position=1,
            )
        )
    findings = Finding.objects.bulk_create(findings, batch_size=500)
    figures = FindingFigure.objects.bulk_create(
        (
            FindingFigure(finding=finding, activity="ระยะที่ 1", target=100, result=80 + index % 40, unit="ครัวเรือน")
            for index, finding in enumerate(findings)
        ),
        batch_size=500,
    )
    return LargeData(periods, projects, len(reports), len(findings), len(figures))


@contextlib.contextmanager
def rolled_back(django_db_blocker):
    """A module fixture's data: written inside one transaction rolled back when the module is done.

    The connection is closed with it: left open, PostgreSQL's test database could not be dropped at the
    end of the run ("accessed by other users"). The next test opens a fresh one.
    """
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield
            transaction.set_rollback(True)
        connection.close()


@pytest.fixture(scope="module")
def large_data(django_db_setup, django_db_blocker):
    """The national-scale data, once per module, rolled back when the module's tests are done."""
    with rolled_back(django_db_blocker):
        yield build()
