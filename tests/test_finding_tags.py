"""A finding's badges and figures are written by template tags (reports/templatetags/report_tags.py), not by
templates included once per finding: the same HTML as those templates wrote, kept here to compare with."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils.translation import override

from reports.models import Finding, FindingFigure
from tests import review_factories as make

pytestmark = pytest.mark.django_db

# The templates the tags replace, as they were (reports/finding_chain.html, reports/report_target.html).
FINDING_CHAIN = (
    '{% load i18n %}{% if chained.is_carried %} <span class="badge text-bg-warning ms-2" data-carried>'
    '{% translate "Carried over from last quarter" %}</span>{% endif %}{% if chained.is_running %} '
    '<span class="badge text-bg-danger ms-1" data-running>{% blocktranslate with quarters=chained.quarters_running %}'
    "Problem running for {{ quarters }} quarters{% endblocktranslate %}</span>{% endif %}\n"
)
REPORT_TARGET = """{% load i18n numbers %}{% with figures=finding.figures.all %}{% if figures %}<dt>{% translate "Figures" %}</dt>
<dd><div class="table-responsive"><table class="table table-sm table-borderless mb-0 figures">
  <thead class="text-nowrap"><tr><th scope="col">{% translate "Activity or phase" %}</th><th scope="col" class="text-end">{% translate "Target" %}</th><th scope="col" class="text-end">{% translate "Result" %}</th><th scope="col">{% translate "Unit" %}</th><th scope="col" class="text-end">{% translate "Percent" %}</th></tr></thead>
  <tbody>{% for figure in figures %}<tr{% if figure.misses_target %} class="table-warning"{% endif %}>
    <td>{{ figure.activity|default:"—" }}</td>
    <td class="text-end">{{ figure.target|number|default:"—" }}</td>
    <td class="text-end">{{ figure.result|number|default:"—" }}</td>
    <td>{{ figure.unit }}</td>
    <td class="text-end">{% if figure.percent is not None %}{{ figure.percent|number }}{% else %}—{% endif %}</td>
  </tr>{% endfor %}</tbody>
</table></div></dd>{% endif %}{% endwith %}
"""  # noqa: E501


@pytest.fixture
def findings(geography):
    period = make.period(2564, 3)
    earlier = make.shortfall(make.report("นครสวรรค์", make.period(2564, 2)), "โครงการเก่า")
    report = make.report("ขอนแก่น", period)
    plain = make.shortfall(report, "โครงการ <ก> & ข")
    carried = make.shortfall(report, "โครงการต่อเนื่อง", carried_from=earlier, quarters_running=3)
    running = make.shortfall(report, "โครงการยาว", quarters_running=2)
    figures = make.best_practice(report, "โครงการตัวเลข", title="เรื่อง")
    rows = [
        ("ระยะที่ 1 <a>", Decimal("1516"), Decimal("500.50"), "แปลง & ไร่"),
        ("", None, Decimal("3"), ""),
        ("ระยะที่ 3", Decimal("0"), None, "คน"),
        ("ระยะที่ 4", Decimal("200"), Decimal("150"), "ครัวเรือน"),
    ]
    for position, (activity, target, result, unit) in enumerate(rows):
        FindingFigure.objects.create(
            finding=figures, activity=activity, target=target, result=result, unit=unit, position=position
        )
    pks = [plain.pk, carried.pk, running.pk, figures.pk]
    return list(Finding.objects.filter(pk__in=pks).prefetch_related("figures").order_by("pk"))


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_tags_write_what_the_templates_wrote(findings, language):
    with override(language):
        for finding in findings:
            old_chain = Template(FINDING_CHAIN).render(Context({"chained": finding}))
            new_chain = Template("{% load report_tags %}{% finding_chain finding %}").render(
                Context({"finding": finding})
            )
            assert new_chain == old_chain
            old_target = Template(REPORT_TARGET).render(Context({"finding": finding}))
            new_target = Template("{% load report_tags %}{% figures_table finding %}").render(
                Context({"finding": finding})
            )
            assert new_target == old_target
    assert any("data-carried" in Template(FINDING_CHAIN).render(Context({"chained": f})) for f in findings)
    assert "table-warning" in Template(REPORT_TARGET).render(Context({"finding": findings[-1]}))
