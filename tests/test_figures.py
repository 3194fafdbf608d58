"""Figures of a finding (activity or phase, target, result, unit): typed by the officer, shown on the report and
the review pages without needless decimals and with thousands separators, said in the summary."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.models import FindingFigure, ProvinceReport
from tests import factories
from tests.test_report_edit import edit_url, finding_data, post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(geography):
    """A draft of FY 2564 Q3 (the inspector's year), its deadline still ahead."""
    quarter = factories.period(2564, 3, deadline=timezone.localdate() + datetime.timedelta(days=30))
    return factories.report("ขอนแก่น", quarter)


def _figures(finding_index: int, rows: list[dict], initial: int = 0) -> dict:
    prefix = f"findings-{finding_index}-figures"
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(initial)}
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def test_the_officer_types_figures_with_separators(client, officer, report):
    project = factories.project("โคก หนอง นา โมเดล")
    rows = [
        {"activity": "ระยะที่ 1 ระดับครัวเรือน", "target": "1,516", "result": "1,500.50", "unit": "แปลง"},
        {"activity": "ระยะที่ 2 ระดับชุมชน", "target": "12", "result": "", "unit": "แห่ง"},
        {"activity": "", "target": "", "result": "", "unit": ""},  # the empty row offered
    ]
    finding = finding_data(0, project, problems="ปัญหา", causes="สาเหตุ", measures="แนวทาง")
    client.force_login(officer)
    response = client.post(edit_url(report), post_data(report, findings=[{**finding, **_figures(0, rows)}]))
    assert response.status_code == 302
    figures = list(FindingFigure.objects.order_by("position"))
    assert [(f.activity, f.target, f.result, f.unit) for f in figures] == [
        ("ระยะที่ 1 ระดับครัวเรือน", Decimal("1516"), Decimal("1500.50"), "แปลง"),
        ("ระยะที่ 2 ระดับชุมชน", Decimal("12"), None, "แห่ง"),
    ]
    page = client.get(edit_url(report)).content.decode()
    assert 'value="1,516"' in page and 'value="1,500.5"' in page and "1516.00" not in page


def test_a_figure_row_without_numbers_or_with_a_word_is_refused_beside_the_field(client, officer, report):
    project = factories.project()
    rows = [{"activity": "ระยะที่ 1", "target": "", "result": "", "unit": "แปลง"}, {"target": "ห้าร้อย", "result": "1"}]
    finding = finding_data(0, project, problems="ปัญหา")
    client.force_login(officer)
    response = client.post(edit_url(report), post_data(report, findings=[{**finding, **_figures(0, rows)}]))
    assert response.status_code == 400
    figures = response.context["formset"].forms[0].figures.forms
    assert figures[0].errors["target"] == ["กรุณาระบุเป้าหมาย ผลการดำเนินงาน หรือทั้งสองอย่าง"]
    assert figures[1].errors["target"]
    html = response.content.decode()
    assert 'value="ห้าร้อย"' in html and "ระยะที่ 1" in html  # kept as typed
    assert not ProvinceReport.objects.get(pk=report.pk).findings.exists()


def test_figures_are_changed_and_removed(client, officer, report):
    finding = factories.shortfall(report)
    kept = factories.figure(finding, target=10, result=5, unit="ราย")
    removed = factories.figure(finding, target=3, result=3, unit="ราย", position=1)
    client.force_login(officer)
    data = post_data(
        ProvinceReport.objects.get(pk=report.pk),
        findings=[
            {
                **finding_data(0, finding.project, problems="ปัญหา", id=str(finding.pk)),
                **_figures(
                    0,
                    [
                        {"id": str(kept.pk), "activity": "", "target": "20", "result": "5", "unit": "ราย"},
                        {"id": str(removed.pk), "target": "3", "result": "3", "unit": "ราย", "DELETE": "on"},
                    ],
                    initial=2,
                ),
            }
        ],
        initial=1,
    )
    assert client.post(edit_url(report), data).status_code == 302
    assert list(FindingFigure.objects.values_list("target", flat=True)) == [Decimal("20")]


def test_review_and_read_only_pages_show_figures_plainly(client, inspector, report):
    finding = factories.shortfall(report)
    factories.figure(
        finding, activity="ระยะที่ 1 ระดับครัวเรือน", target=Decimal("516.00"), result=Decimal("500.00"), unit="แปลง"
    )
    factories.figure(
        finding, activity="ระยะที่ 2", target=Decimal("12500.00"), result=Decimal("12500"), unit="บาท", position=1
    )
    ProvinceReport.objects.filter(pk=report.pk).update(status=ProvinceReport.Status.SUBMITTED)
    client.force_login(inspector)
    for url in (reverse("reports:review", args=[report.pk]), edit_url(report)):
        html = client.get(url).content.decode()
        assert ">516<" in html and ">500<" in html and ">96.9<" in html, url
        assert ">12,500<" in html and ">100<" in html and "516.00" not in html, url
        assert "data-misses-target" in html  # 500 of 516
