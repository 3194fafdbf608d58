"""The report's conversation for the officer and the inspector (item 19), and one clear deadline (item 20)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.models import Finding, ProvinceReport, ReviewEvent
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
Action = ReviewEvent.Action


@pytest.fixture
def report(geography):
    period = factories.period(2564, 3, deadline=TODAY + datetime.timedelta(days=10))
    return factories.complete_report("ขอนแก่น", period)


def fresh(report) -> ProvinceReport:
    return ProvinceReport.objects.select_related("period").get(pk=report.pk)


def _round_trip(report, officer, inspector):
    """Submitted, returned, changed and submitted again."""
    report.submit(by=officer)
    fresh(report).return_to_province("โปรดระบุสาเหตุให้ชัดเจน", by=inspector)
    Finding.objects.filter(report=report, kind="shortfall").update(causes="ขาดงบประมาณและบุคลากร")
    ProvinceReport.objects.filter(pk=report.pk).update(overall_results="ผลการดำเนินงานฉบับแก้ไข")
    fresh(report).submit(by=officer)


def test_submissions_and_resubmissions_are_events_and_the_first_date_stays(report, officer, inspector):
    report.submit(by=officer, now=timezone.now() - datetime.timedelta(days=2))
    first = fresh(report).submitted_at
    fresh(report).return_to_province("แก้ไข", by=inspector)
    fresh(report).submit(by=officer)
    assert fresh(report).submitted_at == first  # a resubmission keeps the first submission date
    events = list(ReviewEvent.objects.filter(report=report))
    assert [event.action for event in events] == [Action.SUBMITTED, Action.RETURNED, Action.RESUBMITTED]
    assert events[0].by == officer and events[0].content["overall_results"]
    assert events[-1].at > first


def test_the_officer_sees_the_whole_conversation_with_the_acceptance_comment(client, report, officer, inspector):
    _round_trip(report, officer, inspector)
    fresh(report).accept(by=inspector, comment="ดีมาก ขอบคุณครับ")
    client.force_login(officer)
    html = client.get(reverse("reports:edit", args=[report.pk])).content.decode()
    history = html[html.index('id="report-history"') :]
    for words in ("จังหวัดส่งรายงาน", "ส่งกลับ", "โปรดระบุสาเหตุให้ชัดเจน", "จังหวัดส่งรายงานอีกครั้ง", "ดีมาก ขอบคุณครับ"):
        assert words in history, words
    assert history.index("จังหวัดส่งรายงาน") < history.index("โปรดระบุสาเหตุ") < history.index("ดีมาก")


def test_the_inspector_sees_what_changed_since_the_last_submission(client, report, officer, inspector):
    _round_trip(report, officer, inspector)
    client.force_login(inspector)
    html = client.get(reverse("reports:review", args=[report.pk])).content.decode()
    changes = html[html.index('id="changes-since-last"') : html.index('id="report-history"')]
    assert "ผลการดำเนินงานฉบับแก้ไข" in changes and "ขาดงบประมาณและบุคลากร" in changes
    assert "ขาดใบอนุญาต" in changes  # what it said before
    assert "จังหวัดส่งรายงานอีกครั้ง" in html


def test_a_first_submission_shows_no_changes_section(client, report, officer, inspector):
    report.submit(by=officer)
    client.force_login(inspector)
    assert 'id="changes-since-last"' not in client.get(reverse("reports:review", args=[report.pk])).content.decode()


def test_a_reopening_is_labelled_as_the_administrators_not_the_inspectors(client, report, officer, admin_user):
    report.submit(by=officer)
    fresh(report).reopen("แก้ไขตัวเลขเป้าหมาย", until=TODAY + datetime.timedelta(days=3), by=admin_user)
    client.force_login(officer)
    html = client.get(reverse("reports:edit", args=[report.pk])).content.decode()
    note = html[html.index('id="return-comment"') : html.index("</div>", html.index('id="return-comment"'))]
    assert "ผู้ดูแลระบบเปิดให้แก้ไขอีกครั้ง" in note and "แก้ไขตัวเลขเป้าหมาย" in note
    assert "ผู้ตรวจราชการส่งกลับ" not in note


def test_history_query_count_does_not_grow_with_events(
    client, report, officer, inspector, django_assert_max_num_queries
):
    for _ in range(3):
        _round_trip(report, officer, inspector)
        fresh(report).return_to_province("อีกครั้ง", by=inspector)
    client.force_login(officer)
    with django_assert_max_num_queries(14):  # as the report page's own pin: the history is one query
        assert client.get(reverse("reports:edit", args=[report.pk])).status_code == 200
    client.force_login(inspector)
    with django_assert_max_num_queries(15):  # and one for the findings' figures, one for the resolutions
        assert client.get(reverse("reports:review", args=[report.pk])).status_code == 200


# --- item 20: one clear deadline ------------------------------------------------------


def test_a_reopened_report_after_the_deadline_shows_days_to_the_reopening_not_a_negative_count(
    client, officer, admin_user, geography
):
    period = factories.period(2564, 2, deadline=TODAY - datetime.timedelta(days=1959))
    report = factories.complete_report("ขอนแก่น", period)
    report.reopen("น้ำท่วม", until=TODAY + datetime.timedelta(days=5), by=admin_user)
    client.force_login(officer)
    html = client.get(reverse("reports:officer_home")).content.decode()
    current = html[html.index('id="current-period"') : html.index('id="report-list"')]
    assert "-1959" not in current and "-1" not in current
    assert "5 วัน" in current
    assert "เปิดให้แก้ไขถึง" in current
    assert "กำหนดส่ง" not in current  # the past deadline is not shown beside the reopening


def test_a_reopening_shorter_than_an_open_deadline_shows_the_deadline(client, officer, admin_user, report):
    report.submit(by=officer)
    fresh(report).reopen("แก้ไขเล็กน้อย", until=TODAY + datetime.timedelta(days=2), by=admin_user)
    assert fresh(report).last_day() == report.period.deadline  # ten days away, later than the reopening
    client.force_login(officer)
    html = client.get(reverse("reports:officer_home")).content.decode()
    assert "10 วัน" in html
