"""The workflow's events reach the right people, in the portal and by e-mail through a real SMTP server."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications import delivery
from notifications.models import Delivery, EmailPreference, Notice
from reports.models import ProvinceReport
from tests import review_factories as make
from tests.conftest import make_inspector, make_officer

Status = ProvinceReport.Status
BASE = "https://portal.example.go.th"


@pytest.fixture
def quarter(geography):
    return make.period(2564, 3)


@pytest.fixture
def report(quarter):
    return make.submitted("ขอนแก่น", quarter)


def _deliver(minutes: int = 0):
    return delivery.deliver_due(now=timezone.now() + datetime.timedelta(minutes=minutes))


def test_return_tells_the_provinces_officers_by_email_in_thai(
    client, smtp, report, officer, other_officer, inspector, other_inspector
):
    colleague = make_officer("officer_kk_2", "ขอนแก่น")
    client.force_login(inspector)
    response = client.post(reverse("reports:review_return", args=[report.pk]), {"comment": "เพิ่มสาเหตุของปัญหา"})
    assert response.status_code == 302
    assert _deliver().sent == 2

    assert sorted(address for item in smtp.inbox for address in item.rcpt_tos) == [
        "officer_kk@example.org",
        "officer_kk_2@example.org",
    ]
    mail = smtp.to(colleague.email)[0]
    assert mail.subject == "รายงานของจังหวัดขอนแก่น ไตรมาส 3/2564 ถูกส่งกลับให้แก้ไข"
    link = f"{BASE}/reports/{report.pk}/"
    for body in (mail.text, mail.html):
        assert "เพิ่มสาเหตุของปัญหา" in body
        assert link in body
        assert "ความเห็นของผู้ตรวจราชการ" in body
    assert f'href="{link}"' in mail.html
    assert mail.message["From"].addresses[0].display_name == "กรมการพัฒนาชุมชน"
    # The stored Message-ID is the one that went out.
    sent = Delivery.objects.get(to=colleague.email)
    assert mail.message["Message-ID"].strip() == sent.message_id and sent.status == Delivery.Status.SENT
    # In the portal too, and nobody else was told.
    assert set(Notice.objects.values_list("recipient__username", flat=True)) == {"officer_kk", "officer_kk_2"}
    for outsider in (other_officer, inspector, other_inspector):
        assert not smtp.to(outsider.email)


def test_accept_with_a_comment(client, smtp, report, officer, inspector):
    client.force_login(inspector)
    client.post(reverse("reports:review_accept", args=[report.pk]), {"comment": "ครบถ้วนดีมาก"})
    _deliver()
    (mail,) = smtp.to(officer.email)
    assert mail.subject == "รายงานของจังหวัดขอนแก่น ไตรมาส 3/2564 ได้รับการรับรองแล้ว"
    assert "ครบถ้วนดีมาก" in mail.text


def test_submitting_tells_only_the_zones_inspectors_of_that_year(smtp, quarter, officer, inspector, other_inspector):
    next_year = make_inspector("inspector_2565", [12], 2565)
    draft = make.report("ขอนแก่น", quarter)
    make.shortfall(draft)
    make.best_practice(draft)
    draft.submit(by=officer)
    _deliver()
    assert [item.rcpt_tos for item in smtp.inbox] == [[inspector.email]]
    assert smtp.inbox[0].subject == "จังหวัดขอนแก่นส่งรายงานไตรมาส 3/2564 แล้ว"
    assert f"{BASE}/reports/{draft.pk}/review/" in smtp.inbox[0].text
    assert not Notice.objects.filter(recipient__in=[officer, other_inspector, next_year]).exists()


def test_resubmitting_after_a_return_says_so(smtp, quarter, officer, inspector):
    returned = make.returned("ขอนแก่น", quarter, "แก้ไข", by=inspector)
    returned.submitted_at = timezone.now()
    returned.save()
    make.shortfall(returned)
    make.best_practice(returned)
    returned.submit(by=officer)
    assert Notice.objects.get(recipient=inspector).kind == "report_resubmitted"


def test_reopen_tells_the_officers_the_reason_and_date(smtp, report, officer, admin_user):
    until = timezone.localdate() + datetime.timedelta(days=5)
    report.reopen("ส่งเอกสารเพิ่มเติม", until=until, by=admin_user)
    _deliver()
    (mail,) = smtp.to(officer.email)
    assert "ส่งเอกสารเพิ่มเติม" in mail.text
    from inspection_portal.lib.thai import thai_date

    assert thai_date(until) in mail.subject


def test_publishing_tells_the_officers_of_the_meetings_provinces_only(smtp, quarter, inspector, officer, geography):
    for name in make.ZONE_12 + make.ZONE_18:
        make.submitted(name, quarter)
    outsider = make_officer("officer_cm", "เชียงใหม่")  # zone 16, not in the meeting
    meeting = make.meeting(inspector, quarter, zone_numbers=(12,))
    meeting.publish(by=inspector)
    _deliver()
    assert [item.rcpt_tos for item in smtp.inbox] == [[officer.email]]
    assert "สรุปผลการประชุม" in smtp.inbox[0].subject
    assert f"{BASE}/meetings/{meeting.pk}/" in smtp.inbox[0].text
    assert not Notice.objects.filter(recipient=outsider).exists()


def test_an_officer_who_turned_email_off_still_gets_the_notice(smtp, client, report, officer, inspector):
    EmailPreference.objects.create(user=officer, kind="report_returned", email=False)
    report.return_to_province("แก้ไข", by=inspector)
    assert Notice.objects.filter(recipient=officer, kind="report_returned").exists()
    assert not Delivery.objects.exists()


def test_no_address_and_inactive_accounts(report, officer, inspector):
    officer.email = ""
    officer.save()
    gone = make_officer("officer_gone", "ขอนแก่น")
    gone.is_active = False
    gone.save()
    report.return_to_province("แก้ไข", by=inspector)
    assert list(Notice.objects.values_list("recipient", flat=True)) == [officer.pk]
    assert not Delivery.objects.exists()


def test_a_failed_notice_rolls_back_with_its_event(report, officer, inspector, monkeypatch):
    """The outbox is written in the event's transaction: one cannot happen without the other."""
    from reports import notices

    def broken(*args, **kwargs):
        raise RuntimeError("outbox unavailable")

    monkeypatch.setattr(notices, "notify", broken)
    with pytest.raises(RuntimeError):
        report.return_to_province("แก้ไข", by=inspector)
    assert ProvinceReport.objects.get(pk=report.pk).status == Status.SUBMITTED
    assert not report.review_events.exists()
