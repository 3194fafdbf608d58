import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from reports.models import Project, ReportingPeriod

pytestmark = pytest.mark.django_db
D = datetime.date


def test_dates_are_derived_and_the_default_deadline_follows_the_quarter(settings):
    settings.DEFAULT_DEADLINE_DAYS = 15
    period = ReportingPeriod.objects.create(fiscal_year=2564, quarter=3)
    assert (period.start_date, period.end_date) == (D(2021, 4, 1), D(2021, 6, 30))
    assert period.deadline == D(2021, 7, 15)
    assert str(period) == "ไตรมาส 3 ปีงบประมาณ 2564"


def test_an_explicit_deadline_is_kept():
    period = ReportingPeriod.objects.create(fiscal_year=2564, quarter=1, deadline=D(2021, 1, 10))
    assert period.deadline == D(2021, 1, 10)


def test_deadline_far_before_the_end_is_invalid():
    period = ReportingPeriod(fiscal_year=2564, quarter=1, deadline=D(2020, 10, 5))
    with pytest.raises(ValidationError) as error:
        period.full_clean()
    assert "deadline" in error.value.message_dict


def test_one_period_per_quarter():
    ReportingPeriod.objects.create(fiscal_year=2564, quarter=2)
    with pytest.raises(IntegrityError):
        ReportingPeriod.objects.create(fiscal_year=2564, quarter=2)


def test_for_date_finds_the_period_at_its_edges():
    q1 = ReportingPeriod.objects.create(fiscal_year=2564, quarter=1)
    q2 = ReportingPeriod.objects.create(fiscal_year=2564, quarter=2)
    assert ReportingPeriod.objects.for_date(D(2020, 12, 31)) == q1
    assert ReportingPeriod.objects.for_date(D(2021, 1, 1)) == q2
    assert ReportingPeriod.objects.for_date(D(2021, 4, 1)) is None


def test_days_left_and_deadline_passed():
    period = ReportingPeriod.objects.create(fiscal_year=2564, quarter=3, deadline=D(2021, 7, 15))
    assert period.days_left(D(2021, 7, 10)) == 5
    assert not period.deadline_passed(D(2021, 7, 15))
    assert period.deadline_passed(D(2021, 7, 16))


def test_projects_active_in_a_fiscal_year():
    ongoing = Project.objects.create(name_th="โครงการต่อเนื่อง", first_fiscal_year=2563)
    ended = Project.objects.create(name_th="โครงการที่จบแล้ว", first_fiscal_year=2560, last_fiscal_year=2563)
    future = Project.objects.create(name_th="โครงการใหม่", first_fiscal_year=2566)
    assert list(Project.objects.active_in(2564)) == [ongoing]
    assert set(Project.objects.active_in(2563)) == {ongoing, ended}
    assert future not in Project.objects.active_in(2565)
    bad = Project(name_th="ผิด", first_fiscal_year=2565, last_fiscal_year=2564)
    with pytest.raises(ValidationError):
        bad.full_clean()
