"""Who may see and change what. Every view asks here; tests walk its table.

Roles: a provincial officer belongs to one province (provinces.ProvincialOfficer); an
inspector is assigned zones per fiscal year (provinces.InspectorAssignment); a portal
administrator holds the permission `provinces.administer_portal` and the head of
inspectors `provinces.read_all_zones` (provinces/roles.py: by group, or a superuser's
every permission) — staff status alone, which only opens Django admin, gives neither. A
report belongs to the zone it was filed under, so a zone's inspector of that fiscal year is
its reviewer even after zones move.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from provinces.models import InspectorAssignment, Province
from provinces.roles import ADMINISTER, READ_ALL_ZONES
from reports.models import ProvinceReport


@dataclass(frozen=True)
class Roles:
    province: Province | None = None
    inspected_years: frozenset[int] = field(default_factory=frozenset)
    is_admin: bool = False
    reads_all_zones: bool = False

    @property
    def is_officer(self) -> bool:
        return self.province is not None

    @property
    def is_inspector(self) -> bool:
        return bool(self.inspected_years)

    @property
    def may_inspect(self) -> bool:
        """Inspectors and administrators: reviews and meetings are theirs."""
        return self.is_inspector or self.is_admin

    @property
    def follows_zones(self) -> bool:
        """Who reads the tracker and the meetings: inspectors, administrators and the head of inspectors."""
        return self.may_inspect or self.reads_all_zones


def roles_of(user) -> Roles:
    """What the user is: officer of a province, inspector in some years, administrator."""
    if not user.is_authenticated:
        return Roles()
    return Roles(
        province=province_of(user),
        inspected_years=frozenset(
            InspectorAssignment.objects.filter(user=user).order_by().values_list("fiscal_year", flat=True).distinct()
        ),
        is_admin=is_admin(user),
        reads_all_zones=reads_all_zones(user),
    )


def is_admin(user) -> bool:
    """A portal administrator: reviews any report, manages any meeting."""
    return user.is_authenticated and user.is_active and user.has_perm(ADMINISTER)


def reads_all_zones(user) -> bool:
    """Administrators and the head of inspectors read every zone's reports and meetings."""
    return user.is_authenticated and user.is_active and (user.has_perm(READ_ALL_ZONES) or user.has_perm(ADMINISTER))


def province_of(user) -> Province | None:
    """The province the user reports for, if they are an officer."""
    if not user.is_authenticated:
        return None
    officer = getattr(user, "officer", None)
    return officer.province if officer is not None else None


def inspected_zone_ids(user, fiscal_year: int) -> set[int]:
    """The zones the user inspects in a fiscal year."""
    if not user.is_authenticated:
        return set()
    return set(
        InspectorAssignment.objects.filter(user=user, fiscal_year=fiscal_year)
        .order_by()
        .values_list("zone_id", flat=True)
    )


def is_officer_of(user, report: ProvinceReport) -> bool:
    officer = getattr(user, "officer", None) if user.is_authenticated else None
    return officer is not None and officer.province_id == report.province_id


def may_review_report(user, report: ProvinceReport) -> bool:
    """Inspectors of the report's zone in its fiscal year, and administrators."""
    if is_admin(user):
        return True
    return report.zone_id is not None and report.zone_id in inspected_zone_ids(user, report.period.fiscal_year)


def may_view_report(user, report: ProvinceReport) -> bool:
    return is_officer_of(user, report) or may_review_report(user, report) or reads_all_zones(user)


def may_edit_report(user, report: ProvinceReport) -> bool:
    """Only the province's own officers write its report (the state rules are the model's)."""
    return is_officer_of(user, report)


def get_report_for_user(user, pk: int, *, edit: bool = False, review: bool = False) -> ProvinceReport:
    """The report if the user may see it (or edit / review it); 404 if absent, 403 if not theirs."""
    report = get_object_or_404(ProvinceReport.objects.select_related("province", "period", "zone"), pk=pk)
    if edit:
        allowed = may_edit_report(user, report)
    elif review:
        allowed = may_review_report(user, report)
    else:
        allowed = may_view_report(user, report)
    if not allowed:
        raise PermissionDenied
    return report
