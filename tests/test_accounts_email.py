"""The profile page (own e-mail address, e-mail per kind), "forgot password" and invitations."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from inspection_portal import accounts
from notifications import delivery
from notifications.models import Delivery, EmailPreference

PROFILE = reverse("profile")


def test_officers_see_their_kinds_only(client, officer):
    client.force_login(officer)
    html = client.get(PROFILE).content.decode()
    assert "kind_report_returned" in html and "kind_summary_published" in html
    assert "kind_report_submitted" not in html and "kind_late_digest" not in html
    assert "kind_invitation" not in html  # not something one turns off


def test_inspectors_and_admins_see_theirs(client, inspector, admin_user):
    client.force_login(inspector)
    html = client.get(PROFILE).content.decode()
    assert "kind_report_submitted" in html and "kind_report_returned" not in html
    client.force_login(admin_user)
    assert "kind_late_digest" in client.get(PROFILE).content.decode()


def test_change_the_address_and_turn_a_kind_off(client, officer):
    client.force_login(officer)
    data = {"email": "somchai@cdd.go.th", "kind_report_returned": "on", "kind_period_opened": "on"}
    response = client.post(PROFILE, data)
    assert response.status_code == 302
    officer.refresh_from_db()
    assert officer.email == "somchai@cdd.go.th"
    choices = dict(EmailPreference.objects.filter(user=officer).values_list("kind", "email"))
    assert choices["report_returned"] is True and choices["report_accepted"] is False


def test_an_address_in_use_is_refused_beside_the_field_and_nothing_changes(client, officer, other_officer):
    client.force_login(officer)
    response = client.post(PROFILE, {"email": other_officer.email.upper(), "kind_report_returned": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "อีเมลนี้มีบัญชีผู้ใช้อื่นใช้อยู่แล้ว" in html
    assert f'value="{other_officer.email.upper()}"' in html  # what was typed is kept
    officer.refresh_from_db()
    assert officer.email == "officer_kk@example.org"
    assert not EmailPreference.objects.exists()


def test_a_bad_address_is_refused(client, officer):
    client.force_login(officer)
    response = client.post(PROFILE, {"email": "not an address"})
    assert response.status_code == 400 and "is-invalid" in response.content.decode()


def test_anonymous_goes_to_login(client, geography):
    assert reverse("login") in client.get(PROFILE)["Location"]


def test_admins_edit_a_users_address_in_the_admin(client, admin_user, officer):
    client.force_login(admin_user)
    html = client.get(reverse("admin:auth_user_change", args=[officer.pk])).content.decode()
    assert 'name="email"' in html and officer.email in html


# --- forgot password and invitations --------------------------------------------------


def _link(text: str) -> str:
    return re.search(r"https://portal\.example\.go\.th(/accounts/password/set/\S+/)", text).group(1)


@pytest.fixture
def invited(geography):
    """An account made by an import: no usable password yet."""
    user = get_user_model().objects.create_user("somsri", email="somsri@example.org")
    assert not user.has_usable_password()
    return user


def test_forgot_password_works_for_an_account_that_never_had_one(client, smtp, invited):
    response = client.post(reverse("password_reset"), {"email": "SOMSRI@example.org"})
    assert response.status_code == 302
    delivery.deliver_due()
    (mail,) = smtp.to("somsri@example.org")
    assert mail.subject == "ตั้งรหัสผ่านใหม่สำหรับระบบรายงานผลการตรวจติดตาม"
    assert "somsri" in mail.text
    page = client.get(_link(mail.text), follow=True)
    assert "ตั้งรหัสผ่าน" in page.content.decode() and page.context["validlink"]
    done = client.post(
        page.redirect_chain[-1][0], {"new_password1": "Lampang-rice-2569", "new_password2": "Lampang-rice-2569"}
    )
    assert done.status_code == 302
    invited.refresh_from_db()
    assert invited.check_password("Lampang-rice-2569")
    # The link is spent.
    assert not client.get(_link(mail.text), follow=True).context["validlink"]


def test_forgot_password_for_an_unknown_address_says_the_same_and_sends_nothing(client, smtp, geography):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"}, follow=True)
    assert 'id="reset-sent"' in response.content.decode()
    assert not Delivery.objects.exists()


def test_forgot_password_with_a_bad_address_keeps_it_with_the_error(client, geography):
    response = client.post(reverse("password_reset"), {"email": "somsri at example"})
    assert response.status_code == 200 and "somsri at example" in response.content.decode()
    assert "is-invalid" in response.content.decode()


def test_the_login_page_links_to_forgot_password(client, geography):
    assert reverse("password_reset") in client.get(reverse("login")).content.decode()


def test_an_invitation_in_thai_with_a_link_that_sets_the_password(client, smtp, invited, settings):
    accounts.invite(invited)
    delivery.deliver_due()
    (mail,) = smtp.to("somsri@example.org")
    assert mail.subject == "คำเชิญเข้าใช้ระบบรายงานผลการตรวจติดตามรายไตรมาส"
    assert "ชื่อผู้ใช้ของท่านคือ somsri" in mail.text and f"ภายใน {settings.PASSWORD_RESET_DAYS} วัน" in mail.text
    assert _link(mail.text) in mail.html
    page = client.get(_link(mail.text), follow=True)
    assert page.context["validlink"]
