from django.http import HttpRequest
from django.utils.functional import cached_property

from notifications.models import UNREAD_CAP, Notice


class UnreadNotices:
    """The navigation's unread count: one indexed query, made only if a page shows it."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def count(self) -> int:
        return Notice.objects.unread_count(self.user) if self.user.is_authenticated else 0

    @property
    def label(self) -> str:
        return f"{UNREAD_CAP}+" if self.count > UNREAD_CAP else str(self.count)


def unread_notices(request: HttpRequest) -> dict:
    return {"unread_notices": UnreadNotices(request.user)} if hasattr(request, "user") else {}
