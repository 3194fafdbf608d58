"""Carry-forward (issue 11 item 1): shortfalls keep their identity across quarters.

The rules (reports/chains.py), the officer's carry and resolve actions with every role's
access, the badges on the report and review pages, the summary's wording and the
inspector's list of the longest-running problems.
"""

import datetime
import re
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from meetings import summary, wording
from meetings.models import FollowUpMeeting
from provinces.models import InspectionZone
from reports import chains, fiscal
from reports.models import Finding, ProvinceReport, ShortfallResolution, WorkflowError
from tests import factories
from tests import summary_factories as sf
from tests.conftest import make_inspector

ACCEPTED = ProvinceReport.Status.ACCEPTED
SUBMITTED = ProvinceReport.Status.SUBMITTED


def _open_period(year: int, quarter: int):
    """A period an officer may still write in (its deadline ahead), whatever the quarter's dates."""
    return factories.period(year, quarter, deadline=timezone.localdate() + datetime.timedelta(days=10))


@pytest.fixture
def setting(geography):
    """ขอนแก่น's accepted Q3 FY 2564 report with two shortfalls and a best practice; its Q4 draft."""
    q3 = factories.period(2564, 3)
    q4 = _open_period(2564, 4)
    old = factories.report("ขอนแก่น", q3, status=ACCEPTED, overall_results="ผลไตรมาส 3")
    category = factories.category("งบประมาณ")
    khok = factories.shortfall(old, factories.project("โคก หนอง นา"), problems="ขุดดินล่าช้า", position=0)
    khok.categories.set([category])
    factories.figure(khok, target=516, result=500, unit="แปลง", activity="ระยะที่ 1")
    fund = factories.shortfall(old, factories.project("กองทุนสตรี"), problems="หนี้ค้างชำระ", position=1)
    factories.best_practice(old, position=2)
    new = factories.report("ขอนแก่น", q4)
    return {"old": old, "new": new, "khok": khok, "fund": fund, "category": category, "q3": q3, "q4": q4}


def _frozen(report: ProvinceReport) -> tuple:
    report = ProvinceReport.objects.get(pk=report.pk)
    findings = list(report.findings.order_by("pk").values())
    return report.status, report.version, report.updated_at, findings


# --- the rules -----------------------------------------------------------------------


def test_previous_quarter_crosses_the_fiscal_year():
    assert chains.previous_quarter(2564, 1) == (2563, 4)
    assert chains.previous_quarter(2564, 4) == (2564, 3)
    assert fiscal.quarters_back(2564, 2, 3) == (2563, 3)


def test_offered_are_last_quarters_shortfalls_only(setting):
    assert chains.offered(setting["new"]) == [setting["khok"], setting["fund"]]


def test_only_a_submitted_or_accepted_previous_report_is_offered(setting):
    ProvinceReport.objects.filter(pk=setting["old"].pk).update(status=ProvinceReport.Status.DRAFT)
    assert chains.offered(setting["new"]) == []
    ProvinceReport.objects.filter(pk=setting["old"].pk).update(status=SUBMITTED)
    assert len(chains.offered(setting["new"])) == 2


def test_carry_copies_texts_categories_and_figures_and_leaves_the_old_report_untouched(setting, officer):
    before = _frozen(setting["old"])
    carried = chains.carry_forward(setting["new"], setting["khok"].pk, by=officer)
    assert carried.report == setting["new"] and carried.kind == Finding.Kind.SHORTFALL
    assert carried.carried_from == setting["khok"] and carried.quarters_running == 2
    assert (carried.project, carried.problems, carried.causes, carried.measures) == (
        setting["khok"].project,
        "ขุดดินล่าช้า",
        setting["khok"].causes,
        setting["khok"].measures,
    )
    assert list(carried.categories.all()) == [setting["category"]]
    assert [figure.as_line() for figure in carried.figures.all()] == ["ระยะที่ 1: 516 / 500 แปลง"]
    assert _frozen(setting["old"]) == before
    assert chains.offered(setting["new"]) == [setting["fund"]]


