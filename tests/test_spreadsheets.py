"""The admin's spreadsheets: formulas defused on export (item 14), Thai Excel's CSV read on import (item 25)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inspection_portal.lib import spreadsheets
from reports.models import Project

pytestmark = pytest.mark.django_db

HEADER = "name_th,short_name,name_en,first_fiscal_year,last_fiscal_year\n"


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def _export(client, file_format: str) -> bytes:
    """The projects exported from the admin in the format at that index (0 CSV, 1 XLSX), every field ticked."""
    html = client.get(reverse("admin:reports_project_export")).content.decode()
    fields = dict.fromkeys(re.findall(r'name="(projectresource_\w+)"', html), "on")
    data = {"format": file_format, "resource": "0", **fields}
    response = client.post(reverse("admin:reports_project_export"), data)
    assert response.status_code == 200, response.content[:500]
    return response.content


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_formula_in_a_project_name_is_defused_in_the_csv_export(admin_client, start):
    Project.objects.create(name_th=f'{start}HYPERLINK("http://evil.example/","คลิก")', first_fiscal_year=2564)
    text = _export(admin_client, "0").decode("utf-8-sig")
    assert f"'{start}HYPERLINK" in text
    assert f",{start}HYPERLINK" not in text and f"\n{start}HYPERLINK" not in text


def test_formulas_are_defused_in_the_xlsx_export_and_numbers_stay_numbers(admin_client):
    import io

    import openpyxl

    Project.objects.create(name_th="=1+1", short_name="ปกติ", first_fiscal_year=2564)
    book = openpyxl.load_workbook(io.BytesIO(_export(admin_client, "1")))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[1][0] == "'=1+1"
    assert rows[1][1] == "ปกติ"
    assert rows[1][3] == 2564 and rows[1][4] in (None, "")


def test_the_csv_export_opens_as_thai_in_excel(admin_client):
    Project.objects.create(name_th="โครงการทดสอบ", first_fiscal_year=2564)
    content = _export(admin_client, "0")
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM Excel on Windows needs
    assert "โครงการทดสอบ" in content.decode("utf-8-sig")


def _import(client, content: bytes):
    upload = SimpleUploadedFile("projects.csv", content, content_type="text/csv")
    return client.post(reverse("admin:reports_project_import"), {"import_file": upload, "format": "0", "resource": "0"})


@pytest.mark.parametrize(
    "encoding", ["cp874", "tis-620", "utf-8", "utf-8-sig"], ids=["windows-874", "tis-620", "utf-8", "utf-8-bom"]
)
def test_a_csv_saved_by_thai_excel_or_as_utf8_is_imported(admin_client, encoding):
    content = (HEADER + "โครงการส่งเสริมผ้าไทย,ผ้าไทย,,2564,\n").encode(encoding)
    response = _import(admin_client, content)
    html = response.content.decode()
    assert response.status_code == 200
    assert "UnicodeDecodeError" not in html
    assert "โครงการส่งเสริมผ้าไทย" in html  # the preview shows the Thai name, decoded right
    confirm = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))
    confirm.pop("csrfmiddlewaretoken", None)
    admin_client.post(reverse("admin:reports_project_process_import"), confirm)
    assert Project.objects.get(name_th="โครงการส่งเสริมผ้าไทย").short_name == "ผ้าไทย"


def test_a_file_in_another_encoding_is_refused_with_what_to_do(admin_client):
    content = (HEADER + "โครงการ,,,2564,\n").encode("utf-16")
    html = _import(admin_client, content).content.decode()
    assert "CSV UTF-8" in html or "UTF-8" in html
    assert "UnicodeDecodeError" not in html
    assert not Project.objects.exists()


def test_decode_prefers_utf8_and_falls_back_to_windows_874():
    assert spreadsheets.decode("ขอนแก่น".encode()) == "ขอนแก่น"
    assert spreadsheets.decode("\ufeffขอนแก่น".encode()) == "ขอนแก่น"
    assert spreadsheets.decode("ขอนแก่น".encode("cp874")) == "ขอนแก่น"
    with pytest.raises(spreadsheets.UnreadableFile):
        spreadsheets.decode(b"\xff\xfe\xdb\xdc")
