"""The new meeting form in Chromium, after the reviewer's follow-up meeting (review defects 2–5): a double click
creates one meeting; a month picked but not applied is not silently made a workshop; a month outside the
quarter is refused; the date starts empty when today is outside the window, with the window beside it."""

import re

import pytest

from meetings.models import FollowUpMeeting
from tests import review_factories as make
from tests.conftest import login
from tests.meeting_data import person

pytestmark = pytest.mark.browser

BUTTON = "สร้างการประชุมและจัดทำสรุปผล"


@pytest.fixture
def quarter(geography, inspector):
    period = make.period(2564, 3)
    make.submitted("ขอนแก่น", period)
    person("นางสาว", "ชนมณัฐ", "รอดบุญธรรม", user=inspector)
    return period


def field(page, name: str):
    return page.locator(f"#meeting-form [name='{name}']")


def _open(page, inspector, query: str) -> None:
    login(page, inspector.username)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto(f"/meetings/add/?{query}")


def _fill(page) -> None:
    page.get_by_label(re.compile("เขตตรวจราชการที่ 12")).check()
    field(page, "held_on").fill("2021-06-11")
    field(page, "platform").fill("ZOOM Meeting")
    field(page, "chair").select_option(index=1)


def test_a_double_click_creates_one_meeting(page, inspector, quarter):
    _open(page, inspector, f"period={quarter.pk}")
    _fill(page)
    posts = []

    def record(route) -> None:  # held a moment by the interception, as a slow server would
        if route.request.method == "POST":
            posts.append(route.request.url)
        route.continue_()

    page.route("**/meetings/add/**", record)
    page.get_by_role("button", name=BUTTON).dblclick(delay=30)
    page.wait_for_url(re.compile(r"/meetings/\d+/$"))
    page.wait_for_load_state()
    assert FollowUpMeeting.objects.count() == 1
    assert len(posts) == 1


def test_a_month_picked_without_choose_is_not_silently_a_workshop(page, inspector, quarter):
    _open(page, inspector, f"period={quarter.pk}")
    assert page.locator("#kind-not-applied").is_hidden()
    page.locator("#period-form [name='kind']").select_option("2021-05")
    assert page.locator("#kind-not-applied").is_visible()  # said at once, beside the chooser
    _fill(page)
    page.get_by_role("button", name=BUTTON).click()
    page.wait_for_load_state()
    assert page.locator("#kind-mismatch").is_visible()
    assert "พฤษภาคม" in page.locator("#kind-mismatch").inner_text()
    assert not FollowUpMeeting.objects.exists()
    # Pressing "Choose" opens the May form; that one creates the May follow-up.
    page.locator("#period-form [name='kind']").select_option("2021-05")
    page.get_by_role("button", name="เลือก").click()
    page.wait_for_url(re.compile(r"kind=2021-05"))
    _fill(page)
    field(page, "number").fill("")
    field(page, "topics-0-kind").select_option("monthly_issue")
    field(page, "topics-0-title").fill("ประเด็นเดือนพฤษภาคม")
    page.get_by_role("button", name=BUTTON).click()
    page.wait_for_url(re.compile(r"/meetings/\d+/$"))
    meeting = FollowUpMeeting.objects.get()
    assert (meeting.kind, meeting.month.month) == ("monthly", 5)


def test_a_month_outside_the_quarter_is_refused(page, inspector, quarter):
    _open(page, inspector, f"period={quarter.pk}&kind=2021-09")
    assert page.locator("#kind-error").is_visible()
    assert "2021-09" in page.locator("#kind-error").inner_text()
    assert page.locator("#meeting-form").count() == 0
    assert not FollowUpMeeting.objects.exists()


def test_the_date_starts_empty_outside_its_window_with_the_window_beside_it(page, inspector, quarter):
    _open(page, inspector, f"period={quarter.pk}")
    assert field(page, "held_on").input_value() == ""  # today (2026 or later) is outside Q3 2564's window
    hint = page.locator("#div_id_held_on").inner_text()
    assert "ระหว่างวันที่ 1 เมษายน 2564 ถึง 30 กันยายน 2564" in hint
    # Sent empty: refused beside the field, nothing made; a day inside the window is taken.
    page.get_by_label(re.compile("เขตตรวจราชการที่ 12")).check()
    field(page, "platform").fill("ZOOM Meeting")
    field(page, "chair").select_option(index=1)
    page.get_by_role("button", name=BUTTON).click()
    page.wait_for_load_state()
    assert page.locator("#div_id_held_on .invalid-feedback").is_visible()
    assert not FollowUpMeeting.objects.exists()
    field(page, "held_on").fill("2021-06-11")
    page.get_by_role("button", name=BUTTON).click()
    page.wait_for_url(re.compile(r"/meetings/\d+/$"))
    assert FollowUpMeeting.objects.get().held_on.isoformat() == "2021-06-11"


def test_on_a_phone_the_kind_select_fits_and_starts_with_the_month(page, inspector, quarter):
    page.set_viewport_size({"width": 390, "height": 844})
    _open(page, inspector, f"period={quarter.pk}")
    select = page.locator("#period-form [name='kind']")
    box = select.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    select.select_option("2021-05")
    shown = select.evaluate("s => s.options[s.selectedIndex].text")
    assert shown.startswith("เดือนพฤษภาคม พ.ศ. 2564")
