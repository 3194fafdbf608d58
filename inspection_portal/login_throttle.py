"""Login throttling with django-axes: a strict limit per account, a looser one per address.

Axes counts failures per lockout parameter but compares them all with one limit. A whole
provincial office may share one address behind NAT, so the address gets a looser limit
(LOGIN_FAILURES_PER_ADDRESS) than an account (AXES_FAILURE_LIMIT); this handler scales
each count to the account's limit so that axes' single comparison applies both.
"""

import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_lockout_parameters
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone


def _limit(parameter) -> int:
    """The failures allowed for one lockout parameter ("username", "ip_address")."""
    if parameter == "ip_address":
        return settings.LOGIN_FAILURES_PER_ADDRESS
    return settings.AXES_FAILURE_LIMIT


class PortalAxesHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """The failures that count, on the account's scale: reaching AXES_FAILURE_LIMIT means locked."""
        parameters = get_lockout_parameters(request, credentials)
        attempts_list = self.get_user_attempts(request, credentials)
        scaled = 0
        for parameter, attempts in zip(parameters, attempts_list, strict=True):
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            scaled = max(scaled, failures * settings.AXES_FAILURE_LIMIT // _limit(parameter))
        return scaled

    def locked_until(self, request, credentials=None) -> datetime.datetime | None:
        """When the lockout of this account or address ends (None when neither is locked)."""
        parameters = get_lockout_parameters(request, credentials)
        ends = []
        for parameter, attempts in zip(parameters, self.get_user_attempts(request, credentials), strict=True):
            totals = attempts.aggregate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
            if (totals["failures"] or 0) >= _limit(parameter):
                ends.append(totals["last"] + settings.AXES_COOLOFF_TIME)
        return max(ends) if ends else None


def lockout_response(request, original_response=None, credentials=None):
    """The login page's frame with a Thai message saying when to try again (HTTP 429)."""
    until = PortalAxesHandler().locked_until(request, credentials)
    until = timezone.localtime(until) if until else timezone.localtime() + settings.AXES_COOLOFF_TIME
    context = {"until": until, "username": get_client_username(request, credentials) or ""}
    return render(request, "registration/locked_out.html", context, status=429)
