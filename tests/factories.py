"""Small factories for the reports' objects: periods, projects, reports, findings."""

import datetime
import itertools

from django.utils import timezone

from provinces.models import Province
from reports import fiscal
from reports.models import Finding, FindingFigure, ProblemCategory, Project, ProvinceReport, ReportingPeriod

_names = itertools.count(1)


def period(fiscal_year: int = 2564, quarter: int = 3, **fields) -> ReportingPeriod:
    return ReportingPeriod.objects.create(fiscal_year=fiscal_year, quarter=quarter, **fields)


def open_period(today: datetime.date | None = None, days_left: int = 10) -> ReportingPeriod:
    """The period containing today, open, with its deadline `days_left` days away."""
    today = today or timezone.localdate()
    year, quarter = fiscal.period_of(today)
    return period(year, quarter, deadline=today + datetime.timedelta(days=days_left))


def project(name: str | None = None, first_fiscal_year: int = 2560, **fields) -> Project:
    return Project.objects.create(
        name_th=name or f"โครงการทดสอบที่ {next(_names)}", first_fiscal_year=first_fiscal_year, **fields
    )


def category(name: str | None = None) -> ProblemCategory:
    return ProblemCategory.objects.create(name=name or f"หมวดปัญหา {next(_names)}")


def report(province_name: str = "ขอนแก่น", the_period: ReportingPeriod | None = None, **fields) -> ProvinceReport:
    province = Province.objects.get(name_th=province_name)
    the_period = the_period or open_period()
    return ProvinceReport.objects.create(province=province, period=the_period, zone_id=province.zone_id, **fields)


def shortfall(the_report: ProvinceReport, the_project: Project | None = None, **fields) -> Finding:
    values = {"problems": "พื้นที่เปลี่ยนแปลง", "causes": "ขาดใบอนุญาต", "measures": "ประสานหน่วยงาน", **fields}
    return Finding.objects.create(
        report=the_report, project=the_project or project(), kind=Finding.Kind.SHORTFALL, **values
    )


def best_practice(the_report: ProvinceReport, the_project: Project | None = None, **fields) -> Finding:
    values = {"title": "ร้อยใจ รักษ์ ผ้าไทย", "what_done": "รวมกลุ่มทอผ้า", "achieved": "รายได้เพิ่มขึ้น", **fields}
    return Finding.objects.create(
        report=the_report, project=the_project or project(), kind=Finding.Kind.BEST_PRACTICE, **values
    )


def complete_report(province_name: str = "ขอนแก่น", the_period: ReportingPeriod | None = None, **fields):
    """A draft that may be submitted: overall results, one shortfall, one best practice."""
    the_report = report(province_name, the_period, overall_results="ผลการดำเนินงานโดยรวมเป็นไปตามแผน", **fields)
    shortfall(the_report)
    best_practice(the_report)
    return the_report


def figure(the_finding: Finding, target=None, result=None, unit: str = "", activity: str = "", position: int = 0):
    """One figure row of a finding."""
    return FindingFigure.objects.create(
        finding=the_finding, target=target, result=result, unit=unit, activity=activity, position=position
    )
