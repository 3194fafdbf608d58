"""Audit: an administrator's edit of a report in Django admin and an officer's save cannot overwrite each other.

The officer's page guards against lost updates with the report's version; an admin save
must take part in it: it moves the version on, and it is refused when the report was saved
after the admin opened it.
"""

import datetime
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.models import ProvinceReport
from tests import factories
from tests.test_report_edit import post_data

pytestmark = pytest.mark.django_db


class _FormFields(HTMLParser):
    """The values a browser would send from the admin's change form."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, object] = {}
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "file"):
            if attrs.get("type") == "checkbox":
                if "checked" in attrs:
                    self.data[name] = attrs.get("value", "on")
            else:
                self.data[name] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def _admin_form(client, report) -> dict:
    response = client.get(reverse("admin:reports_provincereport_change", args=[report.pk]))
    assert response.status_code == 200
    parser = _FormFields()
    parser.feed(response.content.decode())
    data = parser.data
    data.pop("csrfmiddlewaretoken", None)
    data["_save"] = "Save"
    return data


@pytest.fixture
def report(geography):
    period = factories.period(2564, 3, deadline=timezone.localdate() + datetime.timedelta(days=10))
    return factories.report("ขอนแก่น", period, overall_results="ข้อความเดิม")


def test_an_admin_save_refuses_a_form_opened_before_the_officer_saved(client, admin_user, officer, report):
    client.force_login(admin_user)
    admin_data = _admin_form(client, report)
    admin_data["overall_results"] = "ข้อความของผู้ดูแลระบบ"

    client.force_login(officer)
    officer_save = client.post(reverse("reports:edit", args=[report.pk]), post_data(report, overall_results="งานใหม่"))
    assert officer_save.status_code == 302

    client.force_login(admin_user)
    response = client.post(reverse("admin:reports_provincereport_change", args=[report.pk]), admin_data)
    assert response.status_code == 200  # the form again, with the reason in Thai
    assert "มีผู้บันทึกรายงานนี้หลังจากที่คุณเปิดหน้านี้" in response.content.decode()
    assert ProvinceReport.objects.get(pk=report.pk).overall_results == "งานใหม่"


def test_an_officer_form_opened_before_an_admin_save_is_refused(client, admin_user, officer, report):
    stale = post_data(report, overall_results="งานของจังหวัดจากหน้าที่เปิดไว้ก่อน")  # the version read now
    client.force_login(admin_user)
    admin_data = _admin_form(client, report)
    admin_data["overall_results"] = "ข้อความที่ผู้ดูแลระบบแก้"
    response = client.post(reverse("admin:reports_provincereport_change", args=[report.pk]), admin_data)
    assert response.status_code == 302
    assert ProvinceReport.objects.get(pk=report.pk).version == report.version + 1

    client.force_login(officer)
    response = client.post(reverse("reports:edit", args=[report.pk]), stale)
    assert response.status_code == 409
    assert ProvinceReport.objects.get(pk=report.pk).overall_results == "ข้อความที่ผู้ดูแลระบบแก้"
