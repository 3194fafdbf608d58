"""The user's notices: the list, opening one (which marks it read), marking all read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from notifications.models import Notice

PER_PAGE = 25


@login_required
@require_GET
def notice_list(request: HttpRequest) -> HttpResponse:
    notices = Notice.objects.for_user(request.user).only("kind", "context", "created_at", "read_at")
    page = Paginator(notices, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "notifications/notice_list.html", {"page": page})


@login_required
@require_GET
def open_notice(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark the user's own notice read and go to the page it is about."""
    notice = get_object_or_404(Notice.objects.for_user(request.user), pk=pk)
    Notice.objects.filter(pk=notice.pk).mark_read()
    if not url_has_allowed_host_and_scheme(notice.link, allowed_hosts=None):
        return redirect("notifications:list")
    return redirect(notice.link)


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = Notice.objects.for_user(request.user).mark_read()
    messages.success(request, _("%(count)s notices marked as read.") % {"count": count})
    return redirect("notifications:list")
