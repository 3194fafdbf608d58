from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ProvincesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "provinces"
    verbose_name = _("Provinces and inspection zones")

    def ready(self) -> None:
        from provinces.roles import sync_groups

        # After every app's permissions exist (the auth app creates them on post_migrate too).
        post_migrate.connect(sync_groups, dispatch_uid="provinces.sync_groups")
