"""Profile the issue 12 pages in-process (Django test Client, DEBUG off): median time, queries, top functions.

PYTHONPATH=. DATABASE_URL=postgres://…/ip_tuning_data ALLOWED_HOSTS=testserver \
    python bench/tuning/profile_pages.py [N] [page ...] [--profile]
"""

import cProfile
import io
import os
import pstats
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inspection_portal.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.client import ClientHandler  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from meetings.models import FollowUpMeeting  # noqa: E402
from provinces.models import ProvincialOfficer  # noqa: E402
from reports.models import ProvinceReport, ReportingPeriod  # noqa: E402

User = get_user_model()
args = [a for a in sys.argv[1:] if not a.startswith("--")]
N = int(args[0]) if args else 20
only = set(args[1:])
PROFILE = "--profile" in sys.argv

officer_link = ProvincialOfficer.objects.select_related("user", "province").order_by("pk").first()
officer = officer_link.user
latest = ReportingPeriod.objects.order_by("-fiscal_year", "-quarter").filter(reports__isnull=False).first()
own_report = (
    ProvinceReport.objects.filter(province=officer_link.province)
    .order_by("-period__fiscal_year", "-period__quarter")
    .first()
)
review_report = ProvinceReport.objects.filter(period=latest, findings__isnull=False).first()
published = FollowUpMeeting.objects.filter(purpose__endswith="national-published").get()
draft = FollowUpMeeting.objects.filter(purpose__endswith="national-draft").get()
inspector = User.objects.get(username="inspector")
head = User.objects.get(username="head")
admin = User.objects.get(username="admin")

PAGES = [
    ("login (floor)", None, "/accounts/login/"),
    ("profile (signed-in floor)", officer, "/accounts/profile/"),
    ("officer home", officer, "/reports/"),
    ("report page", officer, f"/reports/{own_report.pk}/"),
    ("review", inspector, f"/reports/{review_report.pk}/review/"),
    ("meetings list", inspector, "/meetings/"),
    ("tracker 18 zones (head)", head, f"/reports/tracker/?period={latest.pk}"),
    ("tracker 18 zones (admin)", admin, f"/reports/tracker/?period={latest.pk}"),
    ("national meeting page", inspector, f"/meetings/{published.pk}/"),
    ("national meeting (draft)", inspector, f"/meetings/{draft.pk}/"),
    ("print view", inspector, f"/meetings/{published.pk}/print/"),
    ("Word published", inspector, f"/meetings/{published.pk}/summary.docx"),
    ("Word draft", inspector, f"/meetings/{draft.pk}/summary.docx"),
    ("admin: reports", admin, "/admin/reports/provincereport/"),
    ("admin: findings", admin, "/admin/reports/finding/"),
    ("admin: meetings", admin, "/admin/meetings/followupmeeting/"),
    ("admin: users", admin, "/admin/auth/user/"),
]


class Handler:
    """Requests straight through Django's handler, as a WSGI server sends them: none of the test client's
    instrumentation (it copies every template's context for the tests), so the figures are the portal's."""

    def __init__(self, user):
        client = Client()
        if user is not None:
            client.force_login(user)
        self.cookie = "; ".join(f"{morsel.key}={morsel.value}" for morsel in client.cookies.values())
        self.handler = ClientHandler(enforce_csrf_checks=False)
        self.factory = RequestFactory()

    def get(self, url):
        path, _, query = url.partition("?")
        environ = self.factory._base_environ(
            PATH_INFO=path, QUERY_STRING=query, REQUEST_METHOD="GET", HTTP_COOKIE=self.cookie, HTTP_ACCEPT_LANGUAGE="th"
        )
        if os.environ.get("GZIP"):
            environ["HTTP_ACCEPT_ENCODING"] = "gzip, deflate, br"
        return self.handler(environ)


def client_for(user):
    return Handler(user)


def consume(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


floor = None
print(f"{'page':28} {'ms p50':>8} {'ratio':>6} {'cpu p50':>8} {'ratio':>6} {'queries':>7} {'bytes':>8}")
for name, user, url in PAGES:
    if only and name not in only and not name.startswith("login"):
        continue
    client = client_for(user)
    n = N if "Word draft" not in name else max(3, N // 5)
    response = client.get(url)
    body = consume(response)
    assert response.status_code == 200, (name, response.status_code)
    times, cpu = [], []
    for _ in range(n):
        start, start_cpu = time.perf_counter(), time.process_time()
        consume(client.get(url))
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    with CaptureQueriesContext(connection) as queries:
        consume(client.get(url))
    median, median_cpu = statistics.median(times) * 1000, statistics.median(cpu) * 1000
    if floor is None:
        floor, floor_cpu = median, median_cpu
    print(
        f"{name:28} {median:8.1f} {median / floor:6.1f} {median_cpu:8.1f} {median_cpu / floor_cpu:6.1f}"
        f" {len(queries):7d} {len(body):8d}",
        flush=True,
    )
    if PROFILE and not name.startswith("login"):
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for _ in range(3):
            consume(client.get(url))
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(
            int(os.environ.get("TOP", "40"))
        )
        print("\n".join(line for line in out.getvalue().splitlines()[6:] if line.strip()))
        print()
