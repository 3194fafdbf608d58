"""Scaling past one machine (issue 12 item 4): two app processes on one database share sessions, uploads and locks.

Two gunicorn processes are started on free ports against the test database, with the same
SECRET_KEY and one MEDIA_ROOT (what S3-compatible storage gives several machines), as two
instances behind a load balancer would be.
"""

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from http.cookiejar import Cookie, CookieJar
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from reports.models import Attachment, ProvinceReport
from tests import factories
from tests.conftest import PASSWORD, make_officer

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="two processes on one database need a database server (PostgreSQL); SQLite is one local file",
    ),
    pytest.mark.django_db(transaction=True),
]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Response:
    def __init__(self, status: int, body: bytes) -> None:
        self.status_code, self.content = status, body
        self.text = body.decode("utf-8", "replace")


class Browser:
    """A browser's cookies over plain HTTP (the standard library: the test venv has no HTTP client)."""

    def __init__(self) -> None:
        self.jar = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def cookie(self, name: str) -> str:
        return next(cookie.value for cookie in self.jar if cookie.name == name)

    def set_cookie(self, name: str, value: str) -> None:
        self.jar.set_cookie(
            Cookie(0, name, value, None, False, "127.0.0.1", False, False, "/", True, False, None, True, None, None, {})
        )

    def request(self, url: str, data: bytes | None = None, headers: dict | None = None) -> Response:
        try:
            with self.opener.open(urllib.request.Request(url, data=data, headers=headers or {}), timeout=60) as r:
                return Response(r.status, r.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, error.read())

    def get(self, url: str) -> Response:
        return self.request(url)

    def post(self, url: str, data: dict, files: dict | None = None) -> Response:
        if not files:
            return self.request(url, urllib.parse.urlencode(data).encode())
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in data.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, (filename, content, content_type) in files.items():
            head = (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f"filename*=UTF-8''{urllib.parse.quote(filename)}; filename=\"upload.pdf\"\r\n"
                f"Content-Type: {content_type}\r\n\r\n"
            )
            parts.append(head.encode() + content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request(url, b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"})


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url() -> str:
    db = connection.settings_dict  # the test database (test_…), not the configured one
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def two_apps(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "two-processes-one-secret",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url(),
        "DB_CONN_MAX_AGE": "0",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "STATIC_MANIFEST": "0",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "LOG_LEVEL": "WARNING",
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    processes, hosts = [], []
    try:
        for _ in range(2):
            port = free_port()
            command = [str(gunicorn), "inspection_portal.wsgi", "--bind", f"127.0.0.1:{port}"]
            command += ["--worker-class", "gthread", "--workers", "1", "--threads", "4"]
            log = (tmp_path / f"app-{port}.log").open("w")
            processes.append(subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=log))
            hosts.append(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 60
        for host in hosts:
            while True:
                try:
                    with urllib.request.urlopen(f"{host}/healthz", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                assert time.monotonic() < deadline, "the app processes did not start"
                time.sleep(0.3)
        yield hosts
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def sign_in(host: str, username: str) -> Browser:
    browser = Browser()
    page = browser.get(f"{host}/accounts/login/")
    data = {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token(page.text)}
    assert browser.post(f"{host}/accounts/login/", data).status_code == 302
    return browser


def same_session(browser: Browser) -> Browser:
    """Another browser with the same cookies: what a load balancer sending the next request elsewhere gives."""
    other = Browser()
    for name in ("sessionid", "csrftoken"):
        other.set_cookie(name, browser.cookie(name))
    return other


def form(version: int, overall_results: str, csrf: str) -> dict:
    return {
        "csrfmiddlewaretoken": csrf,
        "action": "draft",
        "version": str(version),
        "overall_results": overall_results,
        "findings-TOTAL_FORMS": "0",
        "findings-INITIAL_FORMS": "0",
        "findings-MIN_NUM_FORMS": "0",
        "findings-MAX_NUM_FORMS": "1000",
    }


def test_two_processes_share_sessions_uploads_and_locks(geography, two_apps, settings):
    # The app processes know the production hashers only, not the tests' fast one.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    make_officer("officer_kk", "ขอนแก่น")
    report = factories.report("ขอนแก่น", factories.open_period(), overall_results="ฉบับเดิม")
    first_host, second_host = two_apps
    edit = reverse("reports:edit", args=[report.pk])

    # Sessions: signed in through the first process, the cookie works on the second.
    first = sign_in(first_host, "officer_kk")
    second = same_session(first)
    page = second.get(f"{second_host}{edit}")
    assert page.status_code == 200 and "ฉบับเดิม" in page.text

    # Uploads: attached through the first, downloaded through the second.
    csrf = token(page.text)
    upload = first.post(
        f"{first_host}{reverse('reports:attachment_add', args=[report.pk])}",
        {"csrfmiddlewaretoken": csrf},
        files={"file": ("ภาพกิจกรรม.pdf", PDF, "application/pdf")},
    )
    assert upload.status_code == 302
    attachment = Attachment.objects.get(report=report)
    download = second.get(f"{second_host}{reverse('reports:attachment', args=[attachment.pk])}")
    assert download.status_code == 200 and download.content == PDF

    # Locks: two saves of version 1 at once, one through each process: one wins, the other is told.
    barrier = threading.Barrier(2)
    responses = {}

    def save(name: str, host: str, browser: Browser) -> None:
        barrier.wait()
        responses[name] = browser.post(f"{host}{edit}", form(1, f"ข้อความจาก{name}", csrf))

    threads = [
        threading.Thread(target=save, args=("เครื่องแรก", first_host, first)),
        threading.Thread(target=save, args=("เครื่องที่สอง", second_host, second)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(response.status_code for response in responses.values()) == [302, 409]
    [winner] = [name for name, response in responses.items() if response.status_code == 302]
    [loser] = [name for name, response in responses.items() if response.status_code == 409]
    report.refresh_from_db()
    assert report.overall_results == f"ข้อความจาก{winner}"
    assert report.version == 2
    assert f"ข้อความจาก{loser}" in responses[loser].text  # the loser's text is shown back, not lost
    assert ProvinceReport.objects.count() == 1 and Attachment.objects.count() == 1
