"""Small things (item 24): favicon, menu, logged-out message, placeholders, wording, one name, admin's inspectors."""

import re

import pytest
from django.urls import reverse

from tests import factories
from tests import review_factories as make
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def test_the_portal_and_the_admin_have_a_favicon(client, admin_user):
    client.force_login(admin_user)
    for url in (reverse("meetings:list"), reverse("admin:index")):
        assert 'rel="icon" href="/static/favicon.svg"' in client.get(url).content.decode()


def _nav(html: str) -> str:
    return html[html.index('id="main-nav"') : html.index("</nav>")]


def test_the_menu_has_no_home_item_doubling_another_and_marks_the_current_page(client, officer, geography):
    period = factories.open_period()
    report = factories.report("ขอนแก่น", period)
    client.force_login(officer)
    nav = _nav(client.get(reverse("reports:officer_home")).content.decode())
    assert ">หน้าหลัก<" not in nav
    assert re.search(r'class="nav-link active" href="/reports/" aria-current="page"', nav)
    nav = _nav(client.get(reverse("reports:edit", args=[report.pk])).content.decode())
    assert 'href="/reports/" aria-current="location"' in nav  # the report belongs to that section


def test_the_meetings_section_is_marked_on_a_meeting(client, inspector, geography):
    meeting = make.meeting(inspector, make.period(2564, 3))
    client.force_login(inspector)
    nav = _nav(client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode())
    assert 'class="nav-link active" href="/meetings/" aria-current="location"' in nav


def test_logging_out_says_so(client, db):
    make_user("someone")
    client.post(reverse("login"), {"username": "someone", "password": PASSWORD})
    response = client.post(reverse("logout"), follow=True)
    assert "ออกจากระบบแล้ว" in response.content.decode()


def test_no_dashes_placeholder_in_the_report_form(client, officer, geography):
    report = factories.report("ขอนแก่น", factories.open_period())
    client.force_login(officer)
    html = client.get(reverse("reports:edit", args=[report.pk])).content.decode()
    form = html[html.index('id="report-form"') : html.index("</form>", html.index('id="report-form"'))]
    assert "---------" not in form
    assert "เลือกงาน/โครงการ…" in form and "เลือกประเภท…" in form


def test_the_ui_does_not_say_i(client, inspector, geography):
    meeting = make.meeting(inspector, make.period(2564, 3))
    meeting.draft_edited = True
    meeting.save(update_fields=["draft_edited"])
    client.force_login(inspector)
    for url in (reverse("meetings:detail", args=[meeting.pk]), reverse("meetings:generate", args=[meeting.pk])):
        assert "ฉัน" not in client.get(url).content.decode()


def test_the_portal_has_one_name_on_its_pages_and_in_the_admin(client, admin_user):
    client.force_login(admin_user)
    site = client.get(reverse("meetings:list")).content.decode()
    admin = client.get(reverse("admin:index")).content.decode()
    name = "ระบบรายงานการตรวจราชการ"
    assert name in site
    assert f'<a href="/admin/">{name}</a>' in admin and f"| {name}</title>" in admin


def test_the_admin_meeting_form_offers_only_inspectors(client, admin_user, inspector, officer):
    client.force_login(admin_user)
    html = client.get(reverse("admin:meetings_followupmeeting_add")).content.decode()
    select = html[html.index('name="inspector"') : html.index("</select>", html.index('name="inspector"'))]
    assert inspector.username in select
    assert officer.username not in select and admin_user.username not in select
