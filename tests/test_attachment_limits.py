"""Attachments per report are limited in number and total size; files leave the disk with their rows (item 10)."""

import datetime
import os

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.models import Attachment, ProvinceReport
from tests import factories
from tests.test_attachments import PDF, upload

pytestmark = pytest.mark.django_db(transaction=True)  # django-cleanup deletes files once the deletion commits


@pytest.fixture
def report(geography):
    period = factories.period(2564, 3, deadline=timezone.localdate() + datetime.timedelta(days=10))
    return factories.report("ขอนแก่น", period)


def _add(client, report, name="สไลด์.pdf", content=PDF):
    return client.post(
        reverse("reports:attachment_add", args=[report.pk]), {"file": upload(name, content)}, follow=True
    )


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_the_limits_are_settings_with_office_sized_defaults(settings):
    assert settings.ATTACHMENTS_PER_REPORT == 30
    assert settings.ATTACHMENTS_TOTAL_BYTES == 200 * 1024 * 1024


def test_a_report_takes_no_more_than_the_allowed_number_of_files(client, officer, report, settings):
    settings.ATTACHMENTS_PER_REPORT = 3
    client.force_login(officer)
    for number in range(3):
        _add(client, report, f"ไฟล์{number}.pdf")
    response = _add(client, report, "ไฟล์เกิน.pdf")
    assert Attachment.objects.filter(report=report).count() == 3
    assert any("ได้ไม่เกิน 3 ไฟล์" in message for message in _messages(response))


def test_a_report_takes_no_more_than_the_allowed_total_size(client, officer, report, settings):
    settings.ATTACHMENTS_TOTAL_BYTES = len(PDF) * 2 + 10
    client.force_login(officer)
    _add(client, report, "หนึ่ง.pdf")
    _add(client, report, "สอง.pdf")
    response = _add(client, report, "สาม.pdf")
    assert Attachment.objects.filter(report=report).count() == 2
    assert any("รวมกันได้ไม่เกิน" in message for message in _messages(response))


def test_removing_an_attachment_removes_its_file(client, officer, report):
    client.force_login(officer)
    _add(client, report)
    attachment = Attachment.objects.get()
    path = attachment.file.path
    assert os.path.exists(path)
    client.post(reverse("reports:attachment_delete", args=[attachment.pk]))
    assert not Attachment.objects.exists()
    assert not os.path.exists(path)


def test_deleting_a_report_removes_its_files(client, officer, report, admin_user):
    client.force_login(officer)
    _add(client, report, "หนึ่ง.pdf")
    _add(client, report, "สอง.pdf")
    paths = [attachment.file.path for attachment in Attachment.objects.all()]
    assert all(os.path.exists(path) for path in paths)
    ProvinceReport.objects.get(pk=report.pk).delete()
    assert not any(os.path.exists(path) for path in paths)


def test_deleting_an_attachment_in_the_admin_removes_its_file(client, officer, report):
    client.force_login(officer)
    _add(client, report)
    attachment = Attachment.objects.get()
    path = attachment.file.path
    attachment.delete()
    assert not os.path.exists(path)
