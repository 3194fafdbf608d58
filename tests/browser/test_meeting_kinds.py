"""The four golden meetings (tests/golden/meeting_kinds.py) made through the browser, as an inspector would:
each first refused with bad input — a date outside the allowed window, no chair, an empty topic — the
Thai errors beside their fields and everything typed kept; then created, its provinces set, and its Word
file and page reading word for word as the department writes it. Meeting C's figures are typed by the
province's officer on the report form first."""

import re

import docx
import pytest

from meetings.models import FollowUpMeeting
from reports.models import FindingFigure, ProvinceReport
from tests import review_factories as make
from tests.conftest import login
from tests.golden import meeting_kinds as golden
from tests.golden import setup
from tests.test_summary_kinds_golden import shown_paragraphs, web_paragraphs

pytestmark = pytest.mark.browser

CHAIR_ERROR = "กรุณาเลือกประธานในที่ประชุม"
TOPIC_ERROR = "กรุณาระบุหัวข้อ หัวข้อต้องไม่ว่าง"
DATE_ERROR = "ต้องจัดระหว่างวันที่"


def field(page, name: str):
    return page.locator(f"#meeting-form [name='{name}']")


def _log_in(page, user) -> None:
    page.context.clear_cookies()
    login(page, user.username)
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _create(page) -> None:
    page.get_by_role("button", name="สร้างการประชุมและจัดทำสรุปผล").click()
    page.wait_for_load_state()


def _refused(page, kept: dict[str, str]) -> None:
    """The three errors beside their fields, what was typed still there, nothing saved."""
    assert re.search(r"/meetings/add/", page.url)
    assert page.locator("#meeting-errors").is_visible()
    assert DATE_ERROR in page.locator("#div_id_held_on").inner_text()
    assert CHAIR_ERROR in page.locator("#div_id_chair").inner_text()
    assert TOPIC_ERROR in page.locator("#topic-forms").inner_text()
    for name, value in kept.items():
        assert field(page, name).input_value() == value, name
    assert not FollowUpMeeting.objects.exists()


def _chair(page, row) -> None:
    field(page, "chair").select_option(label=golden.said(row))


def _word(page) -> list[str]:
    with page.expect_download() as download:
        page.get_by_role("link", name="Word (.docx)").click()
    return shown_paragraphs(docx.Document(download.value.path()))


def _reads_as(page, expected: list[str]) -> None:
    meeting = FollowUpMeeting.objects.get()
    assert _word(page) == expected
    assert web_paragraphs(meeting.draft) == expected
    page_text = page.locator("#summary").inner_text()
    for paragraph in expected[1:]:
        assert paragraph.split("\n")[0] in page_text


def _save_provinces(page, meeting, order: dict[str, str] | None = None) -> None:
    page.goto(f"/meetings/{meeting.pk}/provinces/")
    for name, number in (order or {}).items():
        page.get_by_label(f"ลำดับการนำเสนอของ{name}").fill(number)
    page.get_by_role("button", name="บันทึกจังหวัด").click()
    page.wait_for_load_state()


# --- A -----------------------------------------------------------------------------------------


def test_a_one_zone_quarterly_workshop_on_site(page, inspector, geography):
    quarter = setup.reports_a()
    setup.person(golden.INSPECTOR)
    _log_in(page, inspector)
    page.goto(f"/meetings/add/?period={quarter.pk}")
    assert field(page, "number").input_value() == "2"  # the quarter's number, by default
    page.get_by_label(re.compile("เขตตรวจราชการที่ 18")).check()
    field(page, "held_on").fill("2020-12-31")  # before Q2 begins
    field(page, "mode").and_(page.locator("[value='on_site']")).check()
    field(page, "place").fill(golden.A_PLACE)
    field(page, "topics-0-title").fill("")  # an empty topic
    _create(page)
    _refused(page, {"place": golden.A_PLACE, "held_on": "2020-12-31", "topics-1-title": golden.TOPIC_BEST_PRACTICES})
    assert page.get_by_label(re.compile("เขตตรวจราชการที่ 18")).is_checked()

    field(page, "held_on").fill("2021-03-25")
    _chair(page, golden.INSPECTOR)
    field(page, "topics-0-title").fill(golden.TOPIC_SHORTFALLS)
    _create(page)
    page.wait_for_url(re.compile(r"/meetings/\d+/$"))
    meeting = FollowUpMeeting.objects.get()
    # Phichit's chief, kept as its province's chief, is offered as its presenter: saving names him.
    _save_provinces(page, meeting)
    page.wait_for_url(re.compile(rf"/meetings/{meeting.pk}/$"))
    _reads_as(page, golden.A_TEXT)


