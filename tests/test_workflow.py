"""The report's workflow: every transition the model allows and every one it refuses."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from inspection_portal.lib.thai import thai_date
from reports.models import ConcurrentEditError, ProvinceReport, ReviewEvent, WorkflowError
from tests import factories

pytestmark = pytest.mark.django_db

Status = ProvinceReport.Status
TODAY = timezone.localdate()


@pytest.fixture
def period(geography):
    return factories.period(2564, 3, deadline=TODAY + datetime.timedelta(days=5))


@pytest.fixture
def report(period):
    return factories.complete_report("ขอนแก่น", period)


def fresh(report) -> ProvinceReport:
    return ProvinceReport.objects.get(pk=report.pk)


# --- submit -----------------------------------------------------------------------


def test_draft_to_submitted(report, officer):
    report.submit(by=officer)
    saved = fresh(report)
    assert saved.status == Status.SUBMITTED
    assert saved.submitted_by == officer and saved.submitted_at is not None
    assert saved.is_late is False
    assert saved.version == 2


def test_submit_with_missing_fields_is_refused_field_by_field(period, officer):
    report = factories.report("ขอนแก่น", period)
    factories.shortfall(report, causes="")
    with pytest.raises(ValidationError) as refused:
        report.submit(by=officer)
    errors = refused.value.message_dict
    assert set(errors) == {"overall_results", "no_best_practices", "findings"}
    assert errors["overall_results"] == ["กรุณากรอกผลการดำเนินงานภาพรวมของไตรมาส"]
    assert fresh(report).status == Status.DRAFT


def test_declaring_nothing_but_listing_some_is_refused(report, officer):
    report.no_shortfalls = True
    report.save()
    with pytest.raises(ValidationError) as refused:
        report.submit(by=officer)
    assert set(refused.value.message_dict) == {"no_shortfalls"}


def test_nothing_to_report_can_be_submitted(period, officer):
    report = factories.report("ขอนแก่น", period, overall_results="ผล", no_shortfalls=True, no_best_practices=True)
    report.submit(by=officer)
    assert fresh(report).status == Status.SUBMITTED


def test_submit_after_the_deadline_says_exactly_why(geography, officer):
    deadline = TODAY - datetime.timedelta(days=2)
    report = factories.complete_report("ขอนแก่น", factories.period(2564, 2, deadline=deadline))
    with pytest.raises(WorkflowError) as refused:
        report.submit(by=officer)
    message = str(refused.value)
    assert thai_date(deadline) in message
    assert message == report.edit_block_reason()
    assert message.startswith("กำหนดส่งรายงาน")
    assert fresh(report).status == Status.DRAFT


def test_submit_when_the_period_is_closed(geography, officer):
    report = factories.complete_report("ขอนแก่น", factories.period(2564, 3, deadline=TODAY, is_open=False))
    with pytest.raises(WorkflowError) as refused:
        report.submit(by=officer)
    assert str(refused.value) == report.edit_block_reason()
    assert str(report.period) in str(refused.value)
    assert fresh(report).status == Status.DRAFT


def test_submit_when_accepted_is_refused(report, officer):
    report.status = Status.ACCEPTED
    report.save()
    with pytest.raises(WorkflowError) as refused:
        report.submit(by=officer)
    assert str(refused.value) == report.edit_block_reason()
    assert fresh(report).status == Status.ACCEPTED


def test_double_submit_submits_once(report, officer):
    report.submit(by=officer, expected_version=1)
    second = fresh(report)
    with pytest.raises(WorkflowError):
        second.submit(by=officer, expected_version=1)
    assert fresh(report).version == 2
    assert fresh(report).history.filter(status=Status.SUBMITTED).count() == 1


def test_submit_with_a_stale_version_is_refused(report, officer):
    ProvinceReport.objects.filter(pk=report.pk).update(version=5)
    with pytest.raises(ConcurrentEditError):
        report.submit(by=officer, expected_version=1)
    assert fresh(report).status == Status.DRAFT


def test_submit_on_the_deadline_day_is_on_time(geography, officer):
    report = factories.complete_report("ขอนแก่น", factories.period(2564, 3, deadline=TODAY))
    report.submit(by=officer)
    assert fresh(report).is_late is False


# --- return and accept ---------------------------------------------------------------------


def test_submitted_to_returned_with_comment_then_submitted_again_then_accepted(report, officer, inspector):
    report.submit(by=officer)
    report.return_to_province("  โปรดเพิ่มสาเหตุ  ", by=inspector)
    saved = fresh(report)
    assert saved.status == Status.RETURNED and saved.return_comment == "โปรดเพิ่มสาเหตุ"
    assert saved.reviewed_by == inspector
    assert saved.officer_may_edit()
    saved.submit(by=officer)
    assert fresh(report).status == Status.SUBMITTED
    saved.accept(by=inspector)
    accepted = fresh(report)
    assert accepted.status == Status.ACCEPTED and not accepted.officer_may_edit()
    actions = list(ReviewEvent.objects.filter(report=report).values_list("action", flat=True))
    Action = ReviewEvent.Action
    assert actions == [Action.SUBMITTED, Action.RETURNED, Action.RESUBMITTED, Action.ACCEPTED]


@pytest.mark.parametrize("comment", ["", "   "])
def test_return_without_comment_is_refused(report, officer, inspector, comment):
    report.submit(by=officer)
    with pytest.raises(ValidationError) as refused:
        report.return_to_province(comment, by=inspector)
    assert "comment" in refused.value.message_dict
    assert fresh(report).status == Status.SUBMITTED


@pytest.mark.parametrize("status", [Status.DRAFT, Status.RETURNED, Status.ACCEPTED])
def test_accept_or_return_when_not_submitted_is_refused(report, inspector, status):
    report.status = status
    report.save()
    with pytest.raises(WorkflowError):
        report.accept(by=inspector)
    with pytest.raises(WorkflowError):
        report.return_to_province("ความเห็น", by=inspector)
    assert fresh(report).status == status
    assert not ReviewEvent.objects.exists()


def test_submitted_report_is_read_only_for_the_officer(report, officer):
    report.submit(by=officer)
    assert fresh(report).edit_block_reason() is not None
    with pytest.raises(WorkflowError):
        fresh(report).lock_for_edit(fresh(report).version)


# --- reopen --------------------------------------------------------------------------------


def test_reopen_then_late_submission_is_marked_late(geography, officer, admin_user):
    report = factories.complete_report(
        "ขอนแก่น", factories.period(2564, 2, deadline=TODAY - datetime.timedelta(days=10))
    )
    assert report.edit_block_reason() is not None
    report.reopen("น้ำท่วมสำนักงาน", until=TODAY + datetime.timedelta(days=3), by=admin_user)
    reopened = fresh(report)
    assert reopened.is_reopened and reopened.officer_may_edit()
    assert reopened.reopen_reason == "น้ำท่วมสำนักงาน"
    reopened.submit(by=officer)
    late = fresh(report)
    assert late.status == Status.SUBMITTED and late.is_late is True
    actions = list(ReviewEvent.objects.filter(report=report).values_list("action", flat=True))
    assert actions == [ReviewEvent.Action.REOPENED, ReviewEvent.Action.SUBMITTED]


def test_reopen_of_an_accepted_report_returns_it_to_the_province(report, officer, inspector, admin_user):
    report.submit(by=officer)
    report.accept(by=inspector)
    report.reopen("แก้ไขตัวเลข", until=TODAY, by=admin_user)
    saved = fresh(report)
    assert saved.status == Status.RETURNED and saved.return_comment == "แก้ไขตัวเลข"
    assert saved.officer_may_edit()


def test_reopen_expires(geography, admin_user):
    report = factories.complete_report(
        "ขอนแก่น", factories.period(2564, 2, deadline=TODAY - datetime.timedelta(days=10))
    )
    report.reopen("เหตุผล", until=TODAY, by=admin_user)
    assert fresh(report).officer_may_edit(TODAY)
    assert not fresh(report).officer_may_edit(TODAY + datetime.timedelta(days=1))


def test_reopen_needs_a_reason_and_a_date_not_past(report, admin_user):
    with pytest.raises(ValidationError):
        report.reopen(" ", until=TODAY, by=admin_user)
    with pytest.raises(ValidationError):
        report.reopen("เหตุผล", until=TODAY - datetime.timedelta(days=1), by=admin_user)
    assert fresh(report).reopened_until is None


# --- the administrator's reopening page ------------------------------------------------------


def reopen_url(report) -> str:
    return reverse("admin:reports_provincereport_reopen", args=[report.pk])


def test_admin_reopens_one_report_with_a_reason_and_a_date(client, admin_user, geography):
    report = factories.complete_report(
        "ขอนแก่น", factories.period(2564, 2, deadline=TODAY - datetime.timedelta(days=10))
    )
    client.force_login(admin_user)
    assert client.get(reopen_url(report)).status_code == 200
    until = TODAY + datetime.timedelta(days=2)
    response = client.post(reopen_url(report), {"reason": "ระบบขัดข้อง", "until": until.isoformat()})
    assert response.status_code == 302
    saved = fresh(report)
    assert saved.reopened_until == until and saved.reopen_reason == "ระบบขัดข้อง" and saved.officer_may_edit()
    assert ReviewEvent.objects.get(report=report).by == admin_user


def test_admin_reopen_form_refuses_a_past_date_and_no_reason(client, admin_user, report):
    client.force_login(admin_user)
    yesterday = (TODAY - datetime.timedelta(days=1)).isoformat()
    response = client.post(reopen_url(report), {"reason": "", "until": yesterday})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"reason", "until"}
    assert fresh(report).reopened_until is None


def test_admin_action_leads_to_the_reopen_page(client, admin_user, report):
    client.force_login(admin_user)
    changelist = reverse("admin:reports_provincereport_changelist")
    response = client.post(changelist, {"action": "reopen_report", "_selected_action": [report.pk]})
    assert response.status_code == 302 and response.url == reopen_url(report)


@pytest.mark.parametrize("actor", ["officer", "inspector"])
def test_non_admins_cannot_reopen(client, request, actor, report):
    client.force_login(request.getfixturevalue(actor))
    client.post(reopen_url(report), {"reason": "x", "until": TODAY.isoformat()})
    assert fresh(report).reopened_until is None


# --- a return that comes after the deadline -----------------------------------------------


def test_a_report_returned_after_the_deadline_can_be_corrected_and_is_not_marked_late(geography, officer, inspector):
    period = factories.period(2564, 2, deadline=TODAY + datetime.timedelta(days=1))
    report = factories.complete_report("ขอนแก่น", period)
    report.submit(by=officer)
    period.deadline = TODAY - datetime.timedelta(days=3)
    period.save()
    fresh(report).return_to_province("เพิ่มสาเหตุ", by=inspector)

    returned = fresh(report)
    assert returned.officer_may_edit()
    returned.submit(by=officer)
    assert fresh(report).status == Status.SUBMITTED
    assert fresh(report).is_late is False


def test_a_returned_report_in_a_closed_period_stays_locked(geography, officer, inspector):
    period = factories.period(2564, 2, deadline=TODAY + datetime.timedelta(days=1))
    report = factories.complete_report("ขอนแก่น", period)
    report.submit(by=officer)
    fresh(report).return_to_province("เพิ่มสาเหตุ", by=inspector)
    period.is_open = False
    period.save()
    reason = fresh(report).edit_block_reason()
    assert reason is not None and str(period) in reason
