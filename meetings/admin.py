from django.contrib import admin
from django.contrib.auth import get_user_model
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from inspection_portal.admin import BUDDHIST_DATES, LeanChangelistMixin, be_column
from meetings.forms import block_label
from meetings.models import FollowUpMeeting, MeetingOfficial, MeetingProvince, MeetingTopic, MonthlyIssue


@admin.register(MonthlyIssue)
class MonthlyIssueAdmin(admin.ModelAdmin):
    """The month's inspection issues, set once for the whole country; inspectors pick them for their meetings."""

    formfield_overrides = BUDDHIST_DATES
    month_be = be_column(MonthlyIssue, "month")
    list_display = ["month_be", "number", "title"]
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
class FollowUpMeetingAdmin(LeanChangelistMixin, SimpleHistoryAdmin):
    formfield_overrides = BUDDHIST_DATES
    held_on_be = be_column(FollowUpMeeting, "held_on")
    published_at_be = be_column(FollowUpMeeting, "published_at")
    list_display = ["held_on_be", "kind", "period", "chair", "inspector", "mode", "published_at_be"]
    list_filter = ["kind", "period", "mode"]
    list_select_related = ["period", "inspector", "chair"]
    filter_horizontal = ["zones"]
    autocomplete_fields = ["chair"]
    inlines = [MeetingTopicInline, MeetingOfficialInline, MeetingProvinceInline]
    # The summary's trees are shown as text, read-only: they are edited on the meeting's page.
    exclude = ["draft", "published", "published_at"]
    readonly_fields = ["published_at_be", "published_by", "draft_text", "published_text"]

    @admin.display(description=_("summary draft"))
    def draft_text(self, meeting):
        return _summary_text(meeting.draft, meeting.chair_id is not None)

    @admin.display(description=_("published summary"))
    def published_text(self, meeting):
        return _summary_text(meeting.published, meeting.chair_id is not None)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "inspector":
            # Only people assigned to a zone in some year, not every account.
            kwargs["queryset"] = get_user_model().objects.filter(inspector_assignments__isnull=False).distinct()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def _summary_text(tree: dict | None, chaired: bool):
    """A summary tree as its labelled paragraphs, for reading in the admin."""
    if not tree:
        return "–"
    blocks = (
        (block_label(block, tree, chaired=chaired), linebreaksbr(block["text"])) for block in tree.get("blocks", [])
    )
    return format_html(
        '<div class="summary-text">{}</div>', format_html_join("", "<p><strong>{}</strong><br>{}</p>", blocks)
    )
