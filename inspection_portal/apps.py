from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project itself as an app, for the wiring that belongs to no domain app."""

    name = "inspection_portal"
    verbose_name = "Inspection portal"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from inspection_portal.middleware import note_activity_at_login

        user_logged_in.connect(note_activity_at_login, dispatch_uid="portal_note_activity_at_login")
