from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from meetings.models import FollowUpMeeting


@admin.register(FollowUpMeeting)
class FollowUpMeetingAdmin(SimpleHistoryAdmin):
    list_display = ["held_on", "period", "inspector", "mode", "published_at"]
    list_filter = ["period", "mode"]
    list_select_related = ["period", "inspector"]
    filter_horizontal = ["zones"]
    readonly_fields = ["published_at", "published_by"]