def test_chain_length_grows_across_the_fiscal_year(geography, officer):
    """Q3 → Q4 of FY 2563, then Q1 of FY 2564: three quarters in a row."""
    q3, q4, q1 = factories.period(2563, 3), factories.period(2563, 4), _open_period(2564, 1)
    first = factories.shortfall(factories.report("ขอนแก่น", q3, status=ACCEPTED))
    middle_report = factories.report("ขอนแก่น", _open_period_for(q4), status=ProvinceReport.Status.DRAFT)
    middle = chains.carry_forward(middle_report, first.pk, by=officer)
    ProvinceReport.objects.filter(pk=middle_report.pk).update(status=SUBMITTED)
    last = chains.carry_forward(factories.report("ขอนแก่น", q1), middle.pk, by=officer)
    assert (first.quarters_running, middle.quarters_running, last.quarters_running) == (1, 2, 3)
    assert last.carried_from.carried_from == first


def _open_period_for(period):
    period.deadline = timezone.localdate() + datetime.timedelta(days=10)
    period.save()
    return period


def test_a_second_carry_is_refused_and_the_database_refuses_a_duplicate(setting, officer):
    chains.carry_forward(setting["new"], setting["khok"].pk, by=officer)
    with pytest.raises(chains.AlreadyDecided):
        chains.carry_forward(setting["new"], setting["khok"].pk, by=officer)
    with pytest.raises(chains.AlreadyDecided):
        chains.resolve(setting["new"], setting["khok"].pk, "แก้แล้ว", by=officer)
    with pytest.raises(IntegrityError), transaction.atomic():
        Finding.objects.create(
            report=setting["new"], project=setting["khok"].project, kind="shortfall", carried_from=setting["khok"]
        )
    assert setting["new"].findings.count() == 1


def test_resolution_needs_its_text_and_is_recorded_on_the_new_report_only(setting, officer):
    before = _frozen(setting["old"])
    with pytest.raises(ValidationError) as refused:
        chains.resolve(setting["new"], setting["fund"].pk, "   ", by=officer)
    assert "how_resolved" in refused.value.message_dict
    resolution = chains.resolve(setting["new"], setting["fund"].pk, "ปรับโครงสร้างหนี้แล้ว", by=officer)
    assert resolution.report == setting["new"] and resolution.finding == setting["fund"]
    assert _frozen(setting["old"]) == before
    assert chains.offered(setting["new"]) == [setting["khok"]]
    with pytest.raises(IntegrityError), transaction.atomic():
        ShortfallResolution.objects.create(report=setting["new"], finding=setting["fund"], how_resolved="อีกครั้ง")


def test_a_resolution_may_be_taken_back_while_the_report_is_editable(setting, officer):
    resolution = chains.resolve(setting["new"], setting["fund"].pk, "ปรับโครงสร้างหนี้แล้ว", by=officer)
    chains.undo_resolution(setting["new"], resolution.pk)
    assert len(chains.offered(setting["new"])) == 2
    resolution = chains.resolve(setting["new"], setting["fund"].pk, "ปรับโครงสร้างหนี้แล้ว", by=officer)
    ProvinceReport.objects.filter(pk=setting["new"].pk).update(status=SUBMITTED)
    with pytest.raises(WorkflowError):
        chains.undo_resolution(setting["new"], resolution.pk)
    assert ShortfallResolution.objects.filter(pk=resolution.pk).exists()


def test_nothing_is_carried_into_a_report_that_may_not_change(setting, officer):
    ProvinceReport.objects.filter(pk=setting["new"].pk).update(status=SUBMITTED)
    with pytest.raises(WorkflowError):
        chains.carry_forward(setting["new"], setting["khok"].pk, by=officer)
    with pytest.raises(WorkflowError):
        chains.resolve(setting["new"], setting["khok"].pk, "แก้แล้ว", by=officer)


def test_another_provinces_shortfall_cannot_be_carried(setting, officer):
    stranger = factories.shortfall(factories.report("นครสวรรค์", setting["q3"], status=ACCEPTED))
    with pytest.raises(WorkflowError):
        chains.carry_forward(setting["new"], stranger.pk, by=officer)
    assert not setting["new"].findings.exists()


# --- the officer's actions and every role's access ----------------------------------------


def _carry_url(setting, finding="khok"):
    return reverse("reports:carry_forward", args=[setting["new"].pk, setting[finding].pk])


def _resolve_url(setting, finding="fund"):
    return reverse("reports:resolve_shortfall", args=[setting["new"].pk, setting[finding].pk])


def test_officer_carries_forward_and_a_double_click_carries_once(setting, officer, client):
    client.force_login(officer)
    first = client.post(_carry_url(setting))
    carried = setting["new"].findings.get()
    assert first.status_code == 302 and first.url.endswith(f"#finding-{carried.pk}")
    second = client.post(_carry_url(setting), follow=True)
    assert setting["new"].findings.count() == 1
    assert "ปัญหานี้ได้ยกมาต่อเนื่องหรือบันทึกว่าแก้ไขแล้วก่อนหน้านี้" in second.content.decode()


