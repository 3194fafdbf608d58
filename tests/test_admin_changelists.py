"""The admin's lists of big tables (inspection_portal/admin.py LeanChangelistMixin): few queries, lean rows.

Reports, findings, meetings and users: one COUNT (no second one over the whole table), no
query per row, the rows' long texts and summary trees not read, and each row's checkbox
written as Django writes it.
"""

import pytest
from django import forms
from django.contrib.admin import helpers
from django.contrib.admin.sites import site
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, override

from inspection_portal.admin import ACTION_LABEL
from provinces.models import Province
from tests import review_factories as make
from tests.conftest import make_officer

pytestmark = pytest.mark.django_db

# The session, the admin user (with officer link), the filters' choices, the count, the rows.
PINS = {
    "admin:reports_provincereport_changelist": 6,  # + the periods' and zones' filter choices
    "admin:reports_finding_changelist": 5,  # + the periods' filter choices
    "admin:meetings_followupmeeting_changelist": 5,  # + the periods' filter choices
    "admin:auth_user_changelist": 5,  # + the groups' filter choices
}
LONG_TEXTS = {
    "admin:reports_provincereport_changelist": ["overall_results", "achievements"],
    "admin:reports_finding_changelist": ["problems", "causes", "measures", "overall_results"],
    "admin:meetings_followupmeeting_changelist": ['"draft"', '"published"'],
    "admin:auth_user_changelist": [],
}


def _rows(period, provinces, start: int = 0):
    make.reports_everywhere(period, provinces)
    for index, province in enumerate(provinces):
        make_officer(f"officer_{start + index}", province.name_th)


def _get(client, name):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(name))
    assert response.status_code == 200
    return response, [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize("name", PINS)
def test_the_big_lists_cost_the_same_queries_for_few_and_many_rows(client, admin_user, inspector, name):
    period = make.period(2564, 3)
    provinces = list(Province.objects.order_by("pk"))
    _rows(period, provinces[:3])
    make.meeting(inspector, period)
    client.force_login(admin_user)
    client.get(reverse(name))
    _response, few = _get(client, name)
    _rows(period, provinces[3:40], start=3)
    for zones in ((1,), (2,), (3,)):
        make.meeting(inspector, period, zone_numbers=zones)
    response, many = _get(client, name)
    assert len(few) == len(many) <= PINS[name], "\n".join(many)
    assert sum("COUNT(" in sql.upper() for sql in many) == 1, "one count: the filtered one"
    rows = many[-1]
    for column in LONG_TEXTS[name]:
        assert column not in rows, f"{column} read for a list that does not show it"
    assert response.content.decode().count('class="action-select"') >= 4


def test_the_rows_checkbox_is_the_one_django_writes(admin_user):
    period = make.period(2564, 3)
    report = make.report("ขอนแก่น", period)
    finding = make.shortfall(report, 'โครงการ <"ทดลอง"> & ปี')
    for obj in (report, finding):
        model_admin = site._registry[type(obj)]
        for language in ("th", "en"):
            with override(language):
                attrs = {"class": "action-select", "aria-label": format_html(gettext(ACTION_LABEL), str(obj))}
                django_writes = forms.CheckboxInput(attrs, lambda value: False).render(
                    helpers.ACTION_CHECKBOX_NAME, str(obj.pk)
                )
                assert model_admin.action_checkbox(obj) == django_writes
