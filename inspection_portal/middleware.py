"""The portal's own middleware: sessions that end after a working day idle, and a 503 page when the database is down."""

import time

from django.conf import settings
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
