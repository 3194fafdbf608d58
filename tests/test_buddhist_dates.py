"""Buddhist-era dates typed and shown in the admin and the portal's forms (item 15)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from inspection_portal.fields import BuddhistDateField
from inspection_portal.lib.thai import DateTypoError, parse_thai_date
from meetings.models import FollowUpMeeting
from reports.models import ProvinceReport, ReportingPeriod
from tests import factories
from tests.test_audit_admin_report import _FormFields

JAN_31_2027 = datetime.date(2027, 1, 31)


@pytest.mark.parametrize(
    "text",
    ["31/01/2570", "31/1/2570", "31-01-2570", "31.01.2570", "31/01/70", "31 มกราคม 2570", "31 ม.ค. 2570",
     "๓๑/๐๑/๒๕๗๐", "2570-01-31", " 31/01/2570 ", "31/01/2570 พ.ศ."],
)  # fmt: skip
def test_buddhist_era_dates_are_read(text):
    assert parse_thai_date(text) == JAN_31_2027


@pytest.mark.parametrize("text", ["31/01/2027", "2027-01-31"])
def test_a_gregorian_year_typed_by_habit_is_understood_not_543_years_off(text):
    assert parse_thai_date(text) == JAN_31_2027


@pytest.mark.parametrize(
    ("text", "reason"), [("31/02/2570", "day"), ("1/1/1500", "year"), ("พรุ่งนี้", "format"), ("31/01", "format")]
)
def test_what_is_not_a_date_is_refused_with_its_reason(text, reason):
    with pytest.raises(DateTypoError) as refused:
        parse_thai_date(text)
    assert str(refused.value) == reason


def test_the_field_shows_the_buddhist_era_year_and_says_what_to_type():
    field = BuddhistDateField()
    assert field.widget.format_value(JAN_31_2027) == "31/01/2570"
    assert 'type="text"' in field.widget.render("d", JAN_31_2027)
    form_errors = field.error_messages
    assert str(form_errors["invalid"]) == "พิมพ์วันที่เป็น วัน/เดือน/ปี พ.ศ. เช่น 31/01/2570"


# --- the admin ---------------------------------------------------------------------------


def _period_form(client, period) -> dict:
    parser = _FormFields()
    parser.feed(client.get(reverse("admin:reports_reportingperiod_change", args=[period.pk])).content.decode())
    data = parser.data
    data.pop("csrfmiddlewaretoken", None)
    data["_save"] = "Save"
    return data


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["31/01/2570", "31/01/2027"])
def test_a_deadline_typed_in_the_admin_is_stored_as_meant(client, admin_user, typed):
    period = ReportingPeriod.objects.create(fiscal_year=2570, quarter=1)
    client.force_login(admin_user)
    page = client.get(reverse("admin:reports_reportingperiod_change", args=[period.pk])).content.decode()
    assert f'value="{period.deadline.day:02d}/{period.deadline.month:02d}/{period.deadline.year + 543}"' in page
    data = {**_period_form(client, period), "deadline": typed}
    response = client.post(reverse("admin:reports_reportingperiod_change", args=[period.pk]), data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert ReportingPeriod.objects.get(pk=period.pk).deadline == JAN_31_2027


@pytest.mark.django_db
def test_a_bad_deadline_is_refused_in_thai_and_kept(client, admin_user):
    period = ReportingPeriod.objects.create(fiscal_year=2570, quarter=1)
    client.force_login(admin_user)
    data = {**_period_form(client, period), "deadline": "31/02/2570"}
    response = client.post(reverse("admin:reports_reportingperiod_change", args=[period.pk]), data)
    html = response.content.decode()
    assert response.status_code == 200 and "ไม่มีวันที่นี้" in html and 'value="31/02/2570"' in html


@pytest.mark.django_db
def test_the_admin_lists_show_buddhist_era_years(client, admin_user, geography):
    period = ReportingPeriod.objects.create(fiscal_year=2564, quarter=3)  # April–June 2021
    client.force_login(admin_user)
    html = client.get(reverse("admin:reports_reportingperiod_changelist")).content.decode()
    assert "1 เมษายน 2564" in html and "30 มิถุนายน 2564" in html
    assert "2021" not in html.split("<tbody>")[1].split("</tbody>")[0]
    report = factories.report("ขอนแก่น", period, status="submitted", submitted_at=timezone.now())
    html = client.get(reverse("admin:reports_provincereport_changelist")).content.decode()
    assert str(timezone.localdate().year + 543) in html.split("<tbody>")[1]
    html = client.get(reverse("admin:reports_provincereport_change", args=[report.pk])).content.decode()
    assert str(timezone.localdate().year + 543) in html


@pytest.mark.django_db
def test_the_admin_reopening_takes_a_buddhist_era_date(client, admin_user, geography):
    period = factories.period(2564, 2, deadline=timezone.localdate() - datetime.timedelta(days=10))
    report = factories.report("ขอนแก่น", period)
    until = timezone.localdate() + datetime.timedelta(days=3)
    typed = f"{until.day}/{until.month}/{until.year + 543}"
    client.force_login(admin_user)
    url = reverse("admin:reports_provincereport_reopen", args=[report.pk])
    response = client.post(url, {"reason": "น้ำท่วม", "until": typed})
    assert response.status_code == 302
    assert ProvinceReport.objects.get(pk=report.pk).reopened_until == until


# --- the meeting's date ----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_meeting_date_is_a_buddhist_era_text_box(client, inspector, geography):
    period = factories.period(2564, 3)
    today = timezone.localdate()
    # The date starts as today only in a quarter whose meetings may be held today (review defect 5).
    current = factories.open_period()
    client.force_login(inspector)
    html = client.get(reverse("meetings:add"), {"period": current.pk}).content.decode()
    box = html[html.index('name="held_on"') - 200 : html.index('name="held_on"') + 300]
    assert 'type="text"' in box and 'type="date"' not in box
    assert f'value="{today.strftime("%d/%m/")}{today.year + 543}"' in box
    from tests.meeting_data import meeting_data, person

    data = meeting_data(person("นาย", "ประเสริฐ", "บุญมา"), zones=[12], held_on="11/06/2564", platform="ZOOM")
    response = client.post(f"{reverse('meetings:add')}?period={period.pk}", data)
    assert response.status_code == 302
    assert FollowUpMeeting.objects.get().held_on == datetime.date(2021, 6, 11)