def test_officer_resolves_and_an_empty_text_is_refused_beside_the_field(setting, officer, client):
    client.force_login(officer)
    refused = client.post(_resolve_url(setting), {f"resolve-{setting['fund'].pk}-how_resolved": "  "})
    assert refused.status_code == 400
    page = refused.content.decode()
    offer = page[page.index(f'id="offer-{setting["fund"].pk}"') :]
    offer = offer[: offer.index("</article>")]
    assert (
        re.search(r'class="[^"]*is-invalid[^"]*"[^>]*name="resolve-\d+-how_resolved"', offer) or "is-invalid" in offer
    )
    assert "โปรดระบุว่าปัญหาได้รับการแก้ไขอย่างไร" in offer
    assert not ShortfallResolution.objects.exists()

    done = client.post(_resolve_url(setting), {f"resolve-{setting['fund'].pk}-how_resolved": "ปรับโครงสร้างหนี้แล้ว"})
    assert done.status_code == 302
    assert setting["new"].resolutions.get().how_resolved == "ปรับโครงสร้างหนี้แล้ว"
    page = client.get(reverse("reports:edit", args=[setting["new"].pk])).content.decode()
    assert "ปัญหาของไตรมาสก่อนที่แก้ไขแล้ว" in page and "ปรับโครงสร้างหนี้แล้ว" in page


@pytest.mark.parametrize("who", ["other_officer", "inspector", "head_of_inspectors", "admin_user"])
def test_only_the_provinces_officer_may_carry_or_resolve(setting, who, request, client):
    client.force_login(request.getfixturevalue(who))
    assert client.post(_carry_url(setting)).status_code == 403
    assert client.post(_resolve_url(setting), {f"resolve-{setting['fund'].pk}-how_resolved": "x"}).status_code == 403
    assert not setting["new"].findings.exists() and not ShortfallResolution.objects.exists()


def test_anonymous_is_sent_to_log_in(setting, client):
    response = client.post(_carry_url(setting))
    assert response.status_code == 302 and reverse("login") in response.url
    assert not setting["new"].findings.exists()


def test_a_submitted_report_takes_no_carry(setting, officer, client):
    ProvinceReport.objects.filter(pk=setting["new"].pk).update(status=SUBMITTED)
    client.force_login(officer)
    assert client.post(_carry_url(setting)).status_code == 403
    assert client.get(reverse("reports:carry_forward", args=[setting["new"].pk, 1])).status_code == 405


def test_unknown_report_is_404(setting, officer, client):
    client.force_login(officer)
    assert client.post(reverse("reports:carry_forward", args=[999999, setting["khok"].pk])).status_code == 404


# --- the pages say how long a problem has run ---------------------------------------------------


def test_officer_and_inspector_pages_show_the_chain_and_the_resolution(setting, officer, inspector, client):
    chains.carry_forward(setting["new"], setting["khok"].pk, by=officer)
    chains.resolve(setting["new"], setting["fund"].pk, "ปรับโครงสร้างหนี้แล้ว", by=officer)
    client.force_login(officer)
    page = client.get(reverse("reports:edit", args=[setting["new"].pk])).content.decode()
    assert "ต่อเนื่องจากไตรมาสก่อน" in page and "ปัญหาต่อเนื่อง 2 ไตรมาส" in page
    assert 'id="offers"' not in page  # both decided
    ProvinceReport.objects.filter(pk=setting["new"].pk).update(status=SUBMITTED)
    client.force_login(inspector)
    page = client.get(reverse("reports:review", args=[setting["new"].pk])).content.decode()
    assert "ปัญหาต่อเนื่อง 2 ไตรมาส" in page
    assert "ปัญหาของไตรมาสก่อนที่แก้ไขแล้ว" in page and "ปรับโครงสร้างหนี้แล้ว" in page
    assert "ยกเลิกการบันทึกว่าแก้ไขแล้ว" not in page


def test_a_new_problem_has_no_badge(setting, officer, client):
    client.force_login(officer)
    factories.shortfall(setting["new"])
    page = client.get(reverse("reports:edit", args=[setting["new"].pk])).content.decode()
    assert "data-running" not in page and "data-carried" not in page.split('id="report-form"')[1]


