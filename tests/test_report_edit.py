"""The report page: reports:edit (GET for every role, POST to save or submit) and reports:start."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.models import Finding, ProvinceReport
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
SOON = TODAY + datetime.timedelta(days=10)


@pytest.fixture
def period(geography):
    """FY 2564 Q3 (the year the inspector fixtures cover), open with its deadline ten days away."""
    return factories.period(2564, 3, deadline=SOON)


@pytest.fixture
def report(period):
    return factories.report("ขอนแก่น", period)


def make_event(report) -> None:
    from reports.models import ReviewEvent

    ReviewEvent.objects.create(report=report, action=ReviewEvent.Action.RETURNED, comment="แก้ไข", by=None)


def edit_url(report) -> str:
    return reverse("reports:edit", args=[report.pk])


def management(prefix: str = "findings", total: int = 0, initial: int = 0) -> dict:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def finding_data(index: int, project, kind: str = "shortfall", **fields) -> dict:
    values = {"kind": kind, "project": str(project.pk), **fields}
    return {f"findings-{index}-{name}": value for name, value in values.items()}


def post_data(report, action: str = "draft", findings: tuple = (), initial: int = 0, **fields) -> dict:
    data = {"action": action, "version": str(report.version), "overall_results": "", **fields}
    data.update(management(total=len(findings), initial=initial))
    for finding in findings:
        data.update(finding)
    return data


# --- who sees what ------------------------------------------------------------------


def test_officer_sees_the_form_with_version_and_buttons(client, officer, report):
    client.force_login(officer)
    response = client.get(edit_url(report))
    assert response.status_code == 200
    assert response.templates[0].name == "reports/report_edit.html"
    body = response.content.decode()
    assert f'name="version" value="{report.version}"' in body
    assert "บันทึกร่าง" in body and "ส่งรายงาน" in body
    assert 'id="finding-template"' in body


@pytest.mark.parametrize("actor", ["inspector", "admin_user"])
def test_inspector_of_the_zone_and_admin_see_it_read_only(client, request, actor, report):
    factories.shortfall(report, problems="ปัญหาที่ผู้ตรวจเห็น")
    client.force_login(request.getfixturevalue(actor))
    response = client.get(edit_url(report))
    assert response.status_code == 200
    assert response.templates[0].name == "reports/report_detail.html"
    assert "ปัญหาที่ผู้ตรวจเห็น" in response.content.decode()
    assert 'name="overall_results"' not in response.content.decode()


@pytest.mark.parametrize("actor", ["other_officer", "other_inspector"])
def test_outsiders_get_the_thai_403(client, request, actor, report):
    client.force_login(request.getfixturevalue(actor))
    response = client.get(edit_url(report))
    assert response.status_code == 403
    assert "ไม่มีสิทธิ์" in response.content.decode()


def test_anonymous_is_sent_to_login(client, report):
    response = client.get(edit_url(report))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_missing_report_is_404(client, officer):
    client.force_login(officer)
    assert client.get(reverse("reports:edit", args=[999999])).status_code == 404


def test_inspector_cannot_post(client, inspector, report):
    client.force_login(inspector)
    response = client.post(edit_url(report), post_data(report, overall_results="แก้โดยผู้ตรวจ"))
    assert response.status_code == 403
    report.refresh_from_db()
    assert report.overall_results == ""


def test_other_officer_cannot_post(client, other_officer, report):
    client.force_login(other_officer)
    assert client.post(edit_url(report), post_data(report, overall_results="x")).status_code == 403
    report.refresh_from_db()
    assert report.overall_results == ""


def test_return_comment_is_shown_at_the_top_when_returned(client, officer, report):
    report.status = ProvinceReport.Status.RETURNED
    report.return_comment = "โปรดระบุสาเหตุให้ชัดเจน"
    report.save()
    client.force_login(officer)
    body = client.get(edit_url(report)).content.decode()
    assert 'id="return-comment"' in body and "โปรดระบุสาเหตุให้ชัดเจน" in body
    assert body.index("return-comment") < body.index('name="overall_results"')


def test_submitted_report_is_read_only_for_the_officer_with_the_reason(client, officer, report):
    report.status = ProvinceReport.Status.SUBMITTED
    report.save()
    client.force_login(officer)
    response = client.get(edit_url(report))
    assert response.templates[0].name == "reports/report_detail.html"
    assert report.edit_block_reason() in response.content.decode()


def test_after_the_deadline_the_page_says_exactly_why(client, officer, geography):
    late = factories.period(2564, 2, deadline=TODAY - datetime.timedelta(days=1))
    report = factories.report("ขอนแก่น", late)
    client.force_login(officer)
    body = client.get(edit_url(report)).content.decode()
    assert report.edit_block_reason() in body
    assert "กำหนดส่ง" in report.edit_block_reason()


def test_misses_target_is_flagged(client, officer, inspector, report):
    factories.figure(factories.shortfall(report), target=100, result=40, unit="ครัวเรือน")
    factories.figure(factories.best_practice(report), target=10, result=12)
    client.force_login(officer)
    assert client.get(edit_url(report)).content.decode().count("data-misses-target") == 1
    client.force_login(inspector)
    assert client.get(edit_url(report)).content.decode().count("data-misses-target") == 1


def test_project_choices_are_the_fiscal_years(client, officer, report):
    factories.project("โครงการที่ยังดำเนินอยู่", first_fiscal_year=2560)
    factories.project("โครงการที่จบไปแล้ว", first_fiscal_year=2550, last_fiscal_year=2560)
    factories.project("โครงการในอนาคต", first_fiscal_year=2570)
    client.force_login(officer)
    body = client.get(edit_url(report)).content.decode()
    assert "โครงการที่ยังดำเนินอยู่" in body
    assert "โครงการที่จบไปแล้ว" not in body and "โครงการในอนาคต" not in body


def test_a_project_of_another_year_is_refused(client, officer, report):
    old = factories.project("โครงการที่จบไปแล้ว", first_fiscal_year=2550, last_fiscal_year=2560)
    client.force_login(officer)
    data = post_data(report, findings=[finding_data(0, old, problems="x")])
    response = client.post(edit_url(report), data)
    assert response.status_code == 400
    assert not report.findings.exists()


def test_page_query_count_does_not_grow_with_findings(client, officer, report, django_assert_max_num_queries):
    categories = [factories.category() for _ in range(5)]
    for number in range(30):
        finding = factories.shortfall(report, problems=f"ปัญหา {number}")
        finding.categories.set(categories[:2])
        factories.figure(finding, target=516, result=500, unit="แปลง", activity="ระยะที่ 1")
        factories.figure(finding, target=20, result=20, unit="แปลง", activity="ระยะที่ 2", position=1)
    for _ in range(10):
        make_event(report)
    client.force_login(officer)
    # +1: the navigation's unread-notice count; +1: the report's history; +1: the findings' figures;
    # +2 (issue 11): last quarter's report, whose shortfalls are offered, and the resolutions recorded.
    with django_assert_max_num_queries(14):
        response = client.get(edit_url(report))
    assert response.content.decode().count("data-finding>") >= 30


def test_read_only_page_query_count_does_not_grow_with_findings(
    client, inspector, report, django_assert_max_num_queries
):
    categories = [factories.category() for _ in range(3)]
    for _number in range(30):
        finding = factories.shortfall(report)
        finding.categories.set(categories)
        factories.figure(finding, target=516, result=500, unit="แปลง")
        make_event(report)
    client.force_login(inspector)
    # 13: two of them read the user's and their groups' permissions (portal roles), once per request;
    # one is the navigation's unread-notice count, one the report's history, one the findings' figures,
    # one the resolutions of last quarter's shortfalls (issue 11).
    with django_assert_max_num_queries(14):
        assert client.get(edit_url(report)).status_code == 200


# --- saving a draft -------------------------------------------------------------------


def test_save_draft_with_a_shortfall_and_a_best_practice(client, officer, report):
    problem_kind = factories.category("งบประมาณ")
    project = factories.project("โคก หนอง นา โมเดล")
    client.force_login(officer)
    data = post_data(
        report,
        overall_results="ผลโดยรวม",
        achievements="ผลสำเร็จ",
        next_steps="แผนไตรมาสหน้า",
        findings=[
            finding_data(
                0, project, problems="ปัญหา", causes="สาเหตุ", measures="แนวทาง", categories=str(problem_kind.pk)
            ),
            finding_data(1, project, kind="best_practice", title="ชื่อเรื่อง", what_done="ทำอะไร", achieved="ได้อะไร"),
        ],
    )
    response = client.post(edit_url(report), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.overall_results, report.achievements, report.next_steps) == ("ผลโดยรวม", "ผลสำเร็จ", "แผนไตรมาสหน้า")
    assert report.status == ProvinceReport.Status.DRAFT
    assert report.version == 2
    assert report.updated_by == officer
    shortfall = report.findings.get(kind=Finding.Kind.SHORTFALL)
    assert (shortfall.problems, shortfall.causes, shortfall.measures) == ("ปัญหา", "สาเหตุ", "แนวทาง")
    assert list(shortfall.categories.all()) == [problem_kind]
    best = report.findings.get(kind=Finding.Kind.BEST_PRACTICE)
    assert (best.title, best.what_done, best.achieved) == ("ชื่อเรื่อง", "ทำอะไร", "ได้อะไร")
    assert report.history.count() == 2  # created, then saved by the officer
    assert report.history.first().history_user == officer
    assert shortfall.history.first().history_user == officer


def test_draft_saves_incomplete_data(client, officer, report):
    project = factories.project()
    client.force_login(officer)
    data = post_data(report, findings=[finding_data(0, project, problems="มีแต่ปัญหา")])
    assert client.post(edit_url(report), data).status_code == 302
    assert report.findings.get().problems == "มีแต่ปัญหา"


def test_removing_a_finding(client, officer, report):
    finding = factories.shortfall(report)
    client.force_login(officer)
    data = post_data(
        report,
        initial=1,
        findings=[{**finding_data(0, finding.project), "findings-0-id": str(finding.pk), "findings-0-DELETE": "on"}],
    )
    assert client.post(edit_url(report), data).status_code == 302
    assert not report.findings.exists()


def test_an_untouched_extra_finding_is_ignored(client, officer, report):
    client.force_login(officer)
    data = post_data(report, overall_results="ผล", findings=[{"findings-0-kind": "", "findings-0-project": ""}])
    assert client.post(edit_url(report), data).status_code == 302
    assert not report.findings.exists()


# --- submitting -----------------------------------------------------------------------


def test_submit_a_complete_report(client, officer, report):
    project = factories.project()
    client.force_login(officer)
    data = post_data(
        report,
        action="submit",
        overall_results="ผลโดยรวม",
        findings=[
            finding_data(0, project, problems="ป", causes="ส", measures="ม"),
            finding_data(1, project, kind="best_practice", title="ท", what_done="ว", achieved="อ"),
        ],
    )
    response = client.post(edit_url(report), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ProvinceReport.Status.SUBMITTED
    assert report.submitted_by == officer and report.submitted_at is not None
    assert report.is_late is False


def test_submit_with_a_missing_finding_field_shows_the_error_beside_it_and_saves_nothing(client, officer, report):
    project = factories.project()
    client.force_login(officer)
    data = post_data(
        report,
        action="submit",
        overall_results="ข้อความที่พิมพ์ไว้",
        findings=[finding_data(0, project, problems="ปัญหาที่พิมพ์", causes="", measures="แนวทางที่พิมพ์")],
    )
    response = client.post(edit_url(report), data)
    assert response.status_code == 400
    form = response.context["formset"].forms[0]
    assert form.errors["causes"] == ["กรอกช่องนี้ก่อนส่งรายงาน"]
    body = response.content.decode()
    assert "ข้อความที่พิมพ์ไว้" in body and "ปัญหาที่พิมพ์" in body and "แนวทางที่พิมพ์" in body
    # the error sits in the causes field's own block
    block = body[body.index('id="div_id_findings-0-causes"') :]
    assert block.index("กรอกช่องนี้ก่อนส่งรายงาน") < block.index('id="div_id_findings-0-measures"')
    report.refresh_from_db()
    assert report.status == ProvinceReport.Status.DRAFT and report.overall_results == "" and report.version == 1
    assert not report.findings.exists()


def test_submit_without_overall_results_shows_the_models_errors_and_rolls_back(client, officer, report):
    project = factories.project()
    client.force_login(officer)
    data = post_data(
        report, action="submit", findings=[finding_data(0, project, problems="ป", causes="ส", measures="ม")]
    )
    response = client.post(edit_url(report), data)
    assert response.status_code == 400
    form = response.context["form"]
    assert "overall_results" in form.errors
    assert "no_best_practices" in form.errors
    report.refresh_from_db()
    assert report.status == ProvinceReport.Status.DRAFT and report.version == 1
    assert not report.findings.exists()
    assert f'name="version" value="{report.version}"' in response.content.decode()


def test_nothing_to_report_is_a_complete_report(client, officer, report):
    client.force_login(officer)
    data = post_data(report, action="submit", overall_results="ผล", no_shortfalls="on", no_best_practices="on")
    assert client.post(edit_url(report), data).status_code == 302
    report.refresh_from_db()
    assert report.status == ProvinceReport.Status.SUBMITTED and report.no_shortfalls and report.no_best_practices


def test_double_submit_submits_once(client, officer, report):
    client.force_login(officer)
    data = post_data(report, action="submit", overall_results="ผล", no_shortfalls="on", no_best_practices="on")
    first = client.post(edit_url(report), data)
    second = client.post(edit_url(report), data)
    assert first.status_code == 302 and second.status_code == 302
    report.refresh_from_db()
    assert report.status == ProvinceReport.Status.SUBMITTED
    assert report.version == 3  # one save, one submission; the second post changed nothing
    assert report.history.filter(status=ProvinceReport.Status.SUBMITTED).count() == 1


def test_saving_after_the_report_was_accepted_is_refused_with_the_text_shown_back(client, officer, report):
    report.status = ProvinceReport.Status.ACCEPTED
    report.save()
    client.force_login(officer)
    response = client.post(edit_url(report), post_data(report, overall_results="ข้อความใหม่"))
    assert response.status_code == 409
    body = response.content.decode()
    assert "ข้อความใหม่" in body
    assert report.edit_block_reason() in body
    report.refresh_from_db()
    assert report.overall_results == ""


# --- starting a report ------------------------------------------------------------------


def test_start_creates_a_draft_for_an_open_period_and_redirects(client, officer, period):
    client.force_login(officer)
    response = client.post(reverse("reports:start", args=[period.pk]))
    report = ProvinceReport.objects.get()
    assert response.status_code == 302 and response.url == edit_url(report)
    assert report.province.name_th == "ขอนแก่น" and report.zone.number == 12
    assert report.status == ProvinceReport.Status.DRAFT


def test_start_twice_goes_to_the_same_report(client, officer, report):
    client.force_login(officer)
    response = client.post(reverse("reports:start", args=[report.period_id]))
    assert response.url == edit_url(report)
    assert ProvinceReport.objects.count() == 1


def test_start_refuses_a_period_past_its_deadline(client, officer, geography):
    late = factories.period(2564, 2, deadline=TODAY - datetime.timedelta(days=1))
    client.force_login(officer)
    response = client.post(reverse("reports:start", args=[late.pk]), follow=True)
    assert not ProvinceReport.objects.exists()
    assert "ไม่เปิดรับรายงาน" in response.content.decode()


def test_start_refuses_a_closed_period(client, officer, geography):
    closed = factories.period(2564, 3, deadline=SOON, is_open=False)
    client.force_login(officer)
    client.post(reverse("reports:start", args=[closed.pk]))
    assert not ProvinceReport.objects.exists()


def test_start_is_post_only_and_for_officers(client, officer, inspector, period):
    client.force_login(officer)
    assert client.get(reverse("reports:start", args=[period.pk])).status_code == 405
    client.force_login(inspector)
    assert client.post(reverse("reports:start", args=[period.pk])).status_code == 403
    assert not ProvinceReport.objects.exists()


def test_submit_shows_the_reports_own_errors_together_with_the_findings_errors(client, officer, report):
    client.force_login(officer)
    data = post_data(
        report,
        action="submit",
        findings=[finding_data(0, factories.project(), problems="ปัญหาที่พิมพ์", causes="", measures="")],
    )
    response = client.post(edit_url(report), data)
    assert response.status_code == 400
    assert "causes" in response.context["formset"].forms[0].errors
    form_errors = response.context["form"].errors
    assert "overall_results" in form_errors and "no_best_practices" in form_errors
    assert "no_shortfalls" not in form_errors  # a shortfall was posted
    report.refresh_from_db()
    assert report.version == 1 and not report.findings.exists()


def test_a_deleted_finding_does_not_count_for_a_submission(client, officer, report):
    client.force_login(officer)
    shortfall = finding_data(0, factories.project(), problems="ป", causes="ส", measures="ม", DELETE="on")
    data = post_data(report, action="submit", overall_results="ผล", no_best_practices="on", findings=[shortfall])
    response = client.post(edit_url(report), data)
    assert response.status_code == 400
    assert "no_shortfalls" in response.context["form"].errors
