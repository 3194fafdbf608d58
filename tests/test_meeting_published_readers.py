"""Who reads a published summary: the provinces it was published with, not the provinces ticked since.

Review defect 1: after publishing a meeting of 6 provinces, unticking ขอนแก่น and ticking กาฬสินธุ์ without
publishing again gave ขอนแก่น's officer 403 on the summary it was published to, and กาฬสินธุ์'s officer 200 on a
summary that does not name it; the page still said the published copy equals the draft.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import access, reminders
from meetings.models import FollowUpMeeting, MeetingProvince
from notifications.models import Notice
from provinces.models import Province
from reports.models import ReviewEvent
from tests import review_factories as make
from tests.conftest import make_officer

pytestmark = pytest.mark.django_db

SIX = ["ขอนแก่น", "มหาสารคาม", "ร้อยเอ็ด", "กำแพงเพชร", "นครสวรรค์", "พิจิตร"]


@pytest.fixture
def quarter(geography):
    return make.period(2564, 3)


@pytest.fixture
def seed(quarter):
    return make.seed_quarter(quarter)


@pytest.fixture
def officers(geography):
    return {"ขอนแก่น": make_officer("officer_kk", "ขอนแก่น"), "กาฬสินธุ์": make_officer("officer_ks", "กาฬสินธุ์")}


def _choose(meeting: FollowUpMeeting, names: list[str]) -> None:
    """What the provinces page saves, without regenerating the draft (as when its text was edited by hand)."""
    meeting.province_rows.all().delete()
    for name in names:
        MeetingProvince.objects.create(meeting=meeting, province=Province.objects.get(name_th=name))
    meeting.all_provinces = False
    meeting.save(update_fields=["all_provinces"])


@pytest.fixture
def published(inspector, quarter, seed, officers):
    meeting = make.meeting(inspector, quarter)
    _choose(meeting, SIX)
    meeting.generate_draft()
    meeting.publish(by=inspector)
    # Then ขอนแก่น unticked and กาฬสินธุ์ ticked, not published again.
    _choose(meeting, [*SIX[1:], "กาฬสินธุ์"])
    return FollowUpMeeting.objects.get(pk=meeting.pk)


def _status(client, user, meeting, name="detail") -> int:
    client.force_login(user)
    return client.get(reverse(f"meetings:{name}", args=[meeting.pk])).status_code


def _listed(user, meeting) -> bool:
    return access.meetings_visible_to(user).filter(pk=meeting.pk).exists()


def test_officers_read_by_the_provinces_it_was_published_with(client, published, officers):
    kk, ks = officers["ขอนแก่น"], officers["กาฬสินธุ์"]
    assert _status(client, kk, published) == 200
    assert _status(client, kk, published, "docx") == 200
    assert access.may_view_meeting(kk, published) and _listed(kk, published)
    assert "ขอนแก่น" in ",".join(published.published["provinces"])
    assert _status(client, ks, published) == 403
    assert _status(client, ks, published, "pdf") == 403
    assert _status(client, ks, published, "docx") == 403
    assert not access.may_view_meeting(ks, published) and not _listed(ks, published)


def test_publishing_again_moves_the_readers(client, inspector, published, officers):
    published.generate_draft()
    published.publish(by=inspector)
    assert _status(client, officers["ขอนแก่น"], published) == 403
    assert not _listed(officers["ขอนแก่น"], published)
    assert _status(client, officers["กาฬสินธุ์"], published) == 200
    assert _listed(officers["กาฬสินธุ์"], published)


def test_changing_provinces_after_publishing_marks_the_draft_as_differing(client, inspector, published):
    assert published.published == published.draft  # the text was not regenerated
    assert not published.published_equals_draft
    client.force_login(inspector)
    html = client.get(reverse("meetings:detail", args=[published.pk])).content.decode()
    assert 'id="published-differs"' in html and 'id="published-same"' not in html


def test_published_equals_draft_when_nothing_changed(inspector, quarter, seed):
    meeting = make.meeting(inspector, quarter)
    meeting.publish(by=inspector)
    assert FollowUpMeeting.objects.get(pk=meeting.pk).published_equals_draft


def test_the_published_notice_goes_to_the_provinces_published_with(inspector, published, officers):
    assert Notice.objects.filter(recipient=officers["ขอนแก่น"], kind="summary_published").count() == 1
    assert not Notice.objects.filter(recipient=officers["กาฬสินธุ์"], kind="summary_published").exists()
    assert sorted(published.province_ids()) == sorted(
        Province.objects.filter(name_th__in=SIX).values_list("pk", flat=True)
    )


def test_the_changed_report_reminder_follows_the_published_provinces(inspector, published, seed):
    later = timezone.now() + datetime.timedelta(minutes=5)
    ReviewEvent.objects.create(report=seed["กาฬสินธุ์"], action=ReviewEvent.Action.RESUBMITTED, at=later)
    assert reminders.create_due(later) == 0  # ticked after publishing: not in the published summary
    ReviewEvent.objects.create(report=seed["ขอนแก่น"], action=ReviewEvent.Action.RESUBMITTED, at=later)
    assert reminders.create_due(later) == 1  # in the published summary, though unticked since