# --- B -----------------------------------------------------------------------------------------


def test_b_a_monthly_online_meeting_chaired_by_a_deputy_director_general(page, inspector, geography):
    quarter = setup.reports_b()
    issues = setup.issues_b()
    for row in (golden.DEPUTY_DG, golden.OTHER_INSPECTOR, golden.HEAD_OF_INSPECTORS):
        setup.person(row)
    _log_in(page, inspector)
    page.goto(f"/meetings/add/?period={quarter.pk}")
    page.locator("#period-form [name='kind']").select_option(
        label="เดือนมีนาคม พ.ศ. 2564: ติดตามประเด็นการตรวจราชการประจำเดือน"
    )
    page.locator("#period-form").get_by_role("button", name="เลือก").click()
    page.wait_for_url(re.compile(r"kind=2021-03"))
    # The administrator's three issues of the month are offered, in order.
    assert [field(page, f"topics-{n}-title").input_value() for n in range(3)] == golden.B_ISSUES
    page.get_by_label(re.compile("เขตตรวจราชการที่ 12")).check()
    field(page, "platform").fill("ZOOM Meeting")
    field(page, "held_on").fill("2021-07-01")  # more than one quarter after March ends
    for number, found in enumerate(golden.B_FOUND):
        field(page, f"topics-{number}-body").fill(found)
    field(page, "topics-1-issue").select_option("")  # the second issue unpicked and its title cleared:
    field(page, "topics-1-title").fill("")  # an empty topic
    _create(page)
    _refused(page, {"platform": "ZOOM Meeting", "topics-0-body": golden.B_FOUND[0], "topics-2-body": golden.B_FOUND[2]})

    field(page, "held_on").fill("2021-03-30")
    _chair(page, golden.DEPUTY_DG)
    field(page, "officials-0-person").select_option(label=golden.said(golden.OTHER_INSPECTOR))
    field(page, "officials-1-person").select_option(label=golden.said(golden.HEAD_OF_INSPECTORS))
    field(page, "topics-1-issue").select_option(str(issues[1].pk))
    _create(page)
    page.wait_for_url(re.compile(r"/meetings/\d+/$"))
    _reads_as(page, golden.B_TEXT)


# --- C -----------------------------------------------------------------------------------------


