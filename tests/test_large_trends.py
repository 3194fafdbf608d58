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
    get_twice,
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


@pytest.fixture
def counts(django_assert_num_queries, django_assert_max_num_queries):
    return django_assert_num_queries, django_assert_max_num_queries


def test_overview_queries_do_not_grow(client, zone_inspector, head_of_inspectors, counts):
    client.force_login(zone_inspector)
    get_twice(client, OVERVIEW, FILTERS, OVERVIEW_QUERIES["inspector"], *counts)
    client.force_login(head_of_inspectors)
    get_twice(client, OVERVIEW, FILTERS, OVERVIEW_QUERIES["head"], *counts)


def test_zone_page_queries_do_not_grow(client, zone_inspector, counts):
    client.force_login(zone_inspector)
    get_twice(client, reverse("trends:zone", args=[12]), FILTERS, ZONE_QUERIES, *counts)


def test_national_view_queries_do_not_grow(client, admin_user, counts):
    client.force_login(admin_user)
    get_twice(client, NATIONAL, {"years": 3}, NATIONAL_QUERIES - 1, *counts)  # a superuser's permissions: no query


@pytest.mark.parametrize("url, queries", DOWNLOAD_QUERIES.items())
def test_downloads_queries_do_not_grow(client, head_of_inspectors, url, queries, counts):
    client.force_login(head_of_inspectors)
    response = get_twice(client, url, FILTERS, queries, *counts)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxml")
