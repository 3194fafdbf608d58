"""The fixed cost of a signed-in page (inspection_portal/auth_backend.py): few queries, nothing stale.

The user comes with its officer link and province in one query and the permissions in one
more; nothing is kept across requests, so an administrator's change holds on the next one.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from provinces.models import ProvincialOfficer
from provinces.roles import HEAD_OF_INSPECTORS, PORTAL_ADMINISTRATORS
from tests import review_factories as make

pytestmark = pytest.mark.django_db


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize("who", ["officer", "inspector", "portal_admin", "head_of_inspectors"])
def test_a_trivial_signed_in_page_costs_at_most_six_queries(client, request, who):
    client.force_login(request.getfixturevalue(who))
    client.get(reverse("profile"))  # the session's activity time written once
    sqls = _queries(client, reverse("profile"))
    # The session, the user (with officer and province), the inspector's years, the permissions
    # (one query, the user's own and their groups'), the e-mail settings, the unread count.
    assert len(sqls) <= 6, "\n".join(sqls)
    assert sum("auth_permission" in sql for sql in sqls) == 1
    assert not any('FROM "provinces_provincialofficer"' in sql for sql in sqls)
    assert not any(sql.lstrip().startswith(("UPDATE", "INSERT")) for sql in sqls)


def test_the_user_is_loaded_with_officer_and_province(client, officer, inspector):
    client.force_login(officer)
    response = client.get(reverse("profile"))
    user = response.wsgi_request.user
    with CaptureQueriesContext(connection) as captured:
        assert user.officer.province.name_th == "ขอนแก่น"
    assert len(captured) == 0
    client.force_login(inspector)
    user = client.get(reverse("profile")).wsgi_request.user
    with CaptureQueriesContext(connection) as captured:
        assert getattr(user, "officer", None) is None
    assert len(captured) == 0


def test_a_role_revoked_by_an_administrator_holds_on_the_next_request(client, head_of_inspectors):
    period = make.period(2564, 3)
    tracker = reverse("reports:tracker") + f"?period={period.pk}"
    client.force_login(head_of_inspectors)
    national_link = f'href="{reverse("trends:national")}"'
    assert national_link in client.get(reverse("profile")).content.decode()
    assert client.get(tracker).status_code == 200
    head_of_inspectors.groups.remove(Group.objects.get(name=HEAD_OF_INSPECTORS))
    assert national_link not in client.get(reverse("profile")).content.decode()
    assert client.get(tracker).status_code == 403


def test_a_permission_given_to_the_user_or_a_group_holds_on_the_next_request(client, bare_staff):
    period = make.period(2564, 3)
    tracker = reverse("reports:tracker") + f"?period={period.pk}"
    client.force_login(bare_staff)
    assert client.get(tracker).status_code == 403
    read_all = Permission.objects.get(codename="read_all_zones", content_type__app_label="provinces")
    bare_staff.user_permissions.add(read_all)
    assert client.get(tracker).status_code == 200
    bare_staff.user_permissions.remove(read_all)
    assert client.get(tracker).status_code == 403
    bare_staff.groups.add(Group.objects.get(name=PORTAL_ADMINISTRATORS))
    assert client.get(tracker).status_code == 200


def test_an_officer_link_removed_holds_on_the_next_request(client, officer):
    client.force_login(officer)
    assert client.get(reverse("reports:officer_home")).status_code == 200
    ProvincialOfficer.objects.filter(user=officer).delete()
    assert client.get(reverse("reports:officer_home")).status_code in (302, 403)


def test_a_deactivated_account_is_signed_out_on_the_next_request(client, officer):
    client.force_login(officer)
    assert client.get(reverse("profile")).status_code == 200
    officer.is_active = False
    officer.save(update_fields=["is_active"])
    assert client.get(reverse("profile")).status_code == 302


def test_superusers_hold_every_permission(client, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "pw-123456789")
    client.force_login(root)
    user = client.get(reverse("profile")).wsgi_request.user
    assert user.has_perm("provinces.administer_portal") and user.has_perm("reports.change_provincereport")


def test_the_permissions_are_django_s_own_and_group_ones(portal_admin, head_of_inspectors, bare_staff, officer):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.backends import ModelBackend

    from inspection_portal.auth_backend import PortalBackend

    bare_staff.user_permissions.add(Permission.objects.get(codename="view_province"))
    bare_staff.groups.add(Group.objects.get(name=HEAD_OF_INSPECTORS))
    head_of_inspectors.user_permissions.add(Permission.objects.get(codename="read_all_zones"))  # also by group
    for user in (portal_admin, head_of_inspectors, bare_staff, officer):
        fresh = get_user_model().objects.get(pk=user.pk)
        ours = PortalBackend().get_all_permissions(fresh)
        assert ours == ModelBackend().get_all_permissions(get_user_model().objects.get(pk=user.pk))
        assert PortalBackend().has_perm(fresh, "provinces.read_all_zones") == (user != officer)
    assert {"provinces.view_province", "provinces.read_all_zones"} == PortalBackend().get_all_permissions(
        get_user_model().objects.get(pk=bare_staff.pk)
    )


def test_the_navigation_links_mark_the_page_and_its_section_and_escape_the_label(client, inspector):
    from django.template import Context, Template
    from django.test import RequestFactory
    from django.urls import resolve

    request = RequestFactory().get(reverse("meetings:list"))
    request.resolver_match = resolve(reverse("meetings:list"))
    template = Template('{% load portal %}{% nav_link name label "meetings:" %}')
    page = template.render(Context({"request": request, "name": "meetings:list", "label": "<b>&</b>"}))
    assert page == (
        f'<li class="nav-item"><a class="nav-link active" href="{reverse("meetings:list")}" aria-current="page">'
        "&lt;b&gt;&amp;&lt;/b&gt;</a></li>\n"
    )
    other = Template('{% load portal %}{% nav_link "library:list" "L" %}{% nav_link "meetings:list" "M" "meetings:" %}')
    request.resolver_match = resolve(reverse("meetings:add"))
    html = other.render(Context({"request": request}))
    assert f'<a class="nav-link" href="{reverse("library:list")}">L</a>' in html
    assert f'<a class="nav-link active" href="{reverse("meetings:list")}" aria-current="location">M</a>' in html
    client.force_login(inspector)
    html = client.get(reverse("meetings:list")).content.decode()
    assert f'class="nav-link active" href="{reverse("meetings:list")}" aria-current="page"' in html


def test_a_session_signed_in_through_django_s_backend_stays_signed_in(client, officer):
    from django.contrib.auth import BACKEND_SESSION_KEY

    client.force_login(officer, backend="django.contrib.auth.backends.ModelBackend")
    session = client.session
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session.save()
    assert client.get(reverse("profile")).status_code == 200
    assert client.session[BACKEND_SESSION_KEY] == "inspection_portal.auth_backend.PortalBackend"
    assert client.get(reverse("profile")).status_code == 200
