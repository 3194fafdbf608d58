"""Drive the portal with locust (as a library, headless) and print the bench's table and capacity.

    python bench/drive.py http://127.0.0.1:8100 targets.json   (bench/run.sh runs it; BENCH_QUICK=1 for a smoke run)

1. Each page of bench/pages.py, alone, with 16 requests in flight (16 users, no think time) for a fixed
   time after a short warm-up: requests/s, p50, p95, p99 (ms), errors (any status but 200, or a
   failed connection), and the throughput ratio floor req/s ÷ page req/s against the floor page
   measured in the same run.
2. Capacity: simulated users who think 5-15 s (10 on average) between pages of their role, in steps;
   the largest step whose p95 stays under 300 ms with no error.
"""
# ruff: noqa: E402, I001  (locust is imported first: it patches the standard library with gevent)

from locust import FastHttpUser, between, constant, task  # first: locust patches the standard library (gevent)

import json
import os
import random
import re
import sys
import time
from pathlib import Path

import gevent
import requests
from locust.env import Environment

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import CAPACITY_EXCLUDED, CAPACITY_ROLES, FLOOR, PAGES

QUICK = os.environ.get("BENCH_QUICK") == "1"
IN_FLIGHT = 16
WARM_UP = 1 if QUICK else 3  # seconds, not counted
PAGE_SECONDS = 4 if QUICK else 15
STEPS = (10, 25) if QUICK else (10, 25, 50, 100, 150, 200, 300, 400, 500, 600)
RAMP_SECONDS = 4 if QUICK else 12
STEP_SECONDS = 8 if QUICK else 30
P95_LIMIT_MS = 300


def sign_in(host: str, username: str, password: str) -> str:
    """The session cookie of a signed-in user, through the login form as a browser does."""
    session = requests.Session()
    form = session.get(f"{host}/accounts/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    response = session.post(
        f"{host}/accounts/login/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{host}/accounts/login/"},
        allow_redirects=False,
        timeout=30,
    )
    if response.status_code != 302 or "sessionid" not in session.cookies:
        raise SystemExit(f"bench: {username} could not sign in (status {response.status_code})")
    return f"sessionid={session.cookies['sessionid']}"


def _check(response) -> None:
    if response.status_code != 200:
        response.failure(f"status {response.status_code}")


def page_user(host: str, path: str, cookie: str | None):
    headers = {"Cookie": cookie} if cookie else {}

    class OnePage(FastHttpUser):
        wait_time = constant(0)
        network_timeout = 120.0
        connection_timeout = 30.0

        @task
        def get(self) -> None:
            with self.client.get(path, name="page", headers=headers, catch_response=True, allow_redirects=False) as r:
                _check(r)

    OnePage.host = host
    return OnePage


def run_users(user_class, users: int, spawn_rate: float, warm_up: float, seconds: float):
    """Run `users` for warm_up + seconds; return the stats of the last `seconds` and their elapsed time."""
    env = Environment(user_classes=[user_class])
    runner = env.create_local_runner()
    runner.start(users, spawn_rate=spawn_rate)
    gevent.sleep(warm_up)
    env.stats.reset_all()
    started = time.monotonic()
    gevent.sleep(seconds)
    total = env.stats.total
    elapsed = time.monotonic() - started
    figures = {
        "requests": total.num_requests,
        "rps": total.num_requests / elapsed,
        "p50": total.get_response_time_percentile(0.50) or 0,
        "p95": total.get_response_time_percentile(0.95) or 0,
        "p99": total.get_response_time_percentile(0.99) or 0,
        "errors": total.num_failures,
        "error_kinds": sorted({str(error.error) for error in env.stats.errors.values()})[:3],
        # the pages with the slowest p95 (the capacity's mix names each page)
        "slowest": sorted(
            (
                (entry.get_response_time_percentile(0.95) or 0, name)
                for (name, _method), entry in env.stats.entries.items()
            ),
            reverse=True,
        )[:3],
    }
    runner.quit()
    return figures


