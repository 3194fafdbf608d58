"""The reviewer's smaller findings on a monthly follow-up meeting (review defects 6–10)."""


import pytest

from meetings.models import FollowUpMeeting
from tests import review_factories as make
from tests.golden import meeting_kinds as golden
from tests.golden import setup

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter(geography):
    return make.period(2564, 3)


def _texts(meeting: FollowUpMeeting) -> str:
    return "\n".join(block["text"] for block in meeting.draft["blocks"])


# --- 6: "ณ ณ" ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("chaired", [False, True])
def test_a_place_typed_with_na_is_said_with_one_na(inspector, quarter, chaired):
    meeting = make.meeting(inspector, quarter, generate=False)
    meeting.mode, meeting.platform, meeting.place = FollowUpMeeting.Mode.ON_SITE, "", "ณ โรงแรมเจริญธานี ขอนแก่น"
    if chaired:
        meeting.chair = setup.person(golden.INSPECTOR)
    meeting.save()
    meeting.generate_draft()
    text = _texts(meeting)
    assert "ณ โรงแรมเจริญธานี ขอนแก่น" in text
    assert "ณ ณ" not in text
