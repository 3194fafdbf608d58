"""The trends' numbers are kept in the cache per version of the data (trends/cached.py): a change shows at once."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from provinces.models import InspectionZone, Province
from reports.models import Finding, FindingFigure, ProvinceReport
from tests import factories
from tests.test_trends import NATIONAL, OVERVIEW, _rows
from trends import cached

Status = ProvinceReport.Status


@pytest.fixture
def q3(geography):
    return factories.period(2564, 3, deadline=timezone.localdate() + datetime.timedelta(days=30))


def _zone(response, number: int):
    return next(s for s in response.context["statuses"] if s.zone and s.zone.number == number)


def _national(client, period):
    zone = _zone(client.get(NATIONAL, {"period": period.pk, "years": 1}), 12)
    return zone.provinces, zone.submitted, zone.accepted, zone.returned


def test_submission_acceptance_and_return_show_on_the_next_request(client, head_of_inspectors, inspector, q3):
    khon_kaen = factories.complete_report("ขอนแก่น", q3)
    kalasin = factories.complete_report("กาฬสินธุ์", q3)
    client.force_login(head_of_inspectors)
    assert _national(client, q3) == (4, 0, 0, 0)
    assert _national(client, q3) == (4, 0, 0, 0)  # from the cache
    khon_kaen.submit(by=inspector)
    assert _national(client, q3) == (4, 1, 0, 0)
    khon_kaen.accept(by=inspector)
    assert _national(client, q3) == (4, 0, 1, 0)
    kalasin.submit(by=inspector)
    kalasin.return_to_province("เพิ่มรายละเอียด", by=inspector)
    assert _national(client, q3) == (4, 0, 1, 1)
    client.force_login(inspector)
    assert _rows(client.get(OVERVIEW, {"until": 2564, "years": 1}), "submissions")[0][1:3] == [8, 2]


def test_a_changed_figure_or_moved_province_shows_on_the_next_request(client, head_of_inspectors, inspector, q3):
    report = factories.complete_report("ขอนแก่น", q3)
    report.submit(by=inspector)
    finding = report.findings.get(kind=Finding.Kind.SHORTFALL)
    client.force_login(head_of_inspectors)
    params = {"until": 2564, "years": 1}
    assert _rows(client.get(OVERVIEW, params), "figures")[0][1] == 0
    figure = FindingFigure.objects.create(finding=finding, target=10, result=5, unit="แปลง")
    assert _rows(client.get(OVERVIEW, params), "figures")[0][1:4] == [1, 0, 1]
    # An edit in place goes through the report's form or the admin, which move the report's version.
    FindingFigure.objects.filter(pk=figure.pk).update(result=12)
    report.bump_version()
    assert _rows(client.get(OVERVIEW, params), "figures")[0][1:4] == [1, 1, 0]
    # A province moved to another zone is in the province's history.
    province = Province.objects.get(name_th="ร้อยเอ็ด")
    province.zone = InspectionZone.objects.get(number=1)
    province.save()
    assert _national(client, q3)[0] == 3


def test_the_key_holds_what_the_page_shows(client, head_of_inspectors, q3, django_assert_num_queries):
    """Another language, scope or quarter is another entry; the version is one query."""
    with django_assert_num_queries(1):
        first = cached.data_version()
    factories.complete_report("ขอนแก่น", q3)
    assert cached.data_version() != first
    built = []
    assert cached.get_or_build(("a", 1), lambda: built.append(1) or "one") == "one"
    assert cached.get_or_build(("a", 1), lambda: built.append(2) or "two") == "one"
    assert cached.get_or_build(("a", 2), lambda: built.append(3) or "three") == "three"
    assert built == [1, 3]
    cache.clear()
