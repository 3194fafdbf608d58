"""Free text is bounded (item 8) and cleaned of bidirectional controls (item 13), in the portal and the admin."""

import pytest
from django.urls import reverse

from inspection_portal.lib.text import clean_typed, strip_bidi
from reports.models import COMMENT_MAX, FINDING_TEXT_MAX, REPORT_TEXT_MAX, Finding, ProvinceReport
from tests import factories
from tests import review_factories as make
from tests.test_report_edit import edit_url, finding_data, post_data

pytestmark = pytest.mark.django_db

RLO = "\u202e"  # right-to-left override: "txt.exe" shows as "exe.txt"
ISOLATES = "\u2066\u2067\u2068\u2069"
ZWSP = "\u200b"  # Thai writers' word-break mark: kept


@pytest.fixture
def report(geography):
    return factories.report("ขอนแก่น", factories.period(2564, 3, deadline=factories.open_period().deadline))


def test_the_limits_fit_a_real_report():
    assert (REPORT_TEXT_MAX, FINDING_TEXT_MAX, COMMENT_MAX) == (10_000, 4_000, 4_000)


# --- item 8: lengths ----------------------------------------------------------------


def test_a_too_long_finding_text_is_refused_beside_the_field_and_kept(client, officer, report):
    project = factories.project()
    long_text = "ก" * (FINDING_TEXT_MAX + 1)
    data = post_data(report, findings=[finding_data(0, project, problems=long_text)])
    client.force_login(officer)
    response = client.post(edit_url(report), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "ข้อความนี้ยาว 4,001 ตัวอักษร รับได้ไม่เกิน 4,000 ตัวอักษร" in html
    assert long_text in html  # kept, to be shortened
    assert not Finding.objects.exists()


def test_a_too_long_report_text_is_refused(client, officer, report):
    client.force_login(officer)
    response = client.post(edit_url(report), post_data(report, overall_results="ข" * (REPORT_TEXT_MAX + 1)))
    assert response.status_code == 400
    report.refresh_from_db()
    assert report.overall_results == ""


def test_a_text_at_the_limit_is_saved(client, officer, report):
    client.force_login(officer)
    response = client.post(edit_url(report), post_data(report, overall_results="ข" * REPORT_TEXT_MAX))
    assert response.status_code == 302
    report.refresh_from_db()
    assert len(report.overall_results) == REPORT_TEXT_MAX


def test_line_breaks_count_once(client, officer, report):
    """Browsers send CRLF; the counter in the page counts a line break as one character, and so does the check."""
    text = "ก\r\n" * (REPORT_TEXT_MAX // 2)
    client.force_login(officer)
    assert client.post(edit_url(report), post_data(report, overall_results=text)).status_code == 302
    report.refresh_from_db()
    assert report.overall_results == ("ก\n" * (REPORT_TEXT_MAX // 2)).rstrip()


def test_the_form_offers_a_live_counter_not_a_silent_cut(client, officer, report):
    client.force_login(officer)
    html = client.get(edit_url(report)).content.decode()
    assert f'data-max-length="{REPORT_TEXT_MAX}"' in html
    assert f'data-max-length="{FINDING_TEXT_MAX}"' in html
    assert "maxlength=" not in html.split('id="report-form"')[1].split("</form>")[0]
    assert "js/char_counter.js" in html and reverse("javascript-catalog") in html


def test_an_existing_longer_text_stays_readable(client, officer, inspector, report):
    long_text = "ค" * (FINDING_TEXT_MAX + 500)
    ProvinceReport.objects.filter(pk=report.pk).update(status="submitted")
    factories.shortfall(report, problems=long_text)
    client.force_login(inspector)
    response = client.get(reverse("reports:review", args=[report.pk]))
    assert response.status_code == 200 and long_text in response.content.decode()


def test_a_too_long_return_comment_is_refused_and_kept(client, inspector, geography):
    submitted = make.submitted("ขอนแก่น", make.period(2564, 3))
    client.force_login(inspector)
    comment = "ง" * (COMMENT_MAX + 1)
    response = client.post(reverse("reports:review_return", args=[submitted.pk]), {"comment": comment}, follow=True)
    assert comment in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.status == ProvinceReport.Status.SUBMITTED


def test_the_admin_refuses_a_too_long_finding_too(client, admin_user, report):
    finding = factories.shortfall(report)
    client.force_login(admin_user)
    url = reverse("admin:reports_finding_change", args=[finding.pk])
    data = {
        "report": report.pk,
        "project": finding.project_id,
        "kind": "shortfall",
        "problems": "จ" * (FINDING_TEXT_MAX + 1),
        "causes": "x",
        "measures": "y",
        "position": 0,
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "รับได้ไม่เกิน 4,000 ตัวอักษร" in response.content.decode()
    finding.refresh_from_db()
    assert finding.problems != data["problems"]


# --- item 13: bidirectional controls ----------------------------------------------------


def test_strip_bidi_removes_embeddings_overrides_and_isolates_but_keeps_the_zero_width_space():
    text = f"ไฟล์{RLO}txt.exe{ISOLATES}\u202a\u202b\u202c\u202d คำ{ZWSP}คำ"
    assert strip_bidi(text) == f"ไฟล์txt.exe คำ{ZWSP}คำ"
    assert clean_typed("ก\r\nข") == "ก\nข"


def test_bidi_controls_are_removed_from_a_saved_report_and_finding(client, officer, report):
    project = factories.project()
    finding = finding_data(0, project, problems=f"ปัญหา{RLO}exe.txt", causes=f"สาเหตุ{ZWSP}หลัก", title=f"{RLO}x")
    data = post_data(report, findings=[finding], overall_results=f"ผล{ISOLATES}ดี")
    client.force_login(officer)
    assert client.post(edit_url(report), data).status_code == 302
    report.refresh_from_db()
    saved = Finding.objects.get()
    assert report.overall_results == "ผลดี"
    assert saved.problems == "ปัญหาexe.txt"
    assert saved.causes == f"สาเหตุ{ZWSP}หลัก"
    assert saved.title == "x"


def test_bidi_controls_are_removed_from_a_return_comment(client, inspector, geography):
    submitted = make.submitted("ขอนแก่น", make.period(2564, 3))
    client.force_login(inspector)
    client.post(reverse("reports:review_return", args=[submitted.pk]), {"comment": f"แก้ไข{RLO}ส่วนที่ 2"})
    submitted.refresh_from_db()
    assert submitted.return_comment == "แก้ไขส่วนที่ 2"


# --- meetings -----------------------------------------------------------------------------


def test_a_meetings_purpose_is_bounded_and_cleaned(client, inspector, geography):
    from meetings.models import PURPOSE_MAX, FollowUpMeeting
    from tests.meeting_data import meeting_data, person

    period = make.period(2564, 3)
    chair = person("นาย", "ประเสริฐ", "บุญมา")
    data = meeting_data(chair, zones=[12], held_on="11/06/2564", platform=f"ZOOM{RLO}", purpose="ก" * (PURPOSE_MAX + 1))
    client.force_login(inspector)
    url = f"{reverse('meetings:add')}?period={period.pk}"
    response = client.post(url, data)
    assert response.status_code == 400 and "รับได้ไม่เกิน 2,000 ตัวอักษร" in response.content.decode()
    client.post(url, {**data, "purpose": "ติดตามผล"})
    assert FollowUpMeeting.objects.get().platform == "ZOOM"


def test_a_summary_block_is_bounded(client, inspector, geography):
    from meetings.forms import draft_hash
    from meetings.models import SUMMARY_BLOCK_MAX

    meeting = make.meeting(inspector, make.period(2564, 3))
    data = {"draft_hash": draft_hash(meeting.draft)}
    data.update({f"block_{block['key']}": block["text"] for block in meeting.draft["blocks"]})
    data["block_intro"] = "ข" * (SUMMARY_BLOCK_MAX + 1)
    client.force_login(inspector)
    response = client.post(reverse("meetings:edit_text", args=[meeting.pk]), data)
    assert response.status_code == 200 and "ตัดให้สั้นลง" in response.content.decode()
