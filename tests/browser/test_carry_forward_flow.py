"""Carry-forward in Chromium: an officer resolves one of last quarter's problems (an empty answer
refused first, the error beside the field) and carries the other forward into the new report."""

import datetime
import re

import pytest
from django.utils import timezone

from reports.models import Finding, ProvinceReport, ShortfallResolution
from tests import factories
from tests.conftest import login

pytestmark = pytest.mark.browser


@pytest.fixture
def quarters(geography):
    old = factories.report("ขอนแก่น", factories.period(2564, 3), status=ProvinceReport.Status.ACCEPTED)
    khok = factories.shortfall(
        old, factories.project("โครงการโคก หนอง นา", short_name="โคก หนอง นา"), problems="ขุดดินล่าช้า"
    )
    fund = factories.shortfall(old, factories.project("กองทุนพัฒนาบทบาทสตรี"), problems="หนี้ค้างชำระ", position=1)
    period = factories.period(2564, 4, deadline=timezone.localdate() + datetime.timedelta(days=10))
    new = factories.report("ขอนแก่น", period)
    return {"old": old, "khok": khok, "fund": fund, "new": new}


def test_officer_resolves_one_problem_and_carries_the_other_forward(page, officer, quarters):
    login(page, officer.username)
    page.goto(f"/reports/{quarters['new'].pk}/")
    offers = page.locator("#offers")
    assert offers.get_by_text("ขุดดินล่าช้า").is_visible() and offers.get_by_text("หนี้ค้างชำระ").is_visible()

    fund_offer = page.locator(f"#offer-{quarters['fund'].pk}")
    fund_offer.get_by_role("button", name="บันทึกว่าแก้ไขแล้ว").click()
    fund_offer = page.locator(f"#offer-{quarters['fund'].pk}")
    answer = fund_offer.get_by_label("สิ่งที่ทำให้ปัญหาได้รับการแก้ไข")
    assert "is-invalid" in answer.get_attribute("class")
    assert fund_offer.locator(".invalid-feedback").inner_text().strip() == "โปรดระบุว่าปัญหาได้รับการแก้ไขอย่างไร"
    assert not ShortfallResolution.objects.exists()

    answer.fill("ปรับโครงสร้างหนี้ตามมาตรการ ลูกหนี้ชำระได้ตามเป้าหมาย")
    fund_offer.get_by_role("button", name="บันทึกว่าแก้ไขแล้ว").click()
    page.wait_for_selector("#resolutions")
    assert page.locator("#resolutions").get_by_text("ปรับโครงสร้างหนี้ตามมาตรการ ลูกหนี้ชำระได้ตามเป้าหมาย").is_visible()
    assert page.locator(f"#offer-{quarters['fund'].pk}").count() == 0

    page.locator(f"#offer-{quarters['khok'].pk}").get_by_role("button", name="ยกมาต่อเนื่องในรายงานนี้").click()
    page.wait_for_url(re.compile(r"#finding-\d+$"))
    carried = Finding.objects.get(report=quarters["new"])
    card = page.locator(f"#finding-{carried.pk}")
    assert card.locator("[data-carried]").inner_text() == "ต่อเนื่องจากไตรมาสก่อน"
    assert card.locator("[data-running]").inner_text() == "ปัญหาต่อเนื่อง 2 ไตรมาส"
    assert card.locator("[name='findings-0-problems']").input_value() == "ขุดดินล่าช้า"
    assert page.locator("#offers").count() == 0
    assert carried.carried_from == quarters["khok"]
    # Last quarter's accepted report is as it was.
    assert list(quarters["old"].findings.values_list("problems", flat=True)) == ["ขุดดินล่าช้า", "หนี้ค้างชำระ"]


def test_inspector_lists_the_longest_running_problems_and_filters_them(page, inspector, quarters):
    """From the navigation; a filter by project; an unknown zone in the address falls back to all her zones."""
    carried = Finding.objects.create(
        report=factories.report("มหาสารคาม", quarters["new"].period, status=ProvinceReport.Status.SUBMITTED),
        project=quarters["fund"].project,
        kind=Finding.Kind.SHORTFALL,
        problems="หนี้ค้างชำระต่อเนื่อง",
        quarters_running=2,
    )
    login(page, inspector.username)
    page.get_by_role("link", name="แนวโน้ม").click()  # the navigation, then the trends' tab
    page.get_by_role("link", name="ปัญหาที่ต่อเนื่องยาวนานที่สุด").click()
    rows = page.locator("#problems tbody tr")
    assert rows.count() == 3  # มหาสารคาม's Q4 problem, then ขอนแก่น's two of Q3 (its Q4 report is a draft)
    assert rows.first.locator("td").first.inner_text() == "2"
    assert "หนี้ค้างชำระต่อเนื่อง" in rows.first.inner_text()
    page.get_by_label("โครงการ").select_option(label=str(carried.project))
    page.get_by_role("button", name="แสดง").click()
    assert page.locator("#problems tbody tr").count() == 2
    page.goto("/reports/problems/?zone=abc")
    assert page.locator("#problems tbody tr").count() == 3
