"""The administrator's flows in Chromium, in the Thai Django admin: reopening a late report (bad input first),
after which the officer edits and submits it late; moving a province to another zone, the earlier report
keeping its zone; importing projects from CSV, a file with a bad row importing nothing."""

import datetime
import re

import pytest
from django.utils import timezone

from inspection_portal.lib.thai import thai_date
from provinces.models import InspectionZone, Province
from reports.models import Project, ProvinceReport, ReviewEvent
from tests import factories
from tests import review_factories as make
from tests.conftest import login

pytestmark = pytest.mark.browser

REASON = "จังหวัดแจ้งว่าระบบเครือข่ายขัดข้องในวันครบกำหนดส่ง"


def _switch_user(page, user) -> None:
    page.context.clear_cookies()
    login(page, user.username)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _save_admin_form(page) -> None:
    page.locator("input[name='_save']").click()
    page.wait_for_load_state()


# --- reopening a late report ------------------------------------------------------


def test_admin_reopens_a_late_report_and_the_officer_submits_it_late(page, admin_user, officer):
    period = factories.period(2564, 3)  # its deadline (2021) is long past
    assert period.deadline < timezone.localdate()
    report = factories.complete_report("ขอนแก่น", period)

    # Before: the officer may not change the report, and is told why.
    _switch_user(page, officer)
    page.goto(f"/reports/{report.pk}/")
    assert "ผู้ดูแลระบบ" in page.locator("#block-reason").inner_text()
    assert thai_date(period.deadline) in page.locator("#block-reason").inner_text()
    assert page.get_by_role("button", name="ส่งรายงานถึงผู้ตรวจราชการ").count() == 0

    # The admin picks the report in the list and runs the reopen action.
    _switch_user(page, admin_user)
    page.goto("/admin/reports/provincereport/")
    assert page.locator("html").get_attribute("lang") == "th"
    page.locator(f"input[name='_selected_action'][value='{report.pk}']").check()
    page.locator("select[name='action']").select_option("reopen_report")
    page.locator("button[name='index']").click()
    page.wait_for_url(re.compile(rf"/admin/reports/provincereport/{report.pk}/reopen/$"))
    assert "เปิดให้แก้ไขอีกครั้ง" in page.locator("h1").inner_text()

    # No reason and a date in the past: both refused in Thai, beside their fields; nothing changed.
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    page.locator("[name='until']").fill(yesterday.isoformat())
    page.get_by_role("button", name="เปิดให้แก้ไขอีกครั้ง").click()
    page.wait_for_load_state()
    rows = page.locator("#reopen-form .form-row")
    assert "ฟิลด์นี้จำเป็น" in rows.filter(has=page.locator("[name='reason']")).inner_text()
    until_row = rows.filter(has=page.locator("[name='until']"))
    assert "วันที่เปิดให้แก้ไขต้องเป็นวันนี้หรือหลังจากนี้" in until_row.inner_text()
    report.refresh_from_db()
    assert (report.reopened_until, report.reopen_reason) == (None, "")
    assert not ReviewEvent.objects.exists()

    # Correctly: a reason and a week from today.
    until = timezone.localdate() + datetime.timedelta(days=7)
    page.locator("[name='reason']").fill(REASON)
    page.locator("[name='until']").fill(until.isoformat())
    page.get_by_role("button", name="เปิดให้แก้ไขอีกครั้ง").click()
    page.wait_for_url(re.compile(rf"/admin/reports/provincereport/{report.pk}/change/$"))
    assert f"อีกครั้งถึงวันที่ {thai_date(until)}" in page.locator(".messagelist").inner_text()
    report.refresh_from_db()
    assert (report.reopened_until, report.reopen_reason) == (until, REASON)
    assert report.status == ProvinceReport.Status.DRAFT
    event = ReviewEvent.objects.get()
    assert (event.report, event.action, event.comment, event.by) == (
        report,
        ReviewEvent.Action.REOPENED,
        REASON,
        admin_user,
    )

    # The officer edits and submits; the submission is marked late.
    _switch_user(page, officer)
    page.goto(f"/reports/{report.pk}/")
    assert page.locator("#block-reason").count() == 0
    assert f"เปิดให้แก้ไขอีกครั้งถึงวันที่ {thai_date(until)}" in page.locator("main").inner_text()
    page.locator("[name='achievements']").fill("ส่งรายงานหลังได้รับอนุญาตจากผู้ดูแลระบบ")
    page.get_by_role("button", name="ส่งรายงานถึงผู้ตรวจราชการ").click()
    page.wait_for_load_state()
    assert page.get_by_text("ส่งรายงานถึงผู้ตรวจราชการแล้ว").is_visible()
    assert page.locator("#report-status").get_by_text("ส่งล่าช้า").is_visible()
    report.refresh_from_db()
    assert report.status == ProvinceReport.Status.SUBMITTED
    assert report.is_late
    assert report.submitted_by == officer
    assert report.achievements == "ส่งรายงานหลังได้รับอนุญาตจากผู้ดูแลระบบ"


# --- moving a province to another zone ----------------------------------------------


