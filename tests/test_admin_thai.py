"""The admin in Thai: app headings, the import and export pages, the history and changelist pages.

django-import-export and django-simple-history ship no Thai catalogue, and Django's own leaves
some admin strings in English: the project's catalogue translates them (see
inspection_portal/lib/django_strings.py).
"""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from inspection_portal.lib.thai import THAI_MONTHS
from provinces.models import Province
from reports.models import ReportingPeriod

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_th(client, admin_user):
    client.force_login(admin_user)
    return client


def _html(client, name, *args, **params):
    response = client.get(reverse(name, args=args), params)
    assert response.status_code == 200
    return response.content.decode()


def test_admin_index_shows_the_apps_in_thai(admin_client_th):
    html = _html(admin_client_th, "admin:index")
    assert "จังหวัดและเขตตรวจราชการ" in html
    assert "รายงานและการตรวจติดตาม" in html
    assert "Provinces and inspection zones" not in html and "Reports and follow-up" not in html
    assert "ข้ามไปยังเนื้อหาหลัก" in html and "Skip to main content" not in html


def test_province_import_page_is_in_thai(admin_client_th):
    html = _html(admin_client_th, "admin:provinces_province_import")
    assert 'value="ดำเนินการ"' in html
    assert "ไฟล์ที่จะนำเข้า" in html and "รูปแบบไฟล์" in html
    assert "จะนำเข้าช่องข้อมูลต่อไปนี้:" in html
    for english in ('value="Submit"', "File to import", "This importer will import"):
        assert english not in html


def test_province_import_preview_is_in_thai(admin_client_th, geography):
    khon_kaen = Province.objects.get(name_th="ขอนแก่น")
    csv = f"iso_code,name_th,name_en,zone\n{khon_kaen.iso_code},ขอนแก่น,Khon Kaen,1\n"
    upload = {"import_file": _file(csv), "format": "0", "resource": "0"}
    response = admin_client_th.post(reverse("admin:provinces_province_import"), upload)
    html = response.content.decode()
    assert "ตัวอย่างข้อมูล" in html and "ปรับปรุง" in html
    assert 'value="ยืนยันการนำเข้า"' in html
    assert "Confirm import" not in html and ">Preview<" not in html
    khon_kaen.refresh_from_db()
    assert khon_kaen.zone.number == 12  # only a preview: nothing changed yet

    confirm = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))
    confirm.pop("csrfmiddlewaretoken", None)
    response = admin_client_th.post(reverse("admin:provinces_province_process_import"), confirm, follow=True)
    message = str(list(response.context["messages"])[0])
    assert message == "นำเข้าเสร็จสิ้น: ใหม่ 0 รายการ ปรับปรุง 1 รายการ ลบ 0 รายการ และข้าม 0 รายการ (จังหวัด)"
    khon_kaen.refresh_from_db()
    assert khon_kaen.zone.number == 1


def test_province_export_page_is_in_thai(admin_client_th):
    html = _html(admin_client_th, "admin:provinces_province_export")
    assert 'value="ดำเนินการ"' in html
    assert "จะส่งออกช่องข้อมูลต่อไปนี้:" in html and "เลือกทั้งหมด" in html
    assert 'value="Submit"' not in html and "Select all" not in html


def test_province_changelist_offers_import_and_export_in_thai(admin_client_th, geography):
    html = _html(admin_client_th, "admin:provinces_province_changelist", zone__id__exact="1")
    assert 'class="import_link">นำเข้า</a>' in html and ">Import<" not in html
    assert 'class="export_link">ส่งออก</a>' in html and ">Export<" not in html
    assert "ล้างตัวกรองทั้งหมด" in html and "Clear all filters" not in html
    assert "พิมพ์เพื่อกรอง…" in html and "Start typing to filter" not in html  # the sidebar's filter box


def test_period_history_page_is_in_thai(admin_client_th):
    period = ReportingPeriod.objects.create(fiscal_year=2564, quarter=3)
    period.deadline = period.end_date
    period.save()
    html = _html(admin_client_th, "admin:reports_reportingperiod_history", period.pk)
    assert "แก้ไขโดย" in html and "เหตุผลที่แก้ไข" in html and "การเปลี่ยนแปลง" in html
    for english in ("Changed by", "Change reason", "entries"):
        assert english not in html
    now = timezone.localtime()
    assert f"{THAI_MONTHS[now.month - 1]} {now.year + 543} เวลา" in html  # when, in the Buddhist era
    assert str(now.year) not in html


def _file(text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("provinces.csv", text.encode("utf-8"), content_type="text/csv")