def measure_pages(host: str, places: dict, cookies: dict) -> list[dict]:
    rows = []
    for name, role, path, target in PAGES:
        url = path.format(**places)
        figures = run_users(page_user(host, url, cookies.get(role)), IN_FLIGHT, IN_FLIGHT, WARM_UP, PAGE_SECONDS)
        rows.append({"name": name, "role": role, "path": url, "target": target, **figures})
        print(f"  measured {name}: {figures['rps']:.1f} req/s, p95 {figures['p95']:.0f} ms", file=sys.stderr)
    floor = rows[0]["rps"]
    for row in rows:
        row["ratio"] = floor / row["rps"] if row["rps"] else float("inf")
    return rows


def capacity_user(host: str, places: dict, cookies: dict):
    by_role: dict[str, list[tuple[str, str]]] = {}
    for name, role, path, _target in PAGES:
        if role in CAPACITY_ROLES and name not in CAPACITY_EXCLUDED:
            by_role.setdefault(role, []).append((name, path.format(**places)))
    roles, weights = zip(*CAPACITY_ROLES.items(), strict=True)

    class Person(FastHttpUser):
        wait_time = between(5, 15)
        network_timeout = 120.0

        def on_start(self) -> None:
            self.role = random.choices(roles, weights)[0]
            self.headers = {"Cookie": cookies[self.role]}

        @task
        def browse(self) -> None:
            name, path = random.choice(by_role[self.role])
            with self.client.get(
                path, name=name, headers=self.headers, catch_response=True, allow_redirects=False
            ) as response:
                _check(response)

    Person.host = host
    return Person


def measure_capacity(host: str, places: dict, cookies: dict) -> tuple[int, list[dict]]:
    user_class = capacity_user(host, places, cookies)
    best, steps = 0, []
    for users in STEPS:
        # The users arrive over RAMP_SECONDS, so their first pages spread like their later ones.
        figures = run_users(user_class, users, users / RAMP_SECONDS, RAMP_SECONDS, STEP_SECONDS)
        steps.append({"users": users, **figures})
        slowest = ", ".join(f"{name} {p95:.0f} ms" for p95, name in figures["slowest"])
        print(f"  capacity step {users} users: p95 {figures['p95']:.0f} ms; slowest p95: {slowest}", file=sys.stderr)
        if figures["p95"] >= P95_LIMIT_MS or figures["errors"]:
            break
        best = users
    return best, steps


def table(rows: list[dict]) -> str:
    head = "| page | req/s | p50 ms | p95 ms | p99 ms | errors | ratio | target |"
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        target = f"≤ {row['target']}×" if row["target"] else "—"
        ratio = "1.0× (floor)" if row["name"] == FLOOR else f"{row['ratio']:.1f}×"
        lines.append(
            f"| {row['name']} | {row['rps']:.1f} | {row['p50']:.0f} | {row['p95']:.0f} | {row['p99']:.0f} "
            f"| {row['errors']} | {ratio} | {target} |"
        )
    return "\n".join(lines)


def main() -> None:
    host, targets_file = sys.argv[1], sys.argv[2]
    targets = json.loads(Path(targets_file).read_text())
    places, accounts = targets["places"], targets["accounts"]
    cookies = {role: sign_in(host, username, targets["password"]) for role, username in accounts.items()}
    print(f"bench: {len(PAGES)} pages, {IN_FLIGHT} in flight, {PAGE_SECONDS} s each{' (quick)' if QUICK else ''}")
    rows = measure_pages(host, places, cookies)
    best, steps = measure_capacity(host, places, cookies)
    errors = {row["name"]: row["error_kinds"] for row in rows if row["errors"]}
    report = [
        "",
        table(rows),
        "",
        f"capacity: {best or f'fewer than {STEPS[0]}'} simulated users (think time 5-15 s) with p95 < {P95_LIMIT_MS} ms"
        " and no error" + (" (quick mode: a smoke run, not a measure)" if QUICK else ""),
        "steps: "
        + "; ".join(
            f"{s['users']} users {s['rps']:.1f} req/s p95 {s['p95']:.0f} ms {s['errors']} errors" for s in steps
        ),
        "slowest p95 at the last step: " + ", ".join(f"{name} {p95:.0f} ms" for p95, name in steps[-1]["slowest"]),
    ]
    if errors:
        report.append("errors: " + "; ".join(f"{name}: {', '.join(kinds)}" for name, kinds in errors.items()))
    print("\n".join(report))
    out = os.environ.get("BENCH_OUT")
    if out:
        Path(out).write_text("\n".join(report) + "\n")


if __name__ == "__main__":
    main()