def test_c_a_one_province_monthly_follow_up_with_figures_per_phase(page, inspector, geography):
    from tests.conftest import make_officer

    quarter = make.period(2564, 2)  # its deadline still ahead: the officer can write
    make.report("กำแพงเพชร", quarter, ProvinceReport.Status.SUBMITTED)
    draft = make.report("พิจิตร", quarter, overall_results="")
    make.project(golden.KHOK_NONG_NA)
    setup.person(golden.INSPECTOR)
    chief = setup.person(golden.PHICHIT_CHIEF)
    type(draft.province).objects.filter(pk=draft.province_id).update(chief=chief)
    officer = make_officer("officer_pc", "พิจิตร")

    # The officer types the shortfall and its figures, one of them first as a word.
    _log_in(page, officer)
    page.goto(f"/reports/{draft.pk}/")
    page.locator("[name='overall_results']").fill("ดำเนินงานตามแผนเป็นส่วนใหญ่")
    page.locator("[name='no_best_practices']").check()
    page.locator("[name='findings-0-kind']").select_option("shortfall")
    page.locator("[name='findings-0-project']").select_option(label=golden.KHOK_NONG_NA)
    for name, text in (("problems", golden.C_PROBLEM), ("causes", golden.C_CAUSE), ("measures", golden.C_MEASURE)):
        page.locator(f"[name='findings-0-{name}']").fill(text)
    first, second = golden.C_FIGURES
    for name, value in zip(("activity", "target", "result", "unit"), first, strict=True):
        page.locator(f"[name='findings-0-figures-0-{name}']").fill(value)
    page.get_by_role("button", name="เพิ่มแถวตัวเลข").click()
    for name, value in zip(("activity", "target", "result", "unit"), second, strict=True):
        page.locator(f"[name='findings-0-figures-1-{name}']").fill(value)
    page.locator("[name='findings-0-figures-0-target']").fill("ห้าร้อยสิบหก")
    page.get_by_role("button", name="ส่งรายงานถึงผู้ตรวจราชการ").click()
    page.wait_for_load_state()
    assert page.locator("[name='findings-0-figures-0-target']").input_value() == "ห้าร้อยสิบหก"
    assert "is-invalid" in page.locator("[name='findings-0-figures-0-target']").get_attribute("class")
    assert page.locator("[name='findings-0-figures-1-unit']").input_value() == "แห่ง"  # the added row kept
    assert not FindingFigure.objects.exists()
    page.locator("[name='findings-0-figures-0-target']").fill("516")
    page.get_by_role("button", name="ส่งรายงานถึงผู้ตรวจราชการ").click()
    page.wait_for_load_state()
    draft.refresh_from_db()
    assert draft.status == ProvinceReport.Status.SUBMITTED
    assert FindingFigure.objects.count() == 2

    # The inspector's monthly follow-up of February, with Phichit alone.
    _log_in(page, inspector)
    page.goto(f"/meetings/add/?period={quarter.pk}&kind=2021-02")
    page.get_by_label(re.compile("เขตตรวจราชการที่ 18")).check()
    field(page, "held_on").fill("2021-01-31")  # before February begins
    field(page, "mode").and_(page.locator("[value='on_site']")).check()
    field(page, "place").fill(golden.C_PLACE)
    field(page, "topics-0-kind").select_option("monthly_issue")  # no issue set for the month: typed, but empty
    field(page, "topics-0-body").fill(golden.C_FOUND)
    field(page, "topics-1-kind").select_option("shortfalls")
    field(page, "topics-1-title").fill(golden.TOPIC_SHORTFALLS)
    _create(page)
    _refused(page, {"place": golden.C_PLACE, "topics-0-body": golden.C_FOUND})

    field(page, "held_on").fill("2021-02-26")
    _chair(page, golden.INSPECTOR)
    field(page, "topics-0-title").fill(golden.C_ISSUE)
    _create(page)
    page.wait_for_url(re.compile(r"/meetings/\d+/$"))
    meeting = FollowUpMeeting.objects.get()
    page.goto(f"/meetings/{meeting.pk}/provinces/")
    for name in ("กำแพงเพชร", "นครสวรรค์", "อุทัยธานี"):  # only Phichit takes part
        page.get_by_label(f"{name} เข้าร่วม").uncheck()
    page.get_by_role("button", name="บันทึกจังหวัด").click()
    page.wait_for_url(re.compile(rf"/meetings/{meeting.pk}/$"))
    _reads_as(page, golden.C_TEXT)


# --- D -----------------------------------------------------------------------------------------


def test_d_provinces_in_the_order_they_presented(page, inspector, geography):
    quarter = setup.reports_d()
    setup.person(golden.INSPECTOR)
    _log_in(page, inspector)
    page.goto(f"/meetings/add/?period={quarter.pk}")
    page.get_by_label(re.compile("เขตตรวจราชการที่ 18")).check()
    field(page, "platform").fill("ZOOM Meeting")
    field(page, "held_on").fill("2021-10-01")  # one quarter after June ends is 30 September
    field(page, "topics-1-title").fill("   ")  # an empty topic
    _create(page)
    _refused(page, {"platform": "ZOOM Meeting", "topics-0-title": golden.TOPIC_SHORTFALLS})

    field(page, "held_on").fill("2021-06-18")
    _chair(page, golden.INSPECTOR)
    field(page, "topics-1-title").fill(golden.TOPIC_BEST_PRACTICES)
    _create(page)
    page.wait_for_url(re.compile(r"/meetings/\d+/$"))
    meeting = FollowUpMeeting.objects.get()

    # The order they presented in, first with a number given twice.
    order = {name: str(number) for number, name in enumerate(golden.D_ORDER, start=1)}
    _save_provinces(page, meeting, {**order, "กำแพงเพชร": "1"})
    assert "ลำดับการนำเสนอซ้ำกัน" in page.locator("#provinces-error").inner_text()
    assert page.get_by_label("ลำดับการนำเสนอของพิจิตร").input_value() == "2"  # kept
    page.get_by_label("ลำดับการนำเสนอของกำแพงเพชร").fill("4")
    page.get_by_role("button", name="บันทึกจังหวัด").click()
    page.wait_for_url(re.compile(rf"/meetings/{meeting.pk}/$"))
    _reads_as(page, golden.D_TEXT)
