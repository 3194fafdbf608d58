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
