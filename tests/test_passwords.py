"""Passwords: a province's name, a Buddhist-era year and the demo passwords are refused (item 12)."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from reports import demo
from tests.conftest import PASSWORD


@pytest.mark.parametrize(
    "password",
    [
        "khonkaen2564",
        "KhonKaen-2567",
        "ขอนแก่น2564",
        "จังหวัดขอนแก่น",
        "nakhonsawan2565!",
        "2564256525662567",
        "UbonRatchathani2564",
        "Bangkok.2568",
        demo.OFFICER_PASSWORD,
        demo.INSPECTOR_PASSWORD,
        demo.ADMIN_PASSWORD,
    ],
)
def test_guessable_passwords_are_refused(geography, password):
    with pytest.raises(ValidationError):
        validate_password(password)


@pytest.mark.parametrize("password", [PASSWORD, "mistake-horse-battery", "khonkaen-rainy-ferns-77", "ทุ่งนาเขียวขจี"])
def test_other_passwords_pass(geography, password):
    validate_password(password)


def test_the_password_change_page_says_why_in_thai(client, officer):
    client.force_login(officer)
    data = {"old_password": PASSWORD, "new_password1": "khonkaen2564", "new_password2": "khonkaen2564"}
    response = client.post(reverse("password_change"), data)
    assert response.status_code == 200
    assert "ชื่อจังหวัด" in response.content.decode()
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)
