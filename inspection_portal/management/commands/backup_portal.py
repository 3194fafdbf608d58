"""Back up the database (pg_dump, custom format) and MEDIA_ROOT (a tar.gz) into a folder."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from inspection_portal import backup


class Command(BaseCommand):
    help = "Back up the PostgreSQL database and MEDIA_ROOT (attachments, published summaries) into a folder."

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", help="Folder for portal-<time>.dump and portal-<time>-media.tar.gz")

    def handle(self, *args, directory: str, **options) -> None:
        try:
            dump, media = backup.backup(Path(directory))
        except backup.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{dump}\n{media}")
