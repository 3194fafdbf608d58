"""An inspector's documents in Chromium: page numbers in Thai digits, a draft PDF named in Thai, a summary too
long to render refused with a Thai message, publishing, the published Word file and the findings workbook."""

import os
from pathlib import Path

import pytest

from meetings.models import FollowUpMeeting
from tests import review_factories as make
from tests.conftest import login

pytestmark = pytest.mark.browser


@pytest.fixture
def meeting(inspector):
    period = make.period(2564, 3)
    make.seed_quarter(period)
    return make.meeting(inspector, period)


def _screenshot(page, name: str) -> None:
    """Screenshots for a person to look at, when SCREENSHOT_DIR names where to put them."""
    directory = os.environ.get("SCREENSHOT_DIR")
    if directory:
        for width, height in ((1366, 768), (390, 844)):
            page.set_viewport_size({"width": width, "height": height})
            page.screenshot(path=str(Path(directory) / f"{name}-{width}.png"), full_page=True)
        page.set_viewport_size({"width": 1366, "height": 768})


def test_inspector_numbers_pages_downloads_a_draft_is_told_when_too_long_then_publishes(
    page, inspector, meeting, settings
):
    login(page, inspector.username)
    page.goto(f"/meetings/{meeting.pk}/")
    _screenshot(page, "meeting-draft")

    page.get_by_label("เลขไทย “๒”").check()
    page.get_by_role("button", name="บันทึกรูปแบบเลขหน้า").click()
    assert page.locator(".alert-success").filter(has_text="บันทึกรูปแบบเลขหน้าแล้ว").is_visible()
    assert page.get_by_label("เลขไทย “๒”").is_checked()

    with page.expect_download() as download:
        page.locator("#downloads").get_by_role("link", name="PDF").click()
    assert download.value.suggested_filename == f"ร่าง-สรุปการประชุม-เขต12-18-ไตรมาส3-2564-m{meeting.pk}.pdf"
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")

    # Bad input: a summary longer than the limit is refused in Thai, on the meeting page.
    settings.SUMMARY_MAX_CHARACTERS = 50
    page.locator("#downloads").get_by_role("link", name="PDF").click()
    error = page.locator(".alert-danger")
    assert "ยาวเกินกว่าจะจัดทำเป็นไฟล์ได้" in error.inner_text()
    assert page.url.endswith(f"/meetings/{meeting.pk}/")
    page.get_by_role("link", name="เผยแพร่…").click()  # publishing asks first (meetings' confirmation page)
    page.get_by_role("button", name="ยืนยัน เผยแพร่").click()
    assert "ยาวเกินกว่าจะจัดทำเป็นไฟล์เพื่อเผยแพร่ได้" in page.locator(".alert-danger").inner_text()
    assert FollowUpMeeting.objects.get(pk=meeting.pk).published is None

    settings.SUMMARY_MAX_CHARACTERS = 600_000
    page.get_by_role("link", name="เผยแพร่…").click()
    page.get_by_role("button", name="ยืนยัน เผยแพร่").click()
    assert page.locator("#published-info").is_visible()
    published = FollowUpMeeting.objects.get(pk=meeting.pk)
    assert published.published_pdf and published.published_docx
    _screenshot(page, "meeting-published")

    with page.expect_download() as download:
        page.locator("#downloads").get_by_role("link", name="Word (.docx)").click()
    assert download.value.suggested_filename == f"สรุปการประชุม-เขต12-18-ไตรมาส3-2564-m{meeting.pk}.docx"
    with published.published_docx.open("rb") as stored:
        assert Path(download.value.path()).read_bytes() == stored.read()

    with page.expect_download() as download:
        page.locator("#downloads").get_by_role("link", name="ประเด็นที่รายงาน (.xlsx)").click()
    assert download.value.suggested_filename == f"ประเด็นที่รายงาน-เขต12-18-ไตรมาส3-2564-m{meeting.pk}.xlsx"

    page.goto(f"/meetings/{meeting.pk}/print/")
    assert page.locator("h1.summary-title").is_visible()
    _screenshot(page, "print-published")
