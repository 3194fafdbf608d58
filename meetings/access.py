"""Who may see and change a follow-up meeting; the meeting views ask here.

Access follows assignments, never who created or chairs a meeting:

- edit (change its details and provinces, generate, edit the text, publish, delete a draft):
  portal administrators, and inspectors assigned to one of the meeting's zones in its fiscal
  year;
- read: those, the head of inspectors (every meeting, editing none), and — once it is
  published — the officers of the provinces it was published with (FollowUpMeeting.province_ids,
  recorded at publishing from FollowUpMeeting.member_provinces: by the zone their report was
  filed under, and only the chosen ones when not every province of the zones takes part).
  Provinces chosen after publishing read it once it is published again.

`may_edit_meeting` / `meetings_editable_by` and `may_view_meeting` / `meetings_visible_to`
say the same thing for one meeting and for a list; tests/test_meeting_access.py walks them
for every role.
"""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404

from meetings.models import FollowUpMeeting
from provinces.models import InspectorAssignment, Province
from reports.access import inspected_zone_ids, is_admin, province_of, reads_all_zones


def may_edit_meeting(user, meeting: FollowUpMeeting) -> bool:
    """Administrators, and inspectors assigned to one of the meeting's zones in its fiscal year."""
    if is_admin(user):
        return True
    zone_ids = {zone.pk for zone in meeting.zones.all()}
    return bool(zone_ids & inspected_zone_ids(user, meeting.period.fiscal_year))


def may_view_meeting(user, meeting: FollowUpMeeting) -> bool:
    """Its editors and the head of inspectors; once published, the officers of its provinces."""
    if may_edit_meeting(user, meeting) or reads_all_zones(user):
        return True
    province = province_of(user)
    return meeting.is_published and province is not None and meeting.published_provinces.filter(pk=province.pk).exists()


def get_meeting_for_user(user, pk: int, *, edit: bool = False, defer_summaries: bool = False) -> FollowUpMeeting:
    """The meeting if the user may see it (or edit it); 404 if absent, 403 if not theirs.

    defer_summaries: without the draft and published JSON (pages that show meetings/rendered.py's HTML)."""
    # Its zones are read by every access check and by the page: once, here.
    meetings = FollowUpMeeting.objects.select_related("period", "inspector", "chair__position", "chair__province")
    meetings = meetings.prefetch_related("zones")
    if defer_summaries:
        meetings = meetings.defer("draft", "published")
    meeting = get_object_or_404(meetings, pk=pk)
    if not (may_edit_meeting(user, meeting) if edit else may_view_meeting(user, meeting)):
        raise PermissionDenied
    return meeting


def _assigned(user) -> Q:
    """Meetings one of whose zones the user is assigned to in the meeting's fiscal year."""
    assigned = InspectorAssignment.objects.filter(user=user, fiscal_year=OuterRef("period__fiscal_year"))
    return Q(zones__in=assigned.values("zone"))


def meetings_editable_by(user) -> models.QuerySet:
    """The meetings `may_edit_meeting` lets the user change, as one query."""
    if is_admin(user):
        return FollowUpMeeting.objects.all()
    if not user.is_authenticated:
        return FollowUpMeeting.objects.none()
    return FollowUpMeeting.objects.filter(pk__in=FollowUpMeeting.objects.filter(_assigned(user)).values("pk"))


def _read_by_officer_of(province: Province) -> Q:
    """Published meetings whose summary was published with this province (FollowUpMeeting.province_ids)."""
    published_to = FollowUpMeeting.published_provinces.through.objects.filter(
        followupmeeting=OuterRef("pk"), province=province
    )
    return Q(published__isnull=False) & Exists(published_to)


def meetings_visible_to(user) -> models.QuerySet:
    """The meetings `may_view_meeting` lets the user see, as one query (for lists: big fields deferred)."""
    meetings = FollowUpMeeting.objects.select_related("period", "inspector", "published_by", "chair")
    meetings = meetings.prefetch_related("zones").defer("draft", "published")
    if reads_all_zones(user):
        return meetings
    if not user.is_authenticated:
        return meetings.none()
    visible = _assigned(user)
    province = province_of(user)
    if province is not None:
        visible |= _read_by_officer_of(province)
    return meetings.filter(pk__in=FollowUpMeeting.objects.filter(visible).values("pk"))
