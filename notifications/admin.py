from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications.models import RETRY_FOR, Delivery, EmailPreference, Notice


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """The outbox: what was sent, what waits and why, what failed and why."""

    list_display = ["created_at", "to", "subject", "status", "attempts", "next_attempt_at", "sent_at", "last_error"]
    list_filter = ["status", "kind"]
    search_fields = ["to", "subject", "message_id"]
    date_hierarchy = "created_at"
    # The bodies stay out of the admin: an invitation's body holds a password link.
    fields = [
        "kind",
        "to",
        "subject",
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "message_id",
        "created_at",
        "give_up_at",
        "sent_at",
        "notice",
        "recipient",
    ]
    readonly_fields = fields
    actions = ["retry_now"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description=_("Send the selected e-mails again at the next run"))
    def retry_now(self, request, queryset):
        count = queryset.exclude(status=Delivery.Status.SENT).update(
            status=Delivery.Status.PENDING, next_attempt_at=timezone.now(), give_up_at=timezone.now() + RETRY_FOR
        )
        self.message_user(
            request, _("%(count)s e-mails will be sent at the next run.") % {"count": count}, messages.SUCCESS
        )


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "kind", "read_at"]
    list_filter = ["kind"]
    list_select_related = ["recipient"]
    search_fields = ["recipient__username", "recipient__email"]
    date_hierarchy = "created_at"
    readonly_fields = ["recipient", "kind", "context", "link", "key", "created_at", "read_at"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(EmailPreference)
class EmailPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "kind", "email"]
    list_filter = ["kind", "email"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__email"]
    autocomplete_fields = ["user"]
