"""send_reminders: the calendar's reminders, each once, only the latest due after downtime, delivered by SMTP."""

import datetime
import threading
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from notifications.models import Notice
from reports import reminders
from reports.models import ProvinceReport
from tests import factories
from tests import review_factories as make
from tests.conftest import make_inspector, make_officer, make_user

BANGKOK = ZoneInfo("Asia/Bangkok")


def _at(days: int = 0, hour: int = 10) -> datetime.datetime:
    """A moment `days` from today, at a given hour in Bangkok."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=BANGKOK)


def _kinds(user) -> list[str]:
    return sorted(Notice.objects.filter(recipient=user).values_list("kind", flat=True))


@pytest.fixture
def officers(geography):
    return {"ขอนแก่น": make_officer("officer_kk", "ขอนแก่น"), "นครสวรรค์": make_officer("officer_ns", "นครสวรรค์")}


def test_deadline_reminders_at_7_3_and_1_days_each_once(officers):
    period = factories.open_period(days_left=10)
    kk = officers["ขอนแก่น"]
    reminders.create_due(_at(0))
    assert _kinds(kk) == ["period_opened"]
    for days_later, expected in [(2, 0), (3, 1), (3, 0), (5, 0), (7, 1), (8, 0), (9, 1), (9, 0), (10, 0)]:
        before = Notice.objects.filter(recipient=kk, kind="deadline_near").count()
        reminders.create_due(_at(days_later))
        assert Notice.objects.filter(recipient=kk, kind="deadline_near").count() - before == expected, days_later
    keys = list(Notice.objects.filter(recipient=kk, kind="deadline_near").order_by("pk").values_list("key", flat=True))
    assert keys == [f"deadline_near:{period.pk}:{days}" for days in (7, 3, 1)]


def test_after_downtime_only_the_nearest_due_reminder(officers):
    period = factories.open_period(days_left=2)  # the 7-day reminder was missed while the scheduler was down
    reminders.create_due(_at(0))
    notices = Notice.objects.filter(recipient=officers["ขอนแก่น"], kind="deadline_near")
    assert list(notices.values_list("key", flat=True)) == [f"deadline_near:{period.pk}:3"]
    assert notices.get().context["deadline"] == str(period.deadline)


def test_a_submitted_or_reopened_province_is_not_reminded(officers, inspector):
    period = factories.open_period(days_left=3)
    submitted = make.submitted("นครสวรรค์", period)
    assert submitted.status == ProvinceReport.Status.SUBMITTED
    reminders.create_due(_at(0))
    assert _kinds(officers["นครสวรรค์"]) == []
    assert _kinds(officers["ขอนแก่น"]) == ["deadline_near", "period_opened"]


def test_deadline_passed_tells_officers_inspectors_and_once_a_day_the_admins(officers):
    period = factories.open_period(days_left=-1)  # the deadline was yesterday
    inspector = make_inspector("inspector_12", [12, 18], period.fiscal_year)
    other_inspector = make_inspector("inspector_1", [1], period.fiscal_year)
    make.submitted("นครสวรรค์", period)
    make.report("มหาสารคาม", period)  # a draft: still missing
    admin = make_user("admin2", is_staff=True, is_superuser=True)
    bare_staff = make_user("bare_staff", is_staff=True)  # staff status alone is no portal role
    reminders.create_due(_at(0, hour=7))
    assert _kinds(officers["ขอนแก่น"]) == ["deadline_passed"]
    assert _kinds(officers["นครสวรรค์"]) == []
    missing = Notice.objects.get(recipient=inspector)
    assert missing.kind == "provinces_missing"
    # Zone 12 then zone 18, in Thai order; นครสวรรค์ handed in.
    assert missing.context["provinces"] == ["กาฬสินธุ์", "ขอนแก่น", "มหาสารคาม", "ร้อยเอ็ด", "กำแพงเพชร", "พิจิตร", "อุทัยธานี"]
    assert missing.text.subject == f"ยังไม่ส่งรายงานไตรมาส {period.quarter}/{period.fiscal_year} จำนวน 7 จังหวัด"
    other_zone = Notice.objects.get(recipient=other_inspector)  # zone 1: its own provinces only
    assert "ขอนแก่น" not in other_zone.context["provinces"] and "ลพบุรี" in other_zone.context["provinces"]
    assert _kinds(admin) == []  # before 08:00 no digest
    reminders.create_due(_at(0, hour=9))
    reminders.create_due(_at(0, hour=15))
    digest = Notice.objects.get(recipient=admin)
    assert digest.kind == "late_digest" and digest.context["count"] == 76  # every province but นครสวรรค์
    assert any("จังหวัดกาฬสินธุ์ ขอนแก่น" in line for line in digest.context["late"])
    reminders.create_due(_at(1, hour=9))
    assert _kinds(admin) == ["late_digest", "late_digest"]  # the next day's
    assert _kinds(bare_staff) == []
    assert _kinds(officers["ขอนแก่น"]) == ["deadline_passed"]  # still once


def test_a_report_changed_after_publishing_tells_the_zones_inspectors(geography, inspector, other_inspector, officer):
    from meetings import reminders as meeting_reminders

    period = make.period(2564, 3)
    report = make.submitted("ขอนแก่น", period)
    meeting = make.meeting(inspector, period, zone_numbers=(12,))
    meeting.publish(by=inspector)
    assert meeting_reminders.create_due(timezone.now()) == 0
    report.reopen("แก้ตัวเลข", until=timezone.localdate(), by=make_user("admin3", is_superuser=True))
    report.submit(by=officer)
    Notice.objects.filter(recipient=inspector).delete()
    assert meeting_reminders.create_due(timezone.now()) == 1
    changed = Notice.objects.get(recipient=inspector)
    assert changed.kind == "report_changed" and changed.link == f"/meetings/{meeting.pk}/"
    assert meeting_reminders.create_due(timezone.now()) == 0
    assert not Notice.objects.filter(recipient=other_inspector).exists()


def _run() -> str:
    out = StringIO()
    call_command("send_reminders", stdout=out)
    return out.getvalue()


def test_the_command_twice_sends_each_reminder_once(smtp, officers, inspector):
    factories.open_period(days_left=3)
    first, second = _run(), _run()
    assert "e-mails sent: 4" in first and "e-mails sent: 0" in second  # two officers × (opened, deadline near)
    subjects = sorted(item.subject for item in smtp.to(officers["ขอนแก่น"].email))
    assert len(subjects) == 2 and subjects[0].startswith("รายงานของจังหวัดขอนแก่น ไตรมาส")
    assert "ครบกำหนดส่งวันที่" in subjects[0]
    assert not smtp.to(inspector.email)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Two runs at once need concurrent connections and row locks: PostgreSQL only "
    "(SQLite lets one writer in at a time).",
)
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_send_each_reminder_once(smtp, geography):
    smtp.delay = 0.05
    people = [make_officer(f"officer_{index}", name) for index, name in enumerate(make.ZONE_12 + make.ZONE_18)]
    make_inspector("inspector_x", [12, 18], factories.open_period(days_left=1).fiscal_year)
    barrier = threading.Barrier(2)
    outputs, errors = [], []

    def run():
        try:
            barrier.wait()
            outputs.append(_run())
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    for person in people:
        assert len(smtp.to(person.email)) == 2, person  # opened + deadline near, once each
    assert len(smtp.inbox) == 16
    assert Notice.objects.count() == 16
