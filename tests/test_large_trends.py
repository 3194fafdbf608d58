"""The trend pages on national-scale data (tests/large_data.py): the same number of queries as on a handful of rows.

The small-data counts are pinned in tests/test_trends.py with the same constants: a page
whose queries grew with the data would fail one of the two.
"""

import pytest
from django.urls import reverse

from provinces.models import Province
from reports.models import ProvinceReport
from tests.conftest import make_inspector
from tests.large_data import FISCAL_YEARS, large_data  # noqa: F401  (the fixture)
from tests.test_trends import (
    DOWNLOAD_QUERIES,
    NATIONAL,
    NATIONAL_QUERIES,
    OVERVIEW,
    OVERVIEW_QUERIES,
    ZONE_QUERIES,
)

pytestmark = pytest.mark.usefixtures("large_data")
LAST_YEAR = FISCAL_YEARS[-1]
FILTERS = {"until": LAST_YEAR, "years": len(FISCAL_YEARS)}


@pytest.fixture
def zone_inspector(db):
    """Inspector of zones 12 and 18 in every year of the data."""
    user = make_inspector("inspector_large", [12, 18], FISCAL_YEARS[0])
    zone_ids = list(user.inspector_assignments.values_list("zone", flat=True))
    for year in FISCAL_YEARS[1:]:
        for zone_id in zone_ids:
            user.inspector_assignments.create(zone_id=zone_id, fiscal_year=year)
    return user


def test_the_data_is_national_scale(large_data):  # noqa: F811
    provinces = Province.objects.count()
    assert provinces == 77 and len(large_data.periods) == 12
    assert ProvinceReport.objects.count() == large_data.reports > provinces * 10
    assert large_data.findings == 2 * large_data.reports == large_data.figures


def test_country_numbers_add_up(client, head_of_inspectors):
    client.force_login(head_of_inspectors)
    response = client.get(OVERVIEW, FILTERS)
    table = next(table for table, _chart in response.context["sections"] if table.key == "submissions")
    assert len(table.rows) == 12
    for _label, expected, on_time, late, missing, pending, _percent in table.rows:
        assert expected == 77 and on_time + late + missing + pending == 77 and late > 0


def test_overview_queries_do_not_grow(client, zone_inspector, head_of_inspectors, django_assert_num_queries):
    client.force_login(zone_inspector)
    with django_assert_num_queries(OVERVIEW_QUERIES["inspector"]):
        assert client.get(OVERVIEW, FILTERS).status_code == 200
    client.force_login(head_of_inspectors)
    with django_assert_num_queries(OVERVIEW_QUERIES["head"]):
        assert client.get(OVERVIEW, FILTERS).status_code == 200


def test_zone_page_queries_do_not_grow(client, zone_inspector, django_assert_num_queries):
    client.force_login(zone_inspector)
    with django_assert_num_queries(ZONE_QUERIES):
        assert client.get(reverse("trends:zone", args=[12]), FILTERS).status_code == 200


def test_national_view_queries_do_not_grow(client, admin_user, django_assert_num_queries):
    client.force_login(admin_user)
    with django_assert_num_queries(NATIONAL_QUERIES - 1):  # a superuser's permissions cost no query
        assert client.get(NATIONAL, {"years": 3}).status_code == 200


@pytest.mark.parametrize("url, queries", DOWNLOAD_QUERIES.items())
def test_downloads_queries_do_not_grow(client, head_of_inspectors, django_assert_num_queries, url, queries):
    client.force_login(head_of_inspectors)
    with django_assert_num_queries(queries):
        response = client.get(url, FILTERS)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")
