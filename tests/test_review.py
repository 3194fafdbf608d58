"""Reviewing a report: read it, return it with a comment or accept it; only the zone's inspector and admins."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from reports.models import Attachment, FindingFigure, ProvinceReport, ReviewEvent
from tests import review_factories as make
from tests.conftest import make_inspector, make_officer

Status = ProvinceReport.Status


@pytest.fixture
def quarter(geography):
    return make.period(2564, 3)


@pytest.fixture
def report(quarter, inspector):
    """ขอนแก่น's submitted report, returned once before, with an attachment."""
    the_report = make.submitted("ขอนแก่น", quarter)
    make.shortfall(the_report, "โครงการโคก หนอง นา", problems="พื้นที่เปลี่ยนแปลงบ่อย")
    make.best_practice(the_report, "กองทุนพัฒนาบทบาทสตรี", title="สานพลังผักปลอดภัย")
    ReviewEvent.objects.create(report=the_report, action=ReviewEvent.Action.RETURNED, comment="ขอข้อมูลเพิ่ม", by=inspector)
    attachment = Attachment(report=the_report, original_name="สไลด์.pdf", content_type="application/pdf", size=4)
    attachment.file.save("slides.pdf", ContentFile(b"%PDF"), save=False)
    attachment.save()
    return the_report


def _url(name, report):
    return reverse(f"reports:{name}", args=[report.pk])


def _reread(report):
    return ProvinceReport.objects.get(pk=report.pk)


# --- reading --------------------------------------------------------------------


@pytest.mark.parametrize("actor", ["inspector", "admin_user"])
def test_reviewers_read_the_report(client, request, actor, report):
    client.force_login(request.getfixturevalue(actor))
    response = client.get(_url("review", report))
    assert response.status_code == 200
    html = response.content.decode()
    assert "พื้นที่เปลี่ยนแปลงบ่อย" in html and "สานพลังผักปลอดภัย" in html
    assert reverse("reports:attachment", args=[report.attachments.get().pk]) in html
    assert "ขอข้อมูลเพิ่ม" in html  # the history of returns
    assert reverse("reports:review_return", args=[report.pk]) in html
    assert reverse("reports:review_accept", args=[report.pk]) in html


