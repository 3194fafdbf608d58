"""The officer's flow in Chromium: start, fill, save a draft, reload, submit; errors; refusal."""

import datetime
import re

import pytest
from django.utils import timezone

from reports.models import Finding, ProvinceReport
from tests import factories
from tests.conftest import login

pytestmark = pytest.mark.browser

KHOK_NONG_NA = 'โครงการพัฒนาพื้นที่ต้นแบบการพัฒนาคุณภาพชีวิตตามหลักทฤษฎีใหม่ประยุกต์สู่ "โคก หนอง นา โมเดล"'
TEXTILES = "โครงการส่งเสริมผ้าไทย"
WORDS = {
    "overall_results": "จังหวัดดำเนินงานตามแผนเป็นส่วนใหญ่",
    "achievements": "ครัวเรือนมีรายได้เพิ่มขึ้น",
    "next_steps": "เร่งรัดการเบิกจ่ายในไตรมาสที่ 4",
    "findings-0-problems": "1) พื้นที่ดำเนินการเปลี่ยนแปลง 2) การขออนุญาตใช้พื้นที่ล่าช้า",
    "findings-0-causes": "เจ้าหน้าที่ขาดทักษะด้านการเงินและพัสดุ",
    "findings-0-measures": "ประสานหน่วยงานที่เกี่ยวข้องและเร่งรัดเอกสาร",
    "findings-1-title": "ร้อยใจ รักษ์ ผ้าไทย",
    "findings-1-what_done": "รวมกลุ่มทอผ้าและประกวดลายผ้าประจำจังหวัด",
    "findings-1-achieved": "ผ้าไทยเป็นที่รู้จักและสร้างรายได้",
}


@pytest.fixture
def setting(geography):
    period = factories.period(2564, 3, deadline=timezone.localdate() + datetime.timedelta(days=10))
    factories.project(KHOK_NONG_NA, short_name="โคก หนอง นา โมเดล")
    factories.project(TEXTILES)
    factories.category("พื้นที่ดำเนินการและการขออนุญาตใช้พื้นที่")
    return period


def field(page, name: str):
    return page.locator(f"[name='{name}']")


def start_report(page, officer) -> None:
    login(page, officer.username)
    page.wait_for_url(re.compile(r"/reports/$"))
    page.get_by_role("button", name="เริ่มทำรายงาน").click()
    page.wait_for_url(re.compile(r"/reports/\d+/$"))


def fill_shortfall(page, causes: str = WORDS["findings-0-causes"]) -> None:
    field(page, "findings-0-kind").select_option("shortfall")
    assert not page.locator("#div_id_findings-0-title").is_visible()  # best-practice fields hide
    assert page.locator("#div_id_findings-0-problems").is_visible()
    field(page, "findings-0-project").select_option(label="โคก หนอง นา โมเดล")
    field(page, "findings-0-problems").fill(WORDS["findings-0-problems"])
    field(page, "findings-0-causes").fill(causes)
    field(page, "findings-0-measures").fill(WORDS["findings-0-measures"])
    page.locator("#div_id_findings-0-categories").get_by_label("พื้นที่ดำเนินการและการขออนุญาตใช้พื้นที่").check()


def fill_best_practice(page) -> None:
    page.get_by_role("button", name="เพิ่มรายการ").click()
    field(page, "findings-1-kind").select_option("best_practice")
    assert not page.locator("#div_id_findings-1-problems").is_visible()
    field(page, "findings-1-project").select_option(label=TEXTILES)
    for name in ("findings-1-title", "findings-1-what_done", "findings-1-achieved"):
        field(page, name).fill(WORDS[name])


