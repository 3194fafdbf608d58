from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

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
