"""An inspector reads a trend in Chromium: the table's numbers, a filter changed, a bad filter in the address,
and the .xlsx download of the same numbers."""

import datetime
import io
import re
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from provinces.models import InspectorAssignment
from reports.models import ProvinceReport, ReportingPeriod
from tests import review_factories as make
from tests.conftest import login

pytestmark = pytest.mark.browser
Status = ProvinceReport.Status


def _handed_in(name: str, period: ReportingPeriod, days_after_deadline: int) -> None:
    day = period.deadline + datetime.timedelta(days=days_after_deadline)
    at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    make.report(name, period, Status.ACCEPTED, submitted_at=at, is_late=days_after_deadline > 0)


@pytest.fixture
def quarters(geography, inspector):
    """FY 2564 Q1–Q3 of zones 12 and 18 (the inspector's), and a quarter of FY 2563 before them."""
    for assignment in inspector.inspector_assignments.all():
        InspectorAssignment.objects.create(user=inspector, zone=assignment.zone, fiscal_year=2563)
    earlier = ReportingPeriod.objects.create(fiscal_year=2563, quarter=4)
    periods = [ReportingPeriod.objects.create(fiscal_year=2564, quarter=q) for q in (1, 2, 3)]
    _handed_in("ขอนแก่น", earlier, -1)
    for period in periods:
        _handed_in("ขอนแก่น", period, -2)  # on time
        _handed_in("พิจิตร", period, 3)  # late
    make.shortfall(ProvinceReport.objects.get(province__name_th="พิจิตร", period=periods[2]), "โครงการตัวอย่าง")
    return periods


def _row(page, label: str) -> list[str]:
    row = page.locator('table[data-table="submissions"] tbody tr', has=page.locator(f'th:text-is("{label}")'))
    return [cell.strip() for cell in row.locator("th, td").all_inner_texts()]


def test_inspector_reads_a_trend_changes_the_filter_and_downloads_it(page, inspector, quarters):
    login(page, inspector.username)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.get_by_role("link", name="แนวโน้ม", exact=True).first.click()
    page.wait_for_url(re.compile(r"/trends/$"))
    assert page.get_by_role("heading", name=re.compile("แนวโน้มของเขตตรวจราชการที่รับผิดชอบ")).is_visible()

    # Three fiscal years up to 2564 by default: 2563's quarter is there; the numbers as the table says.
    assert page.locator("figure.trend-chart svg[role=img]").first.is_visible()
    assert _row(page, "ไตรมาส 3/2564") == ["ไตรมาส 3/2564", "8", "1", "1", "6", "0", "12.5"]
    assert _row(page, "ไตรมาส 4/2563")[:3] == ["ไตรมาส 4/2563", "8", "1"]
    shortfalls = page.locator('table[data-table="shortfalls"]')
    assert "โครงการตัวอย่าง" in shortfalls.inner_text() and "พิจิตร (1)" in shortfalls.inner_text()

    # One fiscal year: 2563 is gone.
    page.get_by_label("จำนวนปีงบประมาณที่แสดง").select_option("1")
    page.get_by_role("button", name="แสดง").click()
    page.wait_for_url(re.compile(r"years=1"))
    assert page.locator('table[data-table="submissions"] tbody tr').count() == 3
    assert page.locator('th:text-is("ไตรมาส 4/2563")').count() == 0

    # A filter typed wrong in the address: said so, the usual three years shown instead.
    page.goto("/trends/?years=many&until=2564")
    assert page.locator("#filters-refused").is_visible()
    assert "อ่านค่าตัวกรอง" in page.locator("#filters-refused").inner_text()
    assert page.locator('table[data-table="submissions"] th:text-is("ไตรมาส 4/2563")').count() == 1
    assert page.get_by_label("จำนวนปีงบประมาณที่แสดง").input_value() == "3"

    # The download holds the table's numbers.
    page.goto("/trends/?years=1&until=2564")
    with page.expect_download() as download:
        page.locator("#submissions").get_by_role("link", name=re.compile("ดาวน์โหลด")).click()
    assert download.value.suggested_filename == "แนวโน้ม-2564-2564.xlsx"
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).worksheets[0]
    assert sheet["A1"].value == "การส่งรายงานตรงเวลา ล่าช้า และยังไม่ส่ง รายไตรมาส"
    assert [cell.value for cell in sheet[2]][:4] == ["ไตรมาส", "จำนวนจังหวัด", "ตรงเวลา", "ล่าช้า"]
    rows = [list(row) for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert [row[0] for row in rows] == ["ไตรมาส 1/2564", "ไตรมาส 2/2564", "ไตรมาส 3/2564"]
    assert rows[2][:6] == ["ไตรมาส 3/2564", 8, 1, 1, 6, 0]
