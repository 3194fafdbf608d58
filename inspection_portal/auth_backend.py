"""The portal's permissions backend: Django's ModelBackend with a cheaper fixed cost per request.

Every signed-in page loads the user, asks whether they are an officer (user.officer and its
province, reports/access.py) and reads their permissions (the navigation and the access
rules). Django's ModelBackend makes that four queries: the user, the officer, the province,
then the user's own permissions and their groups' permissions. Here the user comes with
its officer link and province in one query, and the permissions in one more. Nothing is kept
across requests: the permissions and roles are read afresh with every request's user, so
an administrator's change (a role revoked, a group left, an account deactivated) holds on
the user's next request.
"""

import functools

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connections, router


class PortalBackend(ModelBackend):
    def get_user(self, user_id):
        """The session's user with its officer link and province (none cached as none: no query later)."""
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related("officer__province").get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        """The user's own and their groups' permissions in one query, cached on this request's user."""
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                perms = Permission.objects.values_list("content_type__app_label", "codename").order_by()
            else:
                alias = router.db_for_read(Permission)
                with connections[alias].cursor() as cursor:
                    cursor.execute(_permissions_sql(alias), [user_obj.pk, user_obj.pk])
                    perms = cursor.fetchall()
            user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in perms}
        return user_obj._perm_cache


@functools.cache
def _permissions_sql(alias: str) -> str:
    """The query of a user's permissions, their own and their groups', written once per database.

    Written by hand: the ORM's version (two subqueries) costs more to compile than to run,
    on every signed-in request. The table and column names are the models' own.
    """
    quote = connections[alias].ops.quote_name
    user_model = get_user_model()
    permission, content_type = Permission._meta, ContentType._meta
    own = user_model.user_permissions.through._meta
    by_group = Group.permissions.through._meta
    membership = user_model.groups.through._meta

    def column(meta, name):
        return quote(meta.get_field(name).column)

    return (
        f"SELECT ct.{column(content_type, 'app_label')}, p.{column(permission, 'codename')}"
        f" FROM {quote(permission.db_table)} p"
        f" INNER JOIN {quote(content_type.db_table)} ct ON ct.{column(content_type, 'id')} ="
        f" p.{column(permission, 'content_type')}"
        f" WHERE p.{column(permission, 'id')} IN (SELECT {column(own, 'permission')} FROM {quote(own.db_table)}"
        f" WHERE {column(own, 'user')} = %s)"
        f" OR p.{column(permission, 'id')} IN (SELECT gp.{column(by_group, 'permission')}"
        f" FROM {quote(by_group.db_table)} gp INNER JOIN {quote(membership.db_table)} ug"
        f" ON ug.{column(membership, 'group')} = gp.{column(by_group, 'group')}"
        f" WHERE ug.{column(membership, 'user')} = %s)"
    )
