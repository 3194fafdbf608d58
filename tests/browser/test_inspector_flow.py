"""The inspector's flow in Chromium: tracker, return with a comment, the officer resubmits, accept the rest,
create the meeting for zones 12 and 18, edit one sentence, publish, download Word and PDF."""

import re
import subprocess

import docx
import pytest

from meetings.models import FollowUpMeeting
from reports.models import ProvinceReport
from tests import review_factories as make
from tests.conftest import login
from tests.meeting_data import person

pytestmark = pytest.mark.browser

COMMENT = "กรุณาระบุสาเหตุของปัญหาโคก หนอง นา ให้ชัดเจน"
EDITED = "โดยแต่ละจังหวัดได้นำเสนอผลการดำเนินงานผ่านระบบออนไลน์ สรุปได้ดังนี้"


@pytest.fixture
def quarter(geography, inspector):
    period = make.period(2564, 3)
    make.seed_quarter(period)
    person("นางสาว", "ชนมณัฐ", "รอดบุญธรรม", user=inspector)  # whom the inspector names as chair
    return period


def _switch_user(page, user) -> None:
    page.context.clear_cookies()
    login(page, user.username)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _squeeze(text: str) -> str:
    """Without spaces or line breaks."""
    return re.sub(r"\s+", "", text)


def _assert_seed_groupings(text: str) -> None:
    flat = _squeeze(text)
    khok = flat.index(_squeeze("จำนวน 5 จังหวัด ได้แก่ จังหวัดขอนแก่น มหาสารคาม กำแพงเพชร พิจิตร และอุทัยธานี"))
    fund = flat.index(_squeeze("จำนวน 2 จังหวัด ได้แก่ จังหวัดร้อยเอ็ด และนครสวรรค์"))
    centre = flat.index(_squeeze("จำนวน 1 จังหวัด"))
    assert khok < fund < centre  # most provinces first
    assert _squeeze("จังหวัดมหาสารคาม และพิจิตร นำเสนอ") in flat
    assert _squeeze("จังหวัดร้อยเอ็ด และนครสวรรค์ นำเสนอ") in flat
    assert _squeeze(EDITED) in flat


