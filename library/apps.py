from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "library"
    verbose_name = _("best-practice library")

    def ready(self) -> None:
        from library import signals  # noqa: F401  (keeps the search index in step with the findings)
