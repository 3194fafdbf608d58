from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from reports import access


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The signed-in user's starting page, with what their roles let them do."""
    return render(request, "home.html", {"roles": access.roles_of(request.user)})
