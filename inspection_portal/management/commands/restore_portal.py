"""Restore a backup of backup_portal into an empty database and an empty MEDIA_ROOT."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from inspection_portal import backup


class Command(BaseCommand):
    help = (
        "Restore portal-<time>.dump and portal-<time>-media.tar.gz into the database of DATABASE_URL, which must be "
        "freshly created and empty, and into MEDIA_ROOT, which must be empty or missing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("dump", help="The database dump (portal-<time>.dump)")
        parser.add_argument("media", help="The media archive (portal-<time>-media.tar.gz)")

    def handle(self, *args, dump: str, media: str, **options) -> None:
        try:
            backup.restore(Path(dump), Path(media))
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        done = _("Restored. Run `manage.py migrate` if this code is newer than the backup.")
        self.stdout.write(self.style.SUCCESS(done))