# --- the summary ----------------------------------------------------------------------


def test_wording_of_running_problems():
    assert wording.running([("ขอนแก่น", 1)], name_provinces=False) == ""
    assert wording.running([("ขอนแก่น", 3)], name_provinces=False) == "ซึ่งเป็นปัญหาต่อเนื่อง 3 ไตรมาส"
    assert wording.running([("ขอนแก่น", 2), ("พิจิตร", 2)], name_provinces=True) == "ซึ่งเป็นปัญหาต่อเนื่อง 2 ไตรมาส"
    assert wording.running([("ขอนแก่น", 2), ("พิจิตร", 3), ("น่าน", 2), ("ตาก", 1)], name_provinces=True) == (
        "ซึ่งจังหวัดพิจิตร เป็นปัญหาต่อเนื่อง 3 ไตรมาส และจังหวัดขอนแก่น และน่าน เป็นปัญหาต่อเนื่อง 2 ไตรมาส"
    )


def test_summary_says_how_long_a_provinces_problem_has_run(setting, officer, inspector):
    carried = chains.carry_forward(setting["new"], setting["khok"].pk, by=officer)
    Finding.objects.filter(pk=carried.pk).update(quarters_running=3)
    ProvinceReport.objects.filter(pk=setting["new"].pk).update(status=SUBMITTED)
    other = sf.make_report("มหาสารคาม", setting["q4"])
    sf.add_shortfall(other, setting["khok"].project, "ขุดดินล่าช้า")
    meeting = sf.make_meeting(inspector, setting["q4"], [12])
    tree = summary.build(FollowUpMeeting.objects.get(pk=meeting.pk))
    item = next(block["text"] for block in tree["blocks"] if block["key"] == "s1-1")
    assert item.startswith(
        "โคก หนอง นา จำนวน 2 จังหวัด ได้แก่ จังหวัดขอนแก่น และมหาสารคาม ซึ่งจังหวัดขอนแก่น เป็นปัญหาต่อเนื่อง 3 ไตรมาส ผลการดำเนินงาน"
    )


# --- the longest-running problems ---------------------------------------------------------------


@pytest.fixture
def chained(geography):
    """Zone 12 (ขอนแก่น: 3 quarters; มหาสารคาม: 1) and zone 1 (อ่างทอง: 2), all submitted, FY 2564."""
    periods = [factories.period(2564, quarter) for quarter in (1, 2, 3)]
    project = factories.project("โคก หนอง นา")
    other_project = factories.project("กองทุนสตรี")
    tips = {}
    for name, length, the_project in (("ขอนแก่น", 3, project), ("มหาสารคาม", 1, other_project), ("อ่างทอง", 2, project)):
        previous = None
        for period in periods[3 - length :]:
            report = factories.report(name, period, status=SUBMITTED)
            previous = Finding.objects.create(
                report=report,
                project=the_project,
                kind=Finding.Kind.SHORTFALL,
                problems=f"ปัญหาของ{name}",
                carried_from=previous,
                quarters_running=(previous.quarters_running + 1) if previous else 1,
            )
        tips[name] = previous
    return {"tips": tips, "project": project, "other_project": other_project, "periods": periods}


def test_longest_running_orders_by_length_and_keeps_only_open_problems(chained):
    assert list(chains.longest_running()) == [
        chained["tips"]["ขอนแก่น"],
        chained["tips"]["อ่างทอง"],
        chained["tips"]["มหาสารคาม"],
    ]
    assert list(chains.longest_running(limit=1)) == [chained["tips"]["ขอนแก่น"]]
    assert list(chains.longest_running(project=chained["other_project"])) == [chained["tips"]["มหาสารคาม"]]
    zone_1 = InspectionZone.objects.get(number=1)
    assert list(chains.longest_running(zones=[zone_1.pk])) == [chained["tips"]["อ่างทอง"]]


def test_a_later_report_closes_what_it_does_not_carry(chained):
    q4 = factories.period(2564, 4)
    factories.report("ขอนแก่น", q4, status=ACCEPTED, no_shortfalls=True)
    assert chained["tips"]["ขอนแก่น"] not in chains.longest_running()
    factories.report("อ่างทอง", factories.period(2565, 1), status=ProvinceReport.Status.DRAFT)
    assert chained["tips"]["อ่างทอง"] in chains.longest_running()  # a draft closes nothing