def test_inspector_reviews_holds_the_meeting_and_publishes(page, inspector, officer, quarter):
    khon_kaen = ProvinceReport.objects.get(province__name_th="ขอนแก่น", period=quarter)

    # The inspector lands on the tracker: eight provinces, all awaiting review.
    _switch_user(page, inspector)
    page.wait_for_url(re.compile(r"/reports/tracker/"))
    assert page.locator("tr.track-row").count() == 8
    assert page.get_by_role("link", name="ตรวจรายงาน").count() == 8

    # Return ขอนแก่น: first without a comment (refused in Thai), then with one.
    page.locator("tr[data-province='ขอนแก่น']").get_by_role("link", name="ตรวจรายงาน").click()
    page.wait_for_url(re.compile(rf"/reports/{khon_kaen.pk}/review/$"))
    page.get_by_role("button", name="ส่งกลับแก้ไข").click()
    assert page.get_by_text("กรุณาระบุความเห็นว่าจังหวัดควรแก้ไขอะไร").is_visible()
    page.get_by_label("จังหวัดควรแก้ไขอะไร").fill(COMMENT)
    page.get_by_role("button", name="ส่งกลับแก้ไข").click()
    page.wait_for_url(re.compile(r"/reports/tracker/"))
    assert page.locator("tr[data-province='ขอนแก่น']").get_attribute("data-status") == "returned"

    # The officer sees the comment and resubmits.
    _switch_user(page, officer)
    page.goto(f"/reports/{khon_kaen.pk}/")
    assert COMMENT in page.locator("#return-comment").inner_text()
    page.get_by_role("button", name="ส่งรายงานถึงผู้ตรวจราชการ").click()
    page.wait_for_load_state()
    khon_kaen.refresh_from_db()
    assert khon_kaen.status == ProvinceReport.Status.SUBMITTED

    # The inspector accepts all eight, the history of ขอนแก่น showing the return.
    _switch_user(page, inspector)
    page.goto("/reports/tracker/")
    for _ in range(8):
        page.get_by_role("link", name="ตรวจรายงาน").first.click()
        page.wait_for_url(re.compile(r"/review/$"))
        if "ขอนแก่น" in page.locator("h1").inner_text():
            assert COMMENT in page.locator("#report-history").inner_text()
        page.get_by_role("button", name="รับรอง", exact=True).click()
        page.wait_for_url(re.compile(r"/reports/tracker/"))
    assert page.get_by_role("link", name="ตรวจรายงาน").count() == 0
    assert set(ProvinceReport.objects.values_list("status", flat=True)) == {ProvinceReport.Status.ACCEPTED}

    # The meeting for zones 12 and 18.
    page.get_by_role("link", name="การประชุมตรวจติดตาม").first.click()
    page.get_by_role("link", name="สร้างการประชุม").click()
    page.get_by_label(re.compile("เขตตรวจราชการที่ 12")).check()
    page.get_by_label(re.compile("เขตตรวจราชการที่ 18")).check()
    page.locator("[name='held_on']").fill("2021-06-11")
    page.locator("[name='platform']").fill("ZOOM Meeting")
    page.locator("[name='chair']").select_option(label="นางสาวชนมณัฐ รอดบุญธรรม ผู้ตรวจราชการกรมการพัฒนาชุมชน")
    page.get_by_role("button", name="สร้างการประชุมและจัดทำสรุปผล").click()
    page.wait_for_url(re.compile(r"/meetings/\d+/$"))
    meeting = FollowUpMeeting.objects.get()
    summary_text = page.locator("#summary").inner_text()
    assert "รวมทั้งหมด 8 จังหวัด" in summary_text
    assert "จำนวน 5 จังหวัด ได้แก่ จังหวัดขอนแก่น มหาสารคาม กำแพงเพชร พิจิตร และอุทัยธานี" in summary_text

    # Edit one sentence, then publish.
    page.get_by_role("link", name="แก้ไขข้อความ").click()
    page.locator("textarea[name='block_intro']").fill(EDITED)
    page.get_by_role("button", name="บันทึกข้อความ").click()
    page.wait_for_url(re.compile(rf"/meetings/{meeting.pk}/$"))
    assert EDITED in page.locator("#summary").inner_text()
    page.get_by_role("link", name="เผยแพร่…").click()
    assert "เจ้าหน้าที่ของจังหวัดกาฬสินธุ์" in page.locator("#publish-question").inner_text()
    page.get_by_role("button", name="ยืนยัน เผยแพร่").click()
    assert page.locator("#published-info").is_visible()
    meeting.refresh_from_db()
    assert meeting.published_by == inspector

    # Word and PDF, checked for the seed's groupings.
    with page.expect_download() as word:
        page.get_by_role("link", name="Word (.docx)").click()
    assert word.value.suggested_filename == f"สรุปการประชุม-เขต12-18-ไตรมาส3-2564-m{meeting.pk}.docx"
    document = docx.Document(word.value.path())
    _assert_seed_groupings("\n".join(paragraph.text for paragraph in document.paragraphs))
    with page.expect_download() as pdf:
        page.get_by_role("link", name="PDF").click()
    assert pdf.value.suggested_filename == f"สรุปการประชุม-เขต12-18-ไตรมาส3-2564-m{meeting.pk}.pdf"
    # Read as a PDF reader's search and copy read it (poppler's pdftotext honours ActualText; pypdf does not).
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf.value.path(), "-"], capture_output=True, check=True)
    _assert_seed_groupings(text.stdout.decode())

    # The officer of a meeting's province reads the published summary.
    _switch_user(page, officer)
    page.goto(f"/meetings/{meeting.pk}/")
    assert EDITED in page.locator("#summary").inner_text()
    assert page.get_by_role("link", name="เผยแพร่…").count() == 0