def test_reviewer_can_download_the_attachment(client, inspector, report):
    client.force_login(inspector)
    response = client.get(reverse("reports:attachment", args=[report.attachments.get().pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF"


@pytest.mark.parametrize("actor", ["officer", "other_officer", "other_inspector"])
def test_others_may_not_review(client, request, actor, report):
    client.force_login(request.getfixturevalue(actor))
    response = client.get(_url("review", report))
    assert response.status_code == 403
    assert "ไม่มีสิทธิ์" in response.content.decode()


def test_inspector_of_the_zone_in_another_year_may_not(client, report):
    client.force_login(make_inspector("inspector_2565", [12], 2565))
    assert client.get(_url("review", report)).status_code == 403


def test_anonymous_goes_to_login(client, report):
    response = client.get(_url("review", report))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_unknown_report_is_404(client, inspector, geography):
    client.force_login(inspector)
    assert client.get(reverse("reports:review", args=[987654])).status_code == 404


def test_no_review_forms_on_an_accepted_report(client, inspector, quarter):
    accepted = make.report("ขอนแก่น", quarter, Status.ACCEPTED)
    client.force_login(inspector)
    html = client.get(_url("review", accepted)).content.decode()
    assert reverse("reports:review_accept", args=[accepted.pk]) not in html
    assert 'id="not-reviewable"' in html


def test_review_page_query_count_does_not_grow_with_findings(client, inspector, report, django_assert_max_num_queries):
    for _ in range(30):
        FindingFigure.objects.create(finding=make.shortfall(report), target=516, result=500, unit="แปลง")
        FindingFigure.objects.create(finding=make.best_practice(report), target=12, result=12, unit="แห่ง")
    client.force_login(inspector)
    with django_assert_max_num_queries(14):  # 14: one reads the findings' figures, one the resolutions (issue 11)
        assert client.get(_url("review", report)).status_code == 200


# --- returning ------------------------------------------------------------------


def test_return_with_a_comment(client, inspector, report):
    client.force_login(inspector)
    response = client.post(_url("review_return", report), {"comment": "  เพิ่มสาเหตุของปัญหา  "})
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('reports:tracker')}?period={report.period_id}"
    report = _reread(report)
    assert report.status == Status.RETURNED
    assert report.return_comment == "เพิ่มสาเหตุของปัญหา"
    assert report.reviewed_by == inspector
    event = report.review_events.last()
    assert (event.action, event.comment, event.by) == (ReviewEvent.Action.RETURNED, "เพิ่มสาเหตุของปัญหา", inspector)
    # The officer sees the comment on their own report page.
    officer = make_officer("officer_kk2", "ขอนแก่น")
    client.force_login(officer)
    assert "เพิ่มสาเหตุของปัญหา" in client.get(reverse("reports:edit", args=[report.pk])).content.decode()


@pytest.mark.parametrize("comment", ["", "   "])
def test_return_without_a_comment_is_refused_in_thai(client, inspector, report, comment):
    client.force_login(inspector)
    response = client.post(_url("review_return", report), {"comment": comment}, follow=True)
    assert response.redirect_chain == [(_url("review", report), 302)]  # a real page: reloading it is harmless
    assert response.status_code == 200
    assert "ระบุ" in response.content.decode()  # "say what the province should change", beside the field
    assert response.context["return_form"].errors["comment"]
    assert _reread(report).status == Status.SUBMITTED
    assert report.review_events.count() == 1


def test_return_a_draft_is_refused_with_a_thai_message(client, inspector, quarter):
    draft = make.report("ขอนแก่น", quarter)
    client.force_login(inspector)
    response = client.post(_url("review_return", draft), {"comment": "แก้ไข"}, follow=True)
    assert "ตรวจได้เฉพาะรายงานที่ส่งแล้ว" in response.content.decode()
    assert list(response.context["messages"])[0].level_tag == "error"
    assert _reread(draft).status == Status.DRAFT
    assert not draft.review_events.exists()


# --- accepting ------------------------------------------------------------------


@pytest.mark.parametrize("actor", ["inspector", "admin_user"])
def test_accept(client, request, actor, report):
    user = request.getfixturevalue(actor)
    client.force_login(user)
    response = client.post(_url("review_accept", report), {"comment": ""})
    assert response.status_code == 302
    report = _reread(report)
    assert report.status == Status.ACCEPTED and report.reviewed_by == user
    assert report.review_events.last().action == ReviewEvent.Action.ACCEPTED


def test_accept_twice_is_refused(client, inspector, report):
    client.force_login(inspector)
    client.post(_url("review_accept", report))
    response = client.post(_url("review_accept", report), follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert "ตรวจได้เฉพาะรายงานที่ส่งแล้ว รายงานนี้มีสถานะผ่านการตรวจแล้ว" in messages[-1]
    assert report.review_events.filter(action=ReviewEvent.Action.ACCEPTED).count() == 1


# --- refusals -------------------------------------------------------------------


@pytest.mark.parametrize("name", ["review_return", "review_accept"])
@pytest.mark.parametrize("actor", ["officer", "other_officer", "other_inspector"])
def test_others_may_not_return_or_accept(client, request, actor, name, report):
    client.force_login(request.getfixturevalue(actor))
    assert client.post(_url(name, report), {"comment": "x"}).status_code == 403
    assert _reread(report).status == Status.SUBMITTED
    assert report.review_events.count() == 1


@pytest.mark.parametrize("name", ["review_return", "review_accept"])
def test_anonymous_may_not_return_or_accept(client, name, report):
    response = client.post(_url(name, report), {"comment": "x"})
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert _reread(report).status == Status.SUBMITTED


@pytest.mark.parametrize("name", ["review_return", "review_accept"])
def test_wrong_method(client, inspector, name, report):
    client.force_login(inspector)
    assert client.get(_url(name, report)).status_code == 405
    assert client.post(_url("review", report)).status_code == 405
    assert _reread(report).status == Status.SUBMITTED
