"""The admin and the officer at the same moment (item 4), findings changed in the Finding admin (item 5),
and the report history's "Revert" (item 6)."""

from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from reports.models import ConcurrentEditError, Finding, ProvinceReport
from tests import factories
from tests.test_audit_admin_report import _admin_form, _FormFields
from tests.test_audit_admin_report import report as report  # noqa: F401 (fixture)
from tests.test_report_edit import finding_data, post_data

pytestmark = pytest.mark.django_db

CONFLICT_TH = "มีผู้บันทึกรายงานนี้หลังจากที่คุณเปิดหน้านี้"


def test_an_admin_save_that_loses_the_race_gets_the_form_message_with_its_input(admin_user, report):
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    data = _admin_form(client, report)
    data["overall_results"] = "ข้อความของผู้ดูแลระบบ"
    # The officer's save commits between the admin's check and the admin's save: claiming the version fails.
    with mock.patch.object(ProvinceReport, "claim_version", side_effect=ConcurrentEditError):
        response = client.post(reverse("admin:reports_provincereport_change", args=[report.pk]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert CONFLICT_TH in html
    assert "ข้อความของผู้ดูแลระบบ" in html  # what the admin typed is kept
    assert ProvinceReport.objects.get(pk=report.pk).overall_results == "ข้อความเดิม"  # nothing saved


def _finding_form(client, finding) -> dict:
    html = client.get(reverse("admin:reports_finding_change", args=[finding.pk])).content.decode()
    parser = _FormFields()
    parser.feed(html)
    data = parser.data
    data.pop("csrfmiddlewaretoken", None)
    data["_save"] = "Save"
    return data


def test_a_finding_changed_in_the_finding_admin_refuses_an_officers_older_page(client, admin_user, officer, report):
    finding = factories.shortfall(report, problems="ปัญหาเดิม")
    stale = post_data(
        report, findings=[{**finding_data(0, finding.project, problems="ปัญหาจากหน้าเก่า"), "findings-0-id": finding.pk}]
    )
    stale.update({"findings-INITIAL_FORMS": "1"})
    client.force_login(admin_user)
    data = _finding_form(client, finding)
    data["problems"] = "ปัญหาที่ผู้ดูแลระบบแก้"
    assert client.post(reverse("admin:reports_finding_change", args=[finding.pk]), data).status_code == 302
    assert ProvinceReport.objects.get(pk=report.pk).version == report.version + 1

    client.force_login(officer)
    assert client.post(reverse("reports:edit", args=[report.pk]), stale).status_code == 409
    assert Finding.objects.get(pk=finding.pk).problems == "ปัญหาที่ผู้ดูแลระบบแก้"


def test_a_finding_admin_form_opened_before_the_officer_saved_is_refused(client, admin_user, officer, report):
    finding = factories.shortfall(report, problems="ปัญหาเดิม")
    client.force_login(admin_user)
    data = _finding_form(client, finding)
    data["problems"] = "ปัญหาที่ผู้ดูแลระบบแก้"
    ProvinceReport.objects.filter(pk=report.pk).update(version=report.version + 1)  # the officer saved meanwhile
    response = client.post(reverse("admin:reports_finding_change", args=[finding.pk]), data)
    assert response.status_code == 200 and CONFLICT_TH in response.content.decode()
    assert Finding.objects.get(pk=finding.pk).problems == "ปัญหาเดิม"


def test_adding_or_deleting_a_finding_in_the_admin_moves_the_version(client, admin_user, report):
    finding = factories.shortfall(report)
    client.force_login(admin_user)
    url = reverse("admin:reports_finding_delete", args=[finding.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert ProvinceReport.objects.get(pk=report.pk).version == report.version + 1
    other = factories.shortfall(report)
    changelist = reverse("admin:reports_finding_changelist")
    client.post(changelist, {"action": "delete_selected", "_selected_action": [other.pk], "post": "yes"})
    assert ProvinceReport.objects.get(pk=report.pk).version == report.version + 2


def test_reverting_a_report_is_refused_in_thai_and_changes_nothing(client, admin_user, report):
    client.force_login(admin_user)
    data = _admin_form(client, report)
    data["overall_results"] = "ฉบับที่สอง"
    client.post(reverse("admin:reports_provincereport_change", args=[report.pk]), data)
    first = report.history.order_by("history_date").first()
    url = reverse("admin:reports_provincereport_simple_history", args=[report.pk, first.history_id])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()  # no "Revert" button
    response = client.post(url, {**data, "overall_results": "ข้อความเดิม"}, follow=True)
    assert response.status_code == 200
    assert "ย้อนรายงานกลับไปเป็นฉบับก่อนหน้าไม่ได้" in response.content.decode()
    assert ProvinceReport.objects.get(pk=report.pk).overall_results == "ฉบับที่สอง"
