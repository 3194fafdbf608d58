"""The library in Chromium: a province shares a file with its best practice; an officer of another zone finds
the best practice by a Thai word and downloads the file; an inspector searches shortfalls; bad input answered."""

import re

import pytest

from library.models import SharedAttachment
from reports.models import ProvinceReport
from tests import factories
from tests.conftest import login
from tests.library_data import SUPHANNIKA, attach

pytestmark = pytest.mark.browser


@pytest.fixture
def kk(geography):
    report = factories.report("ขอนแก่น", factories.period(2564, 3), status=ProvinceReport.Status.ACCEPTED)
    report.practice = factories.best_practice(report, title=SUPHANNIKA, what_done="รวมกลุ่มทอผ้าไหมลายประจำจังหวัด")
    report.shortfall = factories.shortfall(report, problems="การประชุม ศอช. ระดับอำเภอไม่ครบองค์ประชุม")
    report.shared = attach(report, "ลายผ้าสุพรรณิการ์.pdf")
    report.private = attach(report, "บัญชีรายชื่อสมาชิก.pdf")
    return report


def _switch_user(page, user) -> None:
    page.context.clear_cookies()
    login(page, user.username)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_the_province_shares_a_file_and_another_zone_finds_it(page, officer, other_officer, kk):
    # ขอนแก่น's officer shares one of the two files with the best practice.
    _switch_user(page, officer)
    page.goto(f"/reports/{kk.pk}/")
    panel = page.locator("#library-sharing")
    panel.get_by_label("ลายผ้าสุพรรณิการ์.pdf").check()
    panel.get_by_role("button", name="บันทึกไฟล์ที่เผยแพร่").click()
    page.get_by_text("บันทึกไฟล์ที่เผยแพร่พร้อมแบบอย่างที่ดีแล้ว").wait_for()
    assert list(SharedAttachment.objects.values_list("attachment_id", flat=True)) == [kk.shared.pk]

    # นครสวรรค์ (zone 18) opens the library from the menu and searches a word inside unspaced Thai.
    _switch_user(page, other_officer)
    page.get_by_role("link", name="คลังแบบอย่างที่ดี").click()
    page.wait_for_url(re.compile(r"/library/$"))
    page.get_by_label("ค้นหา").fill("สุพรรณิการ์")
    page.get_by_role("button", name="ค้นหา").click()
    results = page.locator("#results .result")
    assert results.count() == 1
    assert results.first.locator("mark").first.inner_text() == "สุพรรณิการ์"
    assert "ขอนแก่น" in results.first.inner_text()

    # The best practice's page shows the shared file only, and it downloads.
    results.first.get_by_role("link", name=re.compile("สุพรรณิการ์")).click()
    page.wait_for_url(re.compile(rf"/library/best-practices/{kk.practice.pk}/$"))
    files = page.locator("#shared-attachments")
    assert "บัญชีรายชื่อสมาชิก.pdf" not in files.inner_text()
    with page.expect_download() as download:
        files.get_by_role("link", name="ลายผ้าสุพรรณิการ์.pdf").click()
    assert download.value.suggested_filename == "ลายผ้าสุพรรณิการ์.pdf"


def test_bad_and_fruitless_queries_are_answered(page, other_officer, kk):
    _switch_user(page, other_officer)
    page.goto("/library/")
    assert page.locator("#results .result").count() == 1  # no query: the whole library

    page.get_by_label("ค้นหา").fill("!!! ???")
    page.get_by_role("button", name="ค้นหา").click()
    assert "สัญลักษณ์อย่างเดียวค้นหาไม่ได้" in page.locator("#search-problem").inner_text()
    assert page.locator("#results").count() == 0

    page.get_by_label("ค้นหา").fill("ฮิปโปโปเตมัส")
    page.get_by_role("button", name="ค้นหา").click()
    assert "ไม่พบผลการค้นหา “ฮิปโปโปเตมัส”" in page.locator("#no-results").inner_text()

    page.get_by_label("ค้นหา").fill("ศอช.")  # a shortfall's word: shortfalls are never in the library
    page.get_by_role("button", name="ค้นหา").click()
    page.locator("#no-results").wait_for()

    page.get_by_role("link", name="ล้างเงื่อนไข").click()
    assert page.locator("#results .result").count() == 1


def test_an_inspector_searches_the_zones_shortfalls(page, inspector, kk):
    _switch_user(page, inspector)
    page.get_by_role("link", name="คลังแบบอย่างที่ดี").click()  # the navigation, then the library's second tab
    page.get_by_role("link", name="ค้นหาผลการตรวจ").click()
    page.locator("#search-hint").wait_for()
    page.get_by_label("ค้นหา").fill("ศอช.")
    page.get_by_label("ประเภท").select_option("shortfall")
    page.get_by_role("button", name="ค้นหา").click()
    result = page.locator("#results .result")
    assert result.count() == 1
    assert result.first.locator("mark").first.inner_text() == "ศอช."
    result.first.get_by_role("link").first.click()
    page.wait_for_url(re.compile(rf"/reports/{kk.pk}/"))


def test_a_common_word_says_more_were_found_and_a_filter_narrows_it(page, other_officer, kk, monkeypatch):
    """More matches than are ranked (the cap lowered to 2): the page says so; a year narrows the search."""
    from library import search as finding_search

    monkeypatch.setattr(finding_search, "MAX_RESULTS", 2)
    older = factories.report("ขอนแก่น", factories.period(2563, 1), status=ProvinceReport.Status.ACCEPTED)
    factories.best_practice(older, title="ผ้าไหมรุ่นแรก", what_done="ทอผ้าไหมลายดั้งเดิม")
    for n in range(2):
        factories.best_practice(kk, title=f"ผ้าไหมรุ่นที่ {n}", what_done="ทอผ้าไหมส่งตลาด")
    _switch_user(page, other_officer)
    page.goto("/library/")
    page.get_by_label("ค้นหา").fill("ผ้าไหม")
    page.get_by_role("button", name="ค้นหา").click()
    assert "พบมากกว่า 2 รายการ" in page.locator("#result-count").inner_text()
    assert page.locator("#results .result").count() == 2

    page.get_by_label("ปีงบประมาณ").select_option("2563")
    page.get_by_role("button", name="ค้นหา").click()
    page.wait_for_url(re.compile(r"fiscal_year=2563"))
    assert page.locator("#result-count").inner_text().startswith("1 รายการ")
    assert "ผ้าไหมรุ่นแรก" in page.locator("#results .result").first.inner_text()