def test_an_inspector_reads_the_zones_assigned_in_each_findings_year(chained, inspector, other_inspector):
    assert set(chains.longest_running(user=inspector)) == {chained["tips"]["ขอนแก่น"], chained["tips"]["มหาสารคาม"]}
    assert list(chains.longest_running(user=other_inspector)) == [chained["tips"]["อ่างทอง"]]
    next_year = make_inspector("inspector_12_2565", [12], 2565)
    assert list(chains.longest_running(user=next_year)) == []


def _problems_page(client, user, query=""):
    client.force_login(user)
    return client.get(reverse("reports:longest_running") + query)


def test_longest_running_page_for_each_role(
    chained, inspector, other_inspector, head_of_inspectors, admin_user, client
):
    page = _problems_page(client, inspector).content.decode()
    assert page.index("ปัญหาของขอนแก่น") < page.index("ปัญหาของมหาสารคาม")
    assert chained["tips"]["ขอนแก่น"].first_reported == "ไตรมาส 1 ปีงบประมาณ 2564"
    assert "ไตรมาส 1 ปีงบประมาณ 2564" in page
    assert "ปัญหาของอ่างทอง" not in page
    page = _problems_page(client, other_inspector).content.decode()
    assert "ปัญหาของอ่างทอง" in page and "ปัญหาของขอนแก่น" not in page
    for reader in (head_of_inspectors, admin_user):
        page = _problems_page(client, reader).content.decode()
        assert all(f"ปัญหาของ{name}" in page for name in ("ขอนแก่น", "มหาสารคาม", "อ่างทอง"))


def test_longest_running_page_filters_and_refuses_officers(chained, inspector, officer, client):
    project = chained["other_project"]
    page = _problems_page(client, inspector, f"?project={project.pk}").content.decode()
    assert "ปัญหาของมหาสารคาม" in page and "ปัญหาของขอนแก่น" not in page
    zone_1 = InspectionZone.objects.get(number=1)
    response = _problems_page(client, inspector, f"?zone={zone_1.pk}")  # not one of hers: the filter is refused
    assert response.status_code == 200 and "ปัญหาของอ่างทอง" not in response.content.decode()
    assert _problems_page(client, officer).status_code == 403
    client.logout()
    assert client.get(reverse("reports:longest_running")).status_code == 302


def test_the_trends_tabs_link_the_longest_running_problems(chained, inspector, client):
    """The navigation leads to the trends; their tabs, shown on the list too, lead to it."""
    client.force_login(inspector)
    trends = client.get(reverse("trends:overview")).content.decode()
    assert f'href="{reverse("reports:longest_running")}"' in trends
    page = _problems_page(client, inspector).content.decode()
    assert f'href="{reverse("trends:overview")}"' in page
    assert f'href="{reverse("reports:longest_running")}" aria-current="page"' in page  # its own tab, current


def test_a_carried_problem_keeps_its_kind_and_project_when_the_draft_is_saved(setting, officer, client):
    carried = chains.carry_forward(setting["new"], setting["khok"].pk, by=officer)
    client.force_login(officer)
    data = {
        "version": ProvinceReport.objects.get(pk=setting["new"].pk).version,
        "action": "draft",
        "overall_results": "ผลไตรมาส 4",
        "findings-TOTAL_FORMS": "1",
        "findings-INITIAL_FORMS": "1",
        "findings-0-id": str(carried.pk),
        "findings-0-kind": "best_practice",
        "findings-0-project": str(setting["fund"].project_id),
        "findings-0-problems": "ขุดดินล่าช้า แต่คืบหน้าแล้ว",
        "findings-0-title": "ชื่อ",
    }
    response = client.post(reverse("reports:edit", args=[setting["new"].pk]), data)
    assert response.status_code == 302
    carried.refresh_from_db()
    assert (carried.kind, carried.project_id) == (Finding.Kind.SHORTFALL, setting["khok"].project_id)
    assert carried.problems == "ขุดดินล่าช้า แต่คืบหน้าแล้ว" and carried.quarters_running == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_tabs_carrying_at_the_same_moment_carry_once(setting, officer):
    barrier = threading.Barrier(2)
    outcomes = []

    def carry() -> None:
        try:
            barrier.wait()
            chains.carry_forward(setting["new"], setting["khok"].pk, by=officer)
            outcomes.append("carried")
        except chains.AlreadyDecided:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=carry) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["carried", "refused"]
    assert Finding.objects.filter(carried_from=setting["khok"]).count() == 1
