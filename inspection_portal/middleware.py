"""The portal's own middleware: sessions that end after a working day idle, the 405 page, a 503 page when the
database is down, the health check for the load balancer, the log of slow requests, and compressed pages."""

import gzip
import logging
import secrets
import string
import time

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

LEGACY_BACKEND = "django.contrib.auth.backends.ModelBackend"
PORTAL_BACKEND = "inspection_portal.auth_backend.PortalBackend"


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
        if request.session.get(BACKEND_SESSION_KEY) == LEGACY_BACKEND:
            # Signed in before the portal's backend replaced Django's (its subclass): still signed in, once rewritten.
            request.session[BACKEND_SESSION_KEY] = PORTAL_BACKEND
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


# What CompressedPagesMiddleware compresses: the portal's own text (its pages, JSON, the JavaScript catalogue).
# Files (Word, PDF, spreadsheets, uploads) are compressed already or served as stored; static files come from
# WhiteNoise, compressed ahead of time.
_COMPRESSIBLE = ("text/", "application/json", "application/javascript")
# Bodies larger than this are compressed fast (level 1) rather than small (level 6): the national meeting page
# (a megabyte of Thai) costs 20 ms at level 6 and 5 ms at level 1, for 104 KB against 177 KB.
FAST_COMPRESSION_FROM = 256 * 1024
_RANDOM_NAME_BYTES = 100


def gzip_with_random_name(data: bytes, level: int) -> bytes:
    """gzip data with a random-length random file name in its header, as Django's GZipMiddleware does against
    BREACH (django.utils.text.compress_string), at the level given."""
    compressed = gzip.compress(data, compresslevel=level, mtime=0)
    header = bytearray(compressed[:10])
    header[3] = gzip.FNAME
    alphabet = string.ascii_letters.encode()
    name = bytes(secrets.choice(alphabet) for _ in range(secrets.randbelow(_RANDOM_NAME_BYTES) + 1))
    return bytes(header) + name + b"\x00" + compressed[10:]


class CompressedPagesMiddleware(GZipMiddleware):
    """The portal's pages gzip-compressed for browsers that accept it (README "Performance").

    Thai text is three bytes a letter in UTF-8 and compresses about tenfold: a province office on a slow line
    gets the tracker in 5 KB instead of 80. BREACH (guessing a secret on a page from the compressed length,
    with text the attacker puts on the same page): the CSRF token is masked afresh in every response (Django),
    and each compressed body carries a random-length random name in its gzip header, Django's own mitigation,
    so lengths say nothing reliable. Downloads and other files are left as they are.
    """

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if response.streaming or not content_type.startswith(_COMPRESSIBLE):
            return response
        if len(response.content) < 200 or response.has_header("Content-Encoding"):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        if not re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            return response
        level = 1 if len(response.content) > FAST_COMPRESSION_FROM else 6
        compressed = gzip_with_random_name(response.content, level)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "gzip"
        return response