def test_officer_fills_saves_reloads_and_submits(page, officer, setting):
    start_report(page, officer)
    for name in ("overall_results", "achievements", "next_steps"):
        field(page, name).fill(WORDS[name])
    fill_shortfall(page)
    fill_best_practice(page)
    page.get_by_role("button", name="บันทึกร่าง").click()
    page.wait_for_load_state()
    assert page.get_by_text("บันทึกร่างแล้ว").is_visible()

    page.reload()
    for name, words in WORDS.items():
        assert field(page, name).input_value() == words, name
    assert field(page, "findings-0-kind").input_value() == "shortfall"
    assert field(page, "findings-1-kind").input_value() == "best_practice"
    assert page.locator("#id_findings-0-categories_0").is_checked()

    page.get_by_role("button", name="ส่งรายงานถึงผู้ตรวจราชการ").click()
    page.wait_for_load_state()
    assert page.get_by_text("ส่งรายงานถึงผู้ตรวจราชการแล้ว").is_visible()
    assert page.locator("#block-reason").is_visible()
    assert page.locator("[name='overall_results']").count() == 0  # read-only now
    report = ProvinceReport.objects.get()
    assert report.status == ProvinceReport.Status.SUBMITTED
    assert report.findings.get(kind=Finding.Kind.SHORTFALL).causes == WORDS["findings-0-causes"]
    assert report.findings.get(kind=Finding.Kind.BEST_PRACTICE).title == WORDS["findings-1-title"]


def test_missing_field_shows_the_thai_error_beside_it_and_keeps_the_rest(page, officer, setting):
    start_report(page, officer)
    for name in ("overall_results", "achievements", "next_steps"):
        field(page, name).fill(WORDS[name])
    fill_shortfall(page, causes="")
    fill_best_practice(page)
    page.get_by_role("button", name="ส่งรายงานถึงผู้ตรวจราชการ").click()
    page.wait_for_load_state()
    causes_block = page.locator("#div_id_findings-0-causes")
    assert "กรอกช่องนี้ก่อนส่งรายงาน" in causes_block.inner_text()
    assert "is-invalid" in (field(page, "findings-0-causes").get_attribute("class") or "")
    for name, words in WORDS.items():
        if name != "findings-0-causes":
            assert field(page, name).input_value() == words, name
    assert ProvinceReport.objects.get().status == ProvinceReport.Status.DRAFT


def test_removing_a_finding_keeps_the_others_text(page, officer, setting):
    start_report(page, officer)
    fill_shortfall(page)
    fill_best_practice(page)
    page.locator("[data-finding]").first.get_by_role("button", name="ลบรายการนี้").click()
    assert not page.locator("#div_id_findings-0-problems").is_visible()
    assert field(page, "findings-1-title").input_value() == WORDS["findings-1-title"]
    page.get_by_role("button", name="บันทึกร่าง").click()
    page.wait_for_load_state()
    assert list(Finding.objects.values_list("kind", "title")) == [("best_practice", WORDS["findings-1-title"])]


def test_another_provinces_report_is_refused_in_thai(page, officer, other_officer, setting):
    other = factories.report("นครสวรรค์", setting)
    login(page, officer.username)
    page.wait_for_url(re.compile(r"/reports/$"))
    response = page.goto(f"/reports/{other.pk}/")
    assert response.status == 403
    assert "ไม่มีสิทธิ์" in page.locator("main").inner_text()
    assert "นครสวรรค์" not in page.locator("main").inner_text()


PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_uploading_with_unsaved_text_asks_first_and_keeps_the_text(page, setting, officer):
    start_report(page, officer)
    field(page, "overall_results").fill(WORDS["overall_results"])
    page.locator("#attachment-form input[type=file]").set_input_files(
        {"name": "สไลด์นำเสนอ.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    warnings = []

    def refuse(dialog):
        warnings.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", refuse)
    page.locator("#attachment-form button[type=submit]").click()
    assert warnings and "ยังไม่ได้บันทึก" in warnings[0]
    assert field(page, "overall_results").input_value() == WORDS["overall_results"]
    assert not ProvinceReport.objects.get().attachments.exists()

    page.get_by_role("button", name="บันทึกร่าง").click()
    page.wait_for_load_state()
    page.locator("#attachment-form input[type=file]").set_input_files(
        {"name": "สไลด์นำเสนอ.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    page.locator("#attachment-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="สไลด์นำเสนอ.pdf").is_visible()
    report = ProvinceReport.objects.get()
    assert report.overall_results == WORDS["overall_results"]
    assert report.attachments.get().original_name == "สไลด์นำเสนอ.pdf"
