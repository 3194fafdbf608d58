"""No lost work: two editors of one report, and a save that fails half-way."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from reports.forms import report_forms, save_report
from reports.models import ConcurrentEditError, Finding, ProvinceReport
from tests import factories
from tests.conftest import make_officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(geography):
    period = factories.period(2564, 3, deadline=timezone.localdate() + datetime.timedelta(days=10))
    return factories.report("ขอนแก่น", period, overall_results="ฉบับเดิม")


def form_data(report, version: int, overall_results: str, findings: list[dict] | None = None) -> dict:
    findings = findings or []
    data = {
        "action": "draft",
        "version": str(version),
        "overall_results": overall_results,
        "findings-TOTAL_FORMS": str(len(findings)),
        "findings-INITIAL_FORMS": "0",
        "findings-MIN_NUM_FORMS": "0",
        "findings-MAX_NUM_FORMS": "1000",
    }
    for index, finding in enumerate(findings):
        data.update({f"findings-{index}-{name}": value for name, value in finding.items()})
    return data


def test_the_later_save_is_refused_and_its_text_shown_back(client, officer, report):
    colleague = make_officer("officer_kk_2", "ขอนแก่น")
    first, second = client, client.__class__()
    first.force_login(officer)
    second.force_login(colleague)
    url = reverse("reports:edit", args=[report.pk])
    # Both open the page at version 1.
    assert first.get(url).context["form"]["version"].value() == 1
    assert second.get(url).context["form"]["version"].value() == 1
    assert first.post(url, form_data(report, 1, "ข้อความของคนแรก")).status_code == 302
    response = second.post(url, form_data(report, 1, "ข้อความของคนที่สอง"))
    assert response.status_code == 409
    body = response.content.decode()
    assert "มีผู้อื่นบันทึกรายงานนี้หลังจากที่ท่านเปิดไว้" in body
    assert "ข้อความของคนที่สอง" in body  # the second editor's text is still in the form
    assert 'id="conflict"' in body and 'value="submit"' not in body
    report.refresh_from_db()
    assert report.overall_results == "ข้อความของคนแรก"  # nothing overwritten
    assert report.version == 2


def test_a_stale_version_changes_nothing_in_the_findings(report, officer):
    project = factories.project()
    ProvinceReport.objects.filter(pk=report.pk).update(version=7)
    data = form_data(report, 1, "ใหม่", [{"kind": "shortfall", "project": str(project.pk), "problems": "ป"}])
    form, formset = report_forms(report, data)
    assert form.is_valid() and formset.is_valid()
    with pytest.raises(ConcurrentEditError):
        save_report(form, formset, by=officer)
    saved = ProvinceReport.objects.get(pk=report.pk)
    assert saved.overall_results == "ฉบับเดิม" and saved.version == 7
    assert not Finding.objects.exists()


def test_a_finding_that_fails_to_save_rolls_everything_back(report, officer, monkeypatch):
    project = factories.project()
    kept = factories.shortfall(report, problems="ของเดิม")
    original_save = Finding.save
    calls = []

    def failing_save(self, *args, **kwargs):
        calls.append(self)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original_save(self, *args, **kwargs)

    monkeypatch.setattr(Finding, "save", failing_save)
    data = form_data(
        report,
        1,
        "ข้อความใหม่",
        [
            {"kind": "shortfall", "project": str(project.pk), "problems": "ใหม่ 1"},
            {"kind": "shortfall", "project": str(project.pk), "problems": "ใหม่ 2"},
        ],
    )
    data.update(
        {"findings-2-id": str(kept.pk), "findings-2-kind": "shortfall", "findings-2-project": str(kept.project_id)}
    )
    data.update({"findings-2-problems": "แก้แล้ว", "findings-TOTAL_FORMS": "3"})
    form, formset = report_forms(report, data)
    assert form.is_valid() and formset.is_valid(), (form.errors, formset.errors)
    with pytest.raises(RuntimeError):
        save_report(form, formset, by=officer)
    assert len(calls) == 2  # it did fail half-way
    saved = ProvinceReport.objects.get(pk=report.pk)
    assert saved.overall_results == "ฉบับเดิม" and saved.version == 1 and saved.updated_by is None
    assert list(Finding.objects.values_list("problems", flat=True)) == ["ของเดิม"]
    assert saved.history.count() == 1 and kept.history.count() == 1


def test_a_failing_submit_rolls_back_the_draft_save(report, officer):
    """Submitting an incomplete report keeps nothing of that request, not even the draft text."""
    data = form_data(report, 1, "")
    data["action"] = "submit"
    # Bound as a draft, so the forms let it through and the model's own check is what refuses it.
    form, formset = report_forms(report, data)
    assert form.is_valid() and formset.is_valid()
    with pytest.raises(ValidationError):
        save_report(form, formset, by=officer, submit=True)
    saved = ProvinceReport.objects.get(pk=report.pk)
    assert saved.overall_results == "ฉบับเดิม" and saved.version == 1
    assert saved.status == ProvinceReport.Status.DRAFT
