from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "meetings"
    verbose_name = _("Follow-up meetings")

    def ready(self) -> None:
        from meetings import checks  # noqa: F401  (registers the PDF renderer's check)
