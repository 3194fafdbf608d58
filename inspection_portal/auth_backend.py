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

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db.models import Q


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
                perms = Permission.objects.all()
            else:
                own = get_user_model().user_permissions.through.objects.filter(user_id=user_obj.pk)
                by_group = Group.permissions.through.objects.filter(group__user=user_obj)
                perms = Permission.objects.filter(
                    Q(pk__in=own.values("permission_id")) | Q(pk__in=by_group.values("permission_id"))
                )
            user_obj._perm_cache = {
                f"{app_label}.{codename}"
                for app_label, codename in perms.values_list("content_type__app_label", "codename").order_by()
            }
        return user_obj._perm_cache
