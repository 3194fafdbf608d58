"""Django admin for zones, provinces, periods and projects, with import and export."""

import io

import pytest
import tablib
from django.urls import reverse

from provinces.admin import ProvinceResource
from provinces.models import InspectionZone, Province
from reports.admin import ProjectResource
from reports.models import Project, ReportingPeriod

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    "admin:provinces_inspectionzone_changelist",
    "admin:provinces_province_changelist",
    "admin:provinces_provincialofficer_changelist",
    "admin:provinces_inspectorassignment_changelist",
    "admin:reports_reportingperiod_changelist",
    "admin:reports_project_changelist",
    "admin:reports_problemcategory_changelist",
    "admin:reports_provincereport_changelist",
    "admin:reports_finding_changelist",
    "admin:meetings_followupmeeting_changelist",
]


@pytest.mark.parametrize("name", CHANGELISTS)
def test_every_changelist_opens_in_thai_for_an_admin(client, admin_user, name, django_assert_max_num_queries):
    client.force_login(admin_user)
    with django_assert_max_num_queries(12):
        response = client.get(reverse(name))
    assert response.status_code == 200
    assert "ระบบรายงานการตรวจราชการ" in response.content.decode()  # the portal's name, in Thai


@pytest.mark.parametrize("name", CHANGELISTS[:4])
def test_officers_and_inspectors_cannot_reach_admin(client, officer, inspector, name):
    for user in (officer, inspector):
        client.force_login(user)
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_zone_page_lists_its_provinces_inline(client, admin_user):
    client.force_login(admin_user)
    zone = InspectionZone.objects.get(number=12)
    html = client.get(reverse("admin:provinces_inspectionzone_change", args=[zone.pk])).content.decode()
    for name in ("กาฬสินธุ์", "ขอนแก่น", "มหาสารคาม", "ร้อยเอ็ด"):
        assert name in html


def test_province_search_and_zone_filter(client, admin_user):
    client.force_login(admin_user)
    url = reverse("admin:provinces_province_changelist")
    html = client.get(url, {"q": "Khon Kaen"}).content.decode()
    assert "ขอนแก่น" in html and "นครสวรรค์" not in html
    zone = InspectionZone.objects.get(number=18)
    html = client.get(url, {"zone__id__exact": zone.pk}).content.decode()
    assert "พิจิตร" in html and "ขอนแก่น" not in html


def test_province_export_round_trips_through_import(geography):
    exported = ProvinceResource().export()
    assert len(exported) == 77
    assert exported.headers == ["iso_code", "name_th", "name_en", "zone"]
    row = dict(zip(exported.headers, next(r for r in exported if r[0] == "TH-40"), strict=True))
    assert row["zone"] == 12

    moved = tablib.Dataset(headers=exported.headers)
    moved.append(["TH-40", "ขอนแก่น", "Khon Kaen", 13])
    result = ProvinceResource().import_data(moved, dry_run=False)
    assert not result.has_errors() and not result.has_validation_errors()
    assert Province.objects.get(iso_code="TH-40").zone.number == 13
    assert Province.objects.count() == 77


def test_province_import_with_an_unknown_zone_changes_nothing(geography):
    data = tablib.Dataset(headers=["iso_code", "name_th", "name_en", "zone"])
    data.append(["TH-40", "ขอนแก่น", "Khon Kaen", 12])
    data.append(["TH-41", "อุดรธานี", "Udon Thani", 99])
    result = ProvinceResource().import_data(data, dry_run=False, use_transactions=True)
    assert result.has_errors() or result.has_validation_errors()
    assert Province.objects.get(iso_code="TH-41").zone.number == 10


def test_project_import_from_csv_and_export_as_xlsx(db):
    csv_text = "name_th,short_name,name_en,first_fiscal_year,last_fiscal_year\nโครงการทดสอบ,ทดสอบ,Test,2564,\n"
    data = tablib.Dataset().load(io.StringIO(csv_text).read(), format="csv")
    result = ProjectResource().import_data(data, dry_run=False)
    assert not result.has_errors()
    project = Project.objects.get(name_th="โครงการทดสอบ")
    assert (project.short_name, project.first_fiscal_year, project.last_fiscal_year) == ("ทดสอบ", 2564, None)
    xlsx = ProjectResource().export().export("xlsx")
    assert xlsx[:2] == b"PK"


def test_admin_import_page_and_export_download(client, admin_user):
    client.force_login(admin_user)
    assert client.get(reverse("admin:provinces_province_import")).status_code == 200
    response = client.post(reverse("admin:provinces_province_export"), {"format": "0", "export_items": []})
    assert response.status_code in (200, 302)


def test_period_admin_shows_derived_dates(client, admin_user):
    period = ReportingPeriod.objects.create(fiscal_year=2564, quarter=3)
    client.force_login(admin_user)
    html = client.get(reverse("admin:reports_reportingperiod_change", args=[period.pk])).content.decode()
    assert "กำหนดส่ง" in html


def test_user_page_assigns_province_and_zones(client, admin_user, officer, inspector):
    client.force_login(admin_user)
    html = client.get(reverse("admin:auth_user_change", args=[officer.pk])).content.decode()
    assert "เจ้าหน้าที่จังหวัด" in html and "ขอนแก่น" in html
    html = client.get(reverse("admin:auth_user_change", args=[inspector.pk])).content.decode()
    assert "การมอบหมายผู้ตรวจราชการ" in html
    response = client.get(reverse("admin:auth_user_changelist"))
    assert response.status_code == 200 and "ขอนแก่น" in response.content.decode()
