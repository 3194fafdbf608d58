"""A database restart costs no error page; during an outage users get a Thai 503 page (item 9)."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client
from django.urls import reverse

from tests.conftest import make_user

POSTGRES_ONLY = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="ends the app's PostgreSQL connections with pg_terminate_backend"
)


def test_health_checks_are_on():
    from django.conf import settings

    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


@pytest.mark.django_db
def test_a_database_outage_gives_a_thai_503_page():
    client = Client(raise_request_exception=False)
    with mock.patch("django.contrib.sessions.backends.db.SessionStore.load", side_effect=OperationalError("down")):
        client.cookies["sessionid"] = "x" * 32
        response = client.get(reverse("reports:officer_home"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "ระบบไม่พร้อมให้บริการชั่วคราว" in response.content.decode()


@pytest.mark.django_db
def test_other_errors_stay_500():
    client = Client(raise_request_exception=False)
    with mock.patch("inspection_portal.views.access.roles_of", side_effect=ValueError("bug")):
        client.force_login(make_user("someone"))
        response = client.get(reverse("home"))
    assert response.status_code == 500


def _terminate_other_connections() -> None:
    """End every connection to the test database except this one, as a quiet restart would."""
    import psycopg

    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params.pop("prepare_threshold", None)
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [connection.settings_dict["NAME"]],
        )


@pytest.fixture
def persistent_connection():
    """The app's connection kept between requests, as in production (the tests otherwise use CONN_MAX_AGE=0)."""
    saved = dict(connection.settings_dict)
    connection.settings_dict["CONN_MAX_AGE"] = 600
    connection.close()
    yield connection.settings_dict
    connection.close()
    connection.settings_dict.update(saved)


def _get(path: str, cookie: str) -> int:
    """A request through Django's production WSGI handler (the test client skips its connection checks)."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.test.client import RequestFactory

    environ = RequestFactory()._base_environ(PATH_INFO=path, REQUEST_METHOD="GET", HTTP_COOKIE=cookie)
    statuses = []
    response = WSGIHandler()(environ, lambda status, headers, exc_info=None: statuses.append(status))
    response.close()  # sends request_finished, as a server does
    return int(statuses[0].split()[0])


def _two_requests_with_a_restart_between() -> int:
    client = Client()
    client.force_login(make_user("officer_restart"))
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    assert _get(reverse("home"), cookie) == 200
    assert connection.connection is not None  # kept open after the request, as in production
    _terminate_other_connections()
    return _get(reverse("home"), cookie)


@POSTGRES_ONLY
@pytest.mark.django_db(transaction=True)
def test_ending_the_connections_between_requests_gives_no_error(persistent_connection):
    persistent_connection["CONN_HEALTH_CHECKS"] = True
    assert _two_requests_with_a_restart_between() == 200


@POSTGRES_ONLY
@pytest.mark.django_db(transaction=True)
def test_without_health_checks_the_same_restart_would_answer_an_error(persistent_connection):
    """The check above can fail: without health checks the first request after the restart errs."""
    persistent_connection["CONN_HEALTH_CHECKS"] = False
    assert _two_requests_with_a_restart_between() in (500, 503)
