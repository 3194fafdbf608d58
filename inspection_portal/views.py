import sys

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token

from notifications import kinds
from notifications.forms import ProfileForm
from reports import access


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The signed-in user's starting page, with what their roles let them do."""
    roles = access.roles_of(request.user)
    if roles.is_officer and not roles.follows_zones:
        return redirect("reports:officer_home")
    if roles.follows_zones and not roles.is_officer:
        return redirect("reports:tracker")
    return render(request, "home.html", {"roles": roles})


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page, or a 503 "temporarily unavailable" one when the database cannot be reached.

    Django calls this while it handles the exception, wherever it was raised (a view, or the
    session and authentication middleware), so the exception is still at hand. Neither
    page touches the database.
    """
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        return response
    return defaults.server_error(request)


class LogoutView(auth_views.LogoutView):
    """Django's logout, saying so on the login page it leads to."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You have logged out. Log in again to continue."))
        return response


def _notice_kinds(roles: access.Roles) -> list[kinds.Kind]:
    """The kinds of notice a user with these roles may get."""
    audiences = [kinds.OFFICER] if roles.is_officer else []
    audiences += [kinds.INSPECTOR] if roles.is_inspector else []
    audiences += [kinds.ADMIN] if roles.reads_all_zones else []  # administrators and the head of inspectors
    return kinds.for_audiences(*audiences)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """The user's own e-mail address and which notices they also get by e-mail."""
    form = ProfileForm(request.user, _notice_kinds(access.roles_of(request.user)), request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, _("Your e-mail settings were saved."))
            return redirect("profile")
        return render(request, "registration/profile.html", {"form": form}, status=400)
    return render(request, "registration/profile.html", {"form": form})
