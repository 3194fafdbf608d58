"""Refused forms lead back to real pages, and a POST-only address answers a Thai 405 page (item 21)."""

import pytest
from django.urls import reverse

from reports.models import COMMENT_MAX, ProvinceReport
from tests import review_factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(geography):
    return make.submitted("ขอนแก่น", make.period(2564, 3))


def test_a_return_without_comment_redirects_to_the_review_page_with_the_error(client, inspector, report):
    client.force_login(inspector)
    response = client.post(reverse("reports:review_return", args=[report.pk]), {"comment": ""})
    assert response.status_code == 302 and response["Location"] == reverse("reports:review", args=[report.pk])
    page = client.get(response["Location"])
    assert "เขียนความเห็น" in page.content.decode() or page.context["return_form"].errors
    assert client.get(response["Location"]).context["return_form"].errors == {}  # reloading: a fresh form


def test_a_too_long_accept_comment_comes_back_typed(client, inspector, report):
    client.force_login(inspector)
    comment = "ก" * (COMMENT_MAX + 1)
    response = client.post(reverse("reports:review_accept", args=[report.pk]), {"comment": comment}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("reports:review", args=[report.pk])
    assert comment in response.content.decode()
    assert ProvinceReport.objects.get(pk=report.pk).status == ProvinceReport.Status.SUBMITTED


@pytest.mark.parametrize("name", ["reports:review_return", "reports:review_accept", "reports:start"])
def test_opening_a_post_only_address_gives_the_thai_405_page(client, inspector, report, name):
    client.force_login(inspector)
    args = [report.period_id] if name == "reports:start" else [report.pk]
    response = client.get(reverse(name, args=args))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    html = response.content.decode()
    assert "เปิดที่อยู่นี้โดยตรงไม่ได้" in html and 'id="main-nav"' in html  # inside the portal's frame


def test_regenerating_over_edits_asks_on_a_page_that_can_be_reloaded(client, inspector, report):
    meeting = make.meeting(inspector, report.period)
    meeting.draft_edited = True
    meeting.save(update_fields=["draft_edited"])
    client.force_login(inspector)
    url = reverse("meetings:generate", args=[meeting.pk])
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == url
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200  # reloaded
