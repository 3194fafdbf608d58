"""The portal's own middleware: sessions that end after a working day idle, the 405 page, the health check for
the load balancer and the log of slow requests."""

import logging
import time

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render


class SessionActivityMiddleware:
    """Keep a signed-in session alive while it is used, writing it at most once every few minutes.

    The session expires SESSION_COOKIE_AGE (8 hours) after it was last saved. Saving it on
    every request (SESSION_SAVE_EVERY_REQUEST) would write the session table on every page
    view; instead the last-activity time is stored only when the stored one is older than
    SESSION_ACTIVITY_WRITE_SECONDS, which saves the session and so moves its expiry on.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get("last_activity", 0)
            if now - last >= settings.SESSION_ACTIVITY_WRITE_SECONDS:
                request.session["last_activity"] = now
        return self.get_response(request)


def note_activity_at_login(sender, request, user, **kwargs) -> None:
    """Start the activity clock with the login's own session write, not with a second one on the next page."""
    if request is not None and hasattr(request, "session"):
        request.session["last_activity"] = int(time.time())


class MethodNotAllowedPageMiddleware:
    """Django's bare 405 (require_POST and the like) becomes a Thai page inside the portal's frame."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            page = render(request, "405.html", status=405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response


HEALTH_PATHS = ("/healthz", "/healthz/")
health_log = logging.getLogger("inspection_portal.health")
slow_log = logging.getLogger("inspection_portal.slow_requests")


class HealthCheckMiddleware:
    """`/healthz` for the load balancer: 200 "ok" when the database answers one cheap query, else 503.

    First in MIDDLEWARE, it answers before everything else: no HTTPS redirect, no host check
    (a load balancer probes by address), no session, no login, no cookie, no login throttling.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path not in HEALTH_PATHS:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = HttpResponse(status=405, content_type="text/plain")
            response["Allow"] = "GET, HEAD"
            return response
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except DatabaseError as error:
            health_log.error("health check: the database does not answer: %s", error)
            response = HttpResponse("database unavailable\n", status=503, content_type="text/plain")
            response["Retry-After"] = "30"
        else:
            response = HttpResponse("ok\n", content_type="text/plain")
        response["Cache-Control"] = "no-store"
        return response


class SlowRequestLogMiddleware:
    """Log a request that took longer than SLOW_REQUEST_MS: user, method, path, status and duration.

    Near the top of MIDDLEWARE, so the time counts every layer below it; the user is read
    after the response, from what the authentication middleware set on the request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        elapsed_ms = (time.perf_counter() - started) * 1000
        if elapsed_ms >= settings.SLOW_REQUEST_MS:
            user = getattr(request, "user", None)
            name = user.get_username() if user is not None and user.is_authenticated else "-"
            slow_log.warning(
                "slow request: user=%s method=%s path=%s status=%s duration_ms=%d",
                name,
                request.method,
                request.path,
                response.status_code,
                elapsed_ms,
                extra={
                    "user": name,
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round(elapsed_ms),
                },
            )
        return response
