from django.contrib import admin
from django.contrib.auth import get_user_model
from simple_history.admin import SimpleHistoryAdmin

from inspection_portal.admin import BUDDHIST_DATES, be_column
from meetings.models import FollowUpMeeting


@admin.register(FollowUpMeeting)
class FollowUpMeetingAdmin(SimpleHistoryAdmin):
    formfield_overrides = BUDDHIST_DATES
    held_on_be = be_column(FollowUpMeeting, "held_on")
    published_at_be = be_column(FollowUpMeeting, "published_at")
    list_display = ["held_on_be", "period", "inspector", "mode", "published_at_be"]
    list_filter = ["period", "mode"]
    list_select_related = ["period", "inspector"]
    filter_horizontal = ["zones"]
    readonly_fields = ["published_at_be", "published_by"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "inspector":
            # Only people assigned to a zone in some year, not every account.
            kwargs["queryset"] = get_user_model().objects.filter(inspector_assignments__isnull=False).distinct()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