def test_admin_moves_a_province_and_the_earlier_report_keeps_its_zone(
    page, admin_user, inspector, other_inspector, officer
):
    earlier = make.period(2564, 3)
    filed = make.submitted("ขอนแก่น", earlier)
    later = make.period(2564, 4)
    khon_kaen = Province.objects.get(name_th="ขอนแก่น")
    zone_1 = InspectionZone.objects.get(number=1)

    _switch_user(page, admin_user)
    page.goto(f"/admin/provinces/province/{khon_kaen.pk}/change/")
    page.locator("select[name='zone']").select_option(str(zone_1.pk))
    _save_admin_form(page)
    page.wait_for_url(re.compile(r"/admin/provinces/province/$"))
    assert "แก้ไขจังหวัด “ขอนแก่น” เรียบร้อยแล้ว" in page.locator(".messagelist").inner_text()
    khon_kaen.refresh_from_db()
    assert khon_kaen.zone == zone_1
    filed.refresh_from_db()
    assert filed.zone.number == 12

    # The earlier quarter: the old zone's inspector still tracks the report, the new zone's does not.
    _switch_user(page, inspector)
    page.goto(f"/reports/tracker/?period={earlier.pk}")
    row = page.locator("#zone-12 tr[data-province='ขอนแก่น']")
    assert row.get_attribute("data-status") == "submitted"
    page.goto(f"/reports/{filed.pk}/review/")
    assert page.get_by_role("button", name="รับรอง", exact=True).is_visible()
    # The later quarter: ขอนแก่น belongs to zone 1 now.
    page.goto(f"/reports/tracker/?period={later.pk}")
    assert page.locator("tr[data-province='ขอนแก่น']").count() == 0
    assert page.locator("#zone-12 tr.track-row").count() == 3

    _switch_user(page, other_inspector)
    page.goto(f"/reports/tracker/?period={earlier.pk}")
    assert page.locator("tr[data-province='ขอนแก่น']").count() == 0
    page.goto(f"/reports/tracker/?period={later.pk}")
    assert page.locator("#zone-1 tr[data-province='ขอนแก่น']").get_attribute("data-status") == "not_started"


# --- importing projects from CSV ------------------------------------------------------

HEADER = "name_th,short_name,name_en,first_fiscal_year,last_fiscal_year\n"
GOOD_ROWS = (
    "โครงการพัฒนาหมู่บ้านเศรษฐกิจพอเพียง,หมู่บ้านพอเพียง,Sufficiency economy villages,2564,2566\n"
    "โครงการส่งเสริมผ้าไทย,ผ้าไทย,Thai textiles,2563,\n"
)
BAD_ROW = "โครงการที่ปีไม่ใช่ตัวเลข,ปีผิด,Bad year,สองพันห้าร้อย,\n"


def _import(page, content: str, name: str) -> None:
    page.goto("/admin/reports/project/import/")
    page.locator("input[name='import_file']").set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": content.encode("utf-8")}
    )
    page.locator("select[name='format']").select_option(label="csv")
    page.get_by_role("button", name="ดำเนินการ").click()
    page.wait_for_load_state()


def test_admin_imports_projects_from_csv_a_bad_row_importing_nothing(page, admin_user):
    existing = factories.project("โครงการที่มีอยู่แล้ว", first_fiscal_year=2560)
    _switch_user(page, admin_user)
    page.goto("/admin/reports/project/")
    page.locator("#content").locator("a[href$='/import/']").click()
    page.wait_for_url(re.compile(r"/admin/reports/project/import/$"))

    # A file with a bad row: the error names the line and the value; nothing is imported, not even the good rows.
    _import(page, HEADER + GOOD_ROWS + BAD_ROW, "projects-bad.csv")
    invalid_rows = page.locator("table.import-preview tbody tr")
    assert invalid_rows.count() == 1
    assert invalid_rows.locator("td").first.inner_text().strip() == "3"  # the third row of data
    message = invalid_rows.locator(".validation-error-container").text_content()  # shown on hover
    assert "“สองพันห้าร้อย” ไม่ใช่ปีงบประมาณ กรุณาระบุปี พ.ศ. เช่น 2564" in message
    assert page.locator("input[name='confirm']").count() == 0
    assert list(Project.objects.values_list("name_th", flat=True)) == [existing.name_th]

    # The good file: a preview (a dry run), then the confirmation imports both rows.
    _import(page, HEADER + GOOD_ROWS, "projects.csv")
    preview = page.locator("table.import-preview").inner_text()
    assert "โครงการพัฒนาหมู่บ้านเศรษฐกิจพอเพียง" in preview and "โครงการส่งเสริมผ้าไทย" in preview
    assert Project.objects.count() == 1
    page.get_by_role("button", name="ยืนยันการนำเข้า").click()
    page.wait_for_url(re.compile(r"/admin/reports/project/$"))
    assert "นำเข้าเสร็จสิ้น: ใหม่ 2 รายการ" in page.locator(".messagelist").inner_text()
    village = Project.objects.get(name_th="โครงการพัฒนาหมู่บ้านเศรษฐกิจพอเพียง")
    assert (village.short_name, village.first_fiscal_year, village.last_fiscal_year) == ("หมู่บ้านพอเพียง", 2564, 2566)
    textiles = Project.objects.get(name_th="โครงการส่งเสริมผ้าไทย")
    assert (textiles.first_fiscal_year, textiles.last_fiscal_year) == (2563, None)
    assert Project.objects.count() == 3
    assert page.locator("#result_list").get_by_text("หมู่บ้านพอเพียง").is_visible()
