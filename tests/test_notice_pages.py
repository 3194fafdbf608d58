"""The notices page, opening a notice, marking all read, and the navigation's unread count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from notifications.models import Notice
from notifications.outbox import notify

LIST = reverse("notifications:list")


def _tell(user, count: int = 1, comment: str = "แก้ไขตัวเลข", link: str = "/reports/1/"):
    context = {"province": "ขอนแก่น", "quarter": 3, "fiscal_year": 2564, "comment": comment, "by": "ผู้ตรวจ"}
    for _ in range(count):
        notify([user], "report_returned", context, link)
    return Notice.objects.filter(recipient=user).first()


def test_the_list_shows_the_users_own_notices_in_thai(client, officer, other_officer):
    _tell(officer, comment="เพิ่มสาเหตุของปัญหา")
    _tell(other_officer, comment="ของจังหวัดอื่น")
    client.force_login(officer)
    html = client.get(LIST).content.decode()
    assert "รายงานของจังหวัดขอนแก่น ไตรมาส 3/2564 ถูกส่งกลับให้แก้ไข" in html
    assert "เพิ่มสาเหตุของปัญหา" in html
    assert "ของจังหวัดอื่น" not in html
    assert 'id="unread-count"' in html


def test_the_list_in_english(client, officer):
    _tell(officer)
    client.force_login(officer)
    client.cookies["django_language"] = "en"
    html = client.get(LIST, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The report of ขอนแก่น for quarter 3/2564 was returned for changes" in html


def test_anonymous_goes_to_login(client, geography):
    response = client.get(LIST)
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_opening_marks_read_and_goes_to_the_page(client, officer):
    notice = _tell(officer, link="/reports/42/")
    client.force_login(officer)
    response = client.get(reverse("notifications:open", args=[notice.pk]))
    assert response.status_code == 302 and response["Location"] == "/reports/42/"
    assert Notice.objects.get(pk=notice.pk).read_at is not None
    assert 'id="unread-count"' not in client.get(LIST).content.decode()


@pytest.mark.parametrize("actor", ["other_officer", "inspector", "admin_user"])
def test_nobody_opens_anothers_notice(client, request, officer, actor):
    notice = _tell(officer)
    client.force_login(request.getfixturevalue(actor))
    assert client.get(reverse("notifications:open", args=[notice.pk])).status_code == 404
    assert Notice.objects.get(pk=notice.pk).read_at is None


def test_a_link_off_the_portal_is_not_followed(client, officer):
    notice = _tell(officer, link="https://evil.example.com/")
    client.force_login(officer)
    assert client.get(reverse("notifications:open", args=[notice.pk]))["Location"] == LIST


def test_mark_all_read_only_by_post_and_only_ones_own(client, officer, other_officer):
    _tell(officer, count=3)
    _tell(other_officer, count=2)
    client.force_login(officer)
    assert client.get(reverse("notifications:mark_all_read")).status_code == 405
    assert client.post(reverse("notifications:mark_all_read")).status_code == 302
    assert not Notice.objects.filter(recipient=officer, read_at__isnull=True).exists()
    assert Notice.objects.filter(recipient=other_officer, read_at__isnull=True).count() == 2


def test_the_count_caps_at_99(client, officer):
    _tell(officer, count=101)
    client.force_login(officer)
    assert ">99+<" in client.get(LIST).content.decode()


def test_notice_list_query_count_does_not_grow(client, officer, django_assert_num_queries):
    _tell(officer, count=3)
    client.force_login(officer)
    client.get(LIST)
    with django_assert_num_queries(5) as few:  # session, user and officer, page count, unread, notices
        client.get(LIST)
    _tell(officer, count=60)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(LIST)
    assert response.content.decode().count('class="list-group-item') == 25


def test_the_navigation_count_costs_one_query_on_every_page(client, officer, django_assert_num_queries):
    """Pinned: the unread count adds exactly one query to a page, however many notices there are."""
    client.force_login(officer)
    url = reverse("reports:officer_home")
    client.get(url)
    with CaptureQueriesContext(connection) as without:
        client.get(url)
    _tell(officer, count=50)
    with django_assert_num_queries(len(without.captured_queries)) as with_notices:
        html = client.get(url).content.decode()
    assert ">50<" in html
    counting = [query["sql"] for query in with_notices.captured_queries if "notifications_notice" in query["sql"]]
    assert len(counting) == 1 and "COUNT" in counting[0].upper()
