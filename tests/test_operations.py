"""What operators need (issue 12 item 5): /healthz for the load balancer and the log of slow requests."""

import logging
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import reverse

from tests.conftest import make_user


@pytest.mark.django_db
def test_healthz_answers_ok_with_one_query_no_cookie_and_no_session(settings, django_assert_max_num_queries):
    settings.SECURE_SSL_REDIRECT = True  # exempt: the load balancer speaks plain HTTP to the app
    settings.ALLOWED_HOSTS = ["portal.example.go.th"]  # exempt: it probes by address
    client = Client(HTTP_HOST="10.0.0.7")
    with django_assert_max_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert client.head("/healthz/").status_code == 200
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_healthz_needs_no_login_while_every_page_does():
    assert Client().get(reverse("reports:officer_home")).status_code == 302
    assert Client().get("/healthz").status_code == 200


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_is_down(caplog):
    broken = mock.patch("django.db.backends.base.base.BaseDatabaseWrapper.cursor", side_effect=OperationalError("down"))
    with broken, caplog.at_level(logging.ERROR, logger="inspection_portal.health"):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "database does not answer" in caplog.text


@pytest.mark.django_db
def test_a_slow_request_is_logged_with_user_method_path_status_and_duration(settings, caplog):
    settings.SLOW_REQUEST_MS = 0
    client = Client()
    client.force_login(make_user("slow_reader"))
    with caplog.at_level(logging.WARNING, logger="inspection_portal.slow_requests"):
        client.get(reverse("notifications:list"))
    [record] = [r for r in caplog.records if r.name == "inspection_portal.slow_requests"]
    assert record.user == "slow_reader"
    assert (record.method, record.path, record.status) == ("GET", reverse("notifications:list"), 200)
    assert record.duration_ms >= 0
    assert "user=slow_reader method=GET path=/notices/ status=200 duration_ms=" in record.getMessage()


@pytest.mark.django_db
def test_anonymous_slow_requests_name_no_user_and_fast_ones_are_not_logged(settings, caplog):
    settings.SLOW_REQUEST_MS = 0
    with caplog.at_level(logging.WARNING, logger="inspection_portal.slow_requests"):
        Client().get(reverse("login"))
    assert "user=- method=GET path=/accounts/login/ status=200" in caplog.text
    caplog.clear()
    settings.SLOW_REQUEST_MS = 60_000
    with caplog.at_level(logging.WARNING, logger="inspection_portal.slow_requests"):
        Client().get(reverse("login"))
    assert not [r for r in caplog.records if r.name == "inspection_portal.slow_requests"]
