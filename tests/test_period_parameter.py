"""?period= is read by the period form: anything but a known period's number is a 404, never a 500 (item 7)."""

import pytest
from django.urls import reverse

from tests import review_factories as make


@pytest.fixture
def quarter(geography):
    return make.period(2564, 3)


@pytest.mark.parametrize("url_name", ["reports:tracker", "meetings:add"])
@pytest.mark.parametrize("value", ["²", "½", "1.5", "-1", "abc", "99999999999999999999999", "0"])
def test_a_period_that_is_not_a_known_number_is_not_found(client, inspector, quarter, url_name, value):
    client.force_login(inspector)
    response = client.get(reverse(url_name), {"period": value})
    assert response.status_code == 404


@pytest.mark.parametrize("url_name", ["reports:tracker", "meetings:add"])
def test_a_known_period_is_chosen(client, inspector, quarter, url_name):
    client.force_login(inspector)
    response = client.get(reverse(url_name), {"period": str(quarter.pk)})
    assert response.status_code == 200
    assert response.context["period"] == quarter
