"""The portal's roles that are not a province or a zone, as permission groups.

Portal powers follow permissions, never staff status alone (reports/access.py asks for
`ADMINISTER` and `READ_ALL_ZONES`). The groups are kept in step after every `migrate`:
they are created when missing and given at least the permissions below; permissions an
administrator added by hand are left alone.
"""

ADMINISTER = "provinces.administer_portal"
READ_ALL_ZONES = "provinces.read_all_zones"
# The backend that holds permissions, named where Django asks (User.objects.with_perm): the
# login-throttling backend (django-axes) stands before it and knows no permissions.
PERMISSIONS_BACKEND = "inspection_portal.auth_backend.PortalBackend"

# The groups' names are data an administrator reads in the admin, so they are Thai.
PORTAL_ADMINISTRATORS = "ผู้ดูแลระบบพอร์ทัล"  # portal administrators
HEAD_OF_INSPECTORS = "หัวหน้าผู้ตรวจราชการกรม"  # head of the department's inspectors: reads every zone
# Group name → (permissions as "app_label.codename", apps whose every model permission it gets)
GROUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    PORTAL_ADMINISTRATORS: (
        (ADMINISTER, "auth.add_user", "auth.change_user", "auth.view_user", "auth.view_group"),
        ("provinces", "reports", "meetings"),
    ),
    HEAD_OF_INSPECTORS: ((READ_ALL_ZONES,), ()),
}


def sync_groups(using: str = "default", **kwargs) -> None:
    """Create the role groups if missing and give them at least their permissions (post_migrate)."""
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    for name, (codenames, apps) in GROUPS.items():
        wanted = Q(content_type__app_label__in=apps) if apps else Q(pk__in=[])
        for label in codenames:
            app_label, codename = label.split(".")
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        group, _created = Group.objects.using(using).get_or_create(name=name)
        group.permissions.add(*Permission.objects.using(using).filter(wanted))
