from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project itself as an app, for the wiring that belongs to no domain app."""

    name = "inspection_portal"
    verbose_name = "Inspection portal"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_migrate

        from inspection_portal.middleware import note_activity_at_login

        user_logged_in.connect(note_activity_at_login, dispatch_uid="portal_note_activity_at_login")
        post_migrate.connect(create_cache_table, dispatch_uid="portal_create_cache_table")


def create_cache_table(app_config, using: str = "default", **kwargs) -> None:
    """`migrate` also creates the database cache's table (settings CACHES), so no deployment step is forgotten.

    post_migrate is sent once per app with models (this one has none): the sessions app's is the one acted on."""
    from django.core.management import call_command

    if app_config.label != "sessions":
        return

    call_command("createcachetable", database=using, verbosity=0)
