"""The new meeting form, after the reviewer's follow-up meeting (review defects 2–5, 7): a form sent twice
makes one meeting; the kind created is the kind chosen; a month outside the quarter is refused; the date
starts empty outside its window; the meeting's number is bounded."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import FollowUpMeeting
from tests import review_factories as make
from tests.golden import meeting_kinds as golden
from tests.golden import setup
from tests.meeting_data import meeting_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter(geography):
    return make.period(2564, 3)


@pytest.fixture
def chair(geography):
    return setup.person(golden.INSPECTOR)


def _url(quarter, kind="quarterly") -> str:
    return f"{reverse('meetings:add')}?period={quarter.pk}&kind={kind}"


# --- 2: sent twice, created once ---------------------------------------------------------------


def test_the_new_meeting_form_carries_a_one_time_token(client, inspector, quarter):
    client.force_login(inspector)
    html = client.get(_url(quarter)).content.decode()
    assert 'name="creation_token"' in html


def test_the_same_form_sent_twice_creates_one_meeting(client, inspector, quarter, chair):
    client.force_login(inspector)
    data = meeting_data(chair, creation_token=str(uuid.uuid4()))
    first = client.post(_url(quarter), data)
    second = client.post(_url(quarter), data)
    assert FollowUpMeeting.objects.count() == 1
    meeting = FollowUpMeeting.objects.get()
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"] == reverse("meetings:detail", args=[meeting.pk])


def test_two_forms_make_two_meetings(client, inspector, quarter, chair):
    client.force_login(inspector)
    client.post(_url(quarter), meeting_data(chair, creation_token=str(uuid.uuid4())))
    client.post(_url(quarter), meeting_data(chair, creation_token=str(uuid.uuid4())))
    assert FollowUpMeeting.objects.count() == 2


# --- 3: the kind created is the kind chosen ------------------------------------------------------


def test_a_month_chosen_but_not_applied_is_refused_not_made_a_workshop(client, inspector, quarter, chair):
    client.force_login(inspector)
    data = meeting_data(chair, chosen_period=str(quarter.pk), chosen_kind="2021-05")
    response = client.post(_url(quarter), data)
    assert response.status_code == 400
    assert not FollowUpMeeting.objects.exists()
    html = response.content.decode()
    assert 'id="kind-mismatch"' in html and "พฤษภาคม" in html


def test_the_form_carries_the_kind_it_was_made_for(client, inspector, quarter):
    client.force_login(inspector)
    html = client.get(_url(quarter, "2021-05")).content.decode()
    assert 'name="chosen_kind" id="chosen-kind" value="2021-05"' in html
    assert f'name="chosen_period" id="chosen-period" value="{quarter.pk}"' in html


def test_a_quarter_chosen_but_not_applied_is_refused(client, inspector, quarter, chair):
    other = make.period(2564, 4)
    client.force_login(inspector)
    response = client.post(_url(quarter), meeting_data(chair, chosen_period=str(other.pk), chosen_kind="quarterly"))
    assert response.status_code == 400 and not FollowUpMeeting.objects.exists()


def test_the_kind_applied_is_created(client, inspector, quarter, chair):
    client.force_login(inspector)
    data = meeting_data(chair, chosen_period=str(quarter.pk), chosen_kind="2021-05", number="")
    response = client.post(_url(quarter, "2021-05"), data)
    assert response.status_code == 302
    meeting = FollowUpMeeting.objects.get()
    assert (meeting.kind, meeting.month) == ("monthly", datetime.date(2021, 5, 1))


# --- 4: a month outside the quarter ----------------------------------------------------------------


def test_a_month_outside_the_quarter_is_refused_with_a_message(client, inspector, quarter):
    client.force_login(inspector)
    response = client.get(_url(quarter, "2021-09"))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="kind-error"' in html and "2021-09" in html
    assert 'id="meeting-form"' not in html


def test_posting_a_month_outside_the_quarter_creates_nothing(client, inspector, quarter, chair):
    client.force_login(inspector)
    response = client.post(_url(quarter, "2021-09"), meeting_data(chair, chosen_kind="2021-09"))
    assert response.status_code == 400
    assert not FollowUpMeeting.objects.exists()


def test_no_kind_given_is_the_quarters_workshop(client, inspector, quarter):
    client.force_login(inspector)
    response = client.get(reverse("meetings:add"), {"period": quarter.pk})
    assert response.status_code == 200 and 'id="kind-error"' not in response.content.decode()


# --- 5: the date's default ---------------------------------------------------------------------------


def _held_on(client, quarter, kind="quarterly"):
    form = client.get(_url(quarter, kind)).context["forms"].form
    return form["held_on"].value(), form.fields["held_on"].help_text


def test_the_date_starts_empty_when_today_is_outside_the_window(client, inspector, quarter):
    client.force_login(inspector)
    value, hint = _held_on(client, quarter)
    assert value is None
    assert hint == "ระหว่างวันที่ 1 เมษายน 2564 ถึง 30 กันยายน 2564"


def test_the_date_starts_today_inside_the_window(client, inspector, geography):
    today = timezone.localdate()
    current = make.period(today.year + 543 + (1 if today.month >= 10 else 0), (today.month - 10) % 12 // 3 + 1)
    assert current.start_date <= today <= current.end_date
    client.force_login(inspector)
    assert _held_on(client, current)[0] == today


# --- 7: the meeting's number ----------------------------------------------------------------------


@pytest.mark.parametrize("number", ["0", "100", "100000000000", "-3"])
def test_a_meeting_number_outside_1_to_99_is_refused_beside_the_field(client, inspector, quarter, chair, number):
    client.force_login(inspector)
    response = client.post(_url(quarter), meeting_data(chair, number=number))
    assert response.status_code == 400
    assert not FollowUpMeeting.objects.exists()
    assert response.context["forms"].form.errors["number"] == ["ครั้งที่ของการประชุมต้องเป็นเลข 1 ถึง 99"]


@pytest.mark.parametrize("number", ["1", "99", ""])
def test_a_meeting_number_from_1_to_99_or_none_is_taken(client, inspector, quarter, chair, number):
    client.force_login(inspector)
    assert client.post(_url(quarter), meeting_data(chair, number=number)).status_code == 302
    assert FollowUpMeeting.objects.get().number == (int(number) if number else None)


def test_the_number_box_says_its_bounds(client, inspector, quarter):
    client.force_login(inspector)
    html = client.get(_url(quarter)).content.decode()
    assert 'name="number" min="1" max="99"' in html or ('min="1"' in html and 'max="99"' in html)
