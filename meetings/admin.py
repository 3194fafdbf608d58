from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from meetings.models import FollowUpMeeting, MeetingOfficial, MeetingProvince, MeetingTopic, MonthlyIssue


@admin.register(MonthlyIssue)
class MonthlyIssueAdmin(admin.ModelAdmin):
    """The month's inspection issues, set once for the whole country; inspectors pick them for their meetings."""

    list_display = ["month", "number", "title"]
    list_display_links = ["title"]
    list_filter = ["month"]
    search_fields = ["title"]
    date_hierarchy = "month"
    ordering = ["-month", "number"]


class MeetingTopicInline(admin.StackedInline):
    model = MeetingTopic
    extra = 0
    autocomplete_fields = ["issue"]


class MeetingOfficialInline(admin.TabularInline):
    model = MeetingOfficial
    extra = 0
    autocomplete_fields = ["person"]


class MeetingProvinceInline(admin.TabularInline):
    model = MeetingProvince
    extra = 0
    autocomplete_fields = ["province", "presenter"]


@admin.register(FollowUpMeeting)
class FollowUpMeetingAdmin(SimpleHistoryAdmin):
    list_display = ["held_on", "kind", "period", "chair", "inspector", "mode", "published_at"]
    list_filter = ["kind", "period", "mode"]
    list_select_related = ["period", "inspector", "chair"]
    filter_horizontal = ["zones"]
    autocomplete_fields = ["chair"]
    readonly_fields = ["published_at", "published_by"]
    inlines = [MeetingTopicInline, MeetingOfficialInline, MeetingProvinceInline]
