"""Who may see and change a follow-up meeting; the meeting views ask here.

Meetings build on reports' roles (reports.access): administrators, inspectors by zone and
fiscal year, officers by province.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.shortcuts import get_object_or_404

from meetings.models import FollowUpMeeting
from provinces.models import InspectorAssignment
from reports.access import inspected_zone_ids, is_admin, province_of, reads_all_zones, reporting_zone_id
from reports.models import ProvinceReport


def may_edit_meeting(user, meeting: FollowUpMeeting) -> bool:
    return is_admin(user) or (user.is_authenticated and meeting.inspector_id == user.pk)


def may_view_meeting(user, meeting: FollowUpMeeting) -> bool:
    """Its inspector, the zones' inspectors that year, admins and the head of inspectors; once published,
    the provinces' officers."""
    if may_edit_meeting(user, meeting) or reads_all_zones(user):
        return True
    zone_ids = {zone.pk for zone in meeting.zones.all()}
    if zone_ids & inspected_zone_ids(user, meeting.period.fiscal_year):
        return True
    province = province_of(user)
    return meeting.is_published and province is not None and reporting_zone_id(province, meeting.period) in zone_ids


def get_meeting_for_user(user, pk: int, *, edit: bool = False) -> FollowUpMeeting:
    meeting = get_object_or_404(FollowUpMeeting.objects.select_related("period", "inspector"), pk=pk)
    if not (may_edit_meeting(user, meeting) if edit else may_view_meeting(user, meeting)):
        raise PermissionDenied
    return meeting


def meetings_visible_to(user):
    """The meetings `may_view_meeting` lets the user see, as one query."""
    meetings = FollowUpMeeting.objects.select_related("period", "inspector", "published_by").prefetch_related("zones")
    meetings = meetings.defer("draft", "published")
    if reads_all_zones(user):
        return meetings
    if not user.is_authenticated:
        return meetings.none()
    assigned = InspectorAssignment.objects.filter(user=user)
    visible = Q(inspector=user) | Q(
        zones__in=assigned.filter(fiscal_year=models.OuterRef("period__fiscal_year")).values("zone")
    )
    province = province_of(user)
    if province is not None:
        # The officer's province belongs to the meeting's zones for that quarter: by the zone
        # its report was filed under, or by its current zone when it has no report.
        reports = ProvinceReport.objects.filter(province=province, period=models.OuterRef("period"))
        filed_under = Q(zones__in=reports.values("zone"))
        unfiled = Q(zones=province.zone_id) & ~models.Exists(reports)
        visible |= Q(published__isnull=False) & (filed_under | unfiled)
    return meetings.filter(pk__in=FollowUpMeeting.objects.filter(visible).values("pk"))
