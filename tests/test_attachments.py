"""Attachments: what may be uploaded (reports.attachments), and who may upload, download and delete."""

import datetime
import io
import os
import zipfile
from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from reports.attachments import validate_upload
from reports.models import Attachment, ProvinceReport
from tests import factories

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 128


def office_file(folder: str) -> bytes:
    """A minimal Office Open XML package whose second entry names its kind (word/, ppt/, xl/)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr(f"{folder}/document.xml", "<doc/>")
    return buffer.getvalue()


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


# --- the rules ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("สไลด์.pdf", PDF, "application/pdf"),
        ("รูป.PNG", PNG, "image/png"),
        ("รูป.jpg", JPEG, "image/jpeg"),
        ("รูป.jpeg", JPEG, "image/jpeg"),
        ("รายงาน.docx", office_file("word"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("สไลด์.pptx", office_file("ppt"), "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        ("ตาราง.xlsx", office_file("xl"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ],
)
def test_allowed_types_pass(name, content, expected):
    assert validate_upload(upload(name, content)) == expected


def test_a_real_docx_and_xlsx_pass():
    import docx
    import openpyxl

    document, sheet = io.BytesIO(), io.BytesIO()
    docx.Document().save(document)
    openpyxl.Workbook().save(sheet)
    assert validate_upload(upload("a.docx", document.getvalue())).endswith("wordprocessingml.document")
    assert validate_upload(upload("a.xlsx", sheet.getvalue())).endswith("spreadsheetml.sheet")


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("โปรแกรม.pdf", EXE, "content"),  # an .exe renamed
        ("โปรแกรม.exe", EXE, "extension"),
        ("ข้อความ.txt", b"hello", "extension"),
        ("ไม่มีนามสกุล", PDF, "extension"),
        ("รูป.png", JPEG, "content"),  # the extension must agree with the content
        ("รายงาน.docx", office_file("xl"), "content"),
        ("แฟ้ม.zip", office_file("word"), "extension"),
        ("ว่าง.pdf", b"", "empty"),
    ],
)
def test_refused_by_type(name, content, code):
    with pytest.raises(ValidationError) as refused:
        validate_upload(upload(name, content))
    assert refused.value.code == code


def test_refused_by_size(settings):
    settings.ATTACHMENT_MAX_BYTES = 1000
    assert validate_upload(upload("a.pdf", PDF + b" " * (1000 - len(PDF))))
    with pytest.raises(ValidationError) as refused:
        validate_upload(upload("a.pdf", PDF + b" " * (1001 - len(PDF))))
    assert refused.value.code == "too_large"


def test_the_limit_is_twenty_megabytes(settings):
    assert settings.ATTACHMENT_MAX_BYTES == 20 * 1024 * 1024


# --- the views ------------------------------------------------------------------------


@pytest.fixture
def report(geography):
    period = factories.period(2564, 3, deadline=timezone.localdate() + datetime.timedelta(days=10))
    return factories.report("ขอนแก่น", period)


def add_url(report) -> str:
    return reverse("reports:attachment_add", args=[report.pk])


@pytest.fixture
def attachment(client, officer, report):
    client.force_login(officer)
    client.post(add_url(report), {"file": upload("สไลด์ นำเสนอ.pdf", PDF)})
    client.logout()
    return Attachment.objects.get()


def test_officer_uploads_a_pdf_stored_under_a_random_name(client, officer, report):
    client.force_login(officer)
    response = client.post(add_url(report), {"file": upload("สไลด์ นำเสนอ.pdf", PDF)}, follow=True)
    assert response.status_code == 200
    attachment = Attachment.objects.get()
    assert attachment.report == report and attachment.uploaded_by == officer
    assert attachment.original_name == "สไลด์ นำเสนอ.pdf"
    assert attachment.content_type == "application/pdf" and attachment.size == len(PDF)
    stored = attachment.file.name
    assert stored.startswith("attachments/2564/") and stored.endswith(".pdf") and "สไลด์" not in stored
    assert "สไลด์ นำเสนอ.pdf" in response.content.decode()


def test_a_renamed_exe_is_refused_with_a_thai_message(client, officer, report):
    client.force_login(officer)
    response = client.post(add_url(report), {"file": upload("ไวรัส.pdf", EXE)}, follow=True)
    assert not Attachment.objects.exists()
    assert "ไม่ใช่ไฟล์ PDF จริง" in response.content.decode()


def test_a_too_large_file_is_refused(client, officer, report, settings):
    settings.ATTACHMENT_MAX_BYTES = 100
    client.force_login(officer)
    client.post(add_url(report), {"file": upload("ใหญ่.pdf", PDF + b" " * 200)})
    assert not Attachment.objects.exists()


@pytest.mark.parametrize("actor", ["other_officer", "inspector", "admin_user"])
def test_only_the_provinces_officer_uploads(client, request, actor, report):
    client.force_login(request.getfixturevalue(actor))
    assert client.post(add_url(report), {"file": upload("a.pdf", PDF)}).status_code == 403
    assert not Attachment.objects.exists()


def test_upload_is_refused_once_submitted(client, officer, report):
    ProvinceReport.objects.filter(pk=report.pk).update(status=ProvinceReport.Status.SUBMITTED)
    client.force_login(officer)
    assert client.post(add_url(report), {"file": upload("a.pdf", PDF)}).status_code == 403
    assert not Attachment.objects.exists()


def test_upload_is_post_only(client, officer, report):
    client.force_login(officer)
    assert client.get(add_url(report)).status_code == 405


@pytest.mark.parametrize("actor", ["officer", "inspector", "admin_user"])
def test_download_for_those_who_may_see_the_report(client, request, actor, attachment):
    client.force_login(request.getfixturevalue(actor))
    response = client.get(reverse("reports:attachment", args=[attachment.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and quote("สไลด์ นำเสนอ.pdf") in disposition


@pytest.mark.parametrize("actor", ["other_officer", "other_inspector"])
def test_download_refused_to_others(client, request, actor, attachment):
    client.force_login(request.getfixturevalue(actor))
    assert client.get(reverse("reports:attachment", args=[attachment.pk])).status_code == 403


def test_download_anonymous_goes_to_login(client, attachment):
    response = client.get(reverse("reports:attachment", args=[attachment.pk]))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_officer_deletes_while_editable(client, officer, attachment, django_capture_on_commit_callbacks):
    path = attachment.file.path
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):  # django-cleanup deletes the file on commit
        response = client.post(reverse("reports:attachment_delete", args=[attachment.pk]))
    assert response.status_code == 302
    assert not Attachment.objects.exists()
    assert not os.path.exists(path)


@pytest.mark.parametrize("actor", ["other_officer", "inspector"])
def test_others_cannot_delete(client, request, actor, attachment):
    client.force_login(request.getfixturevalue(actor))
    assert client.post(reverse("reports:attachment_delete", args=[attachment.pk])).status_code == 403
    assert Attachment.objects.exists()


def test_no_delete_once_accepted(client, officer, attachment):
    ProvinceReport.objects.filter(pk=attachment.report_id).update(status=ProvinceReport.Status.ACCEPTED)
    client.force_login(officer)
    assert client.post(reverse("reports:attachment_delete", args=[attachment.pk])).status_code == 403
    assert Attachment.objects.exists()
