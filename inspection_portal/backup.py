"""Backup and restore of the portal's record: the PostgreSQL database (pg_dump, custom format) and MEDIA_ROOT
(attachments and published summaries' files) as a tar archive. `manage.py backup_portal` and
`manage.py restore_portal` call these; README "Backup and restore" says how to use them.
"""

import datetime
import os
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

PUBLIC_TABLES = "select count(*) from pg_tables where schemaname = 'public'"


class BackupError(Exception):
    pass


def _connection(database: dict) -> tuple[list[str], dict[str, str]]:
    """libpq options and environment for pg_dump/pg_restore/psql from a Django database setting."""
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError(
            _(
                "Backup and restore work on PostgreSQL (the production database). A SQLite trial database is one "
                "file: copy it while the portal is stopped."
            )
        )
    options = ["--host", database.get("HOST") or "127.0.0.1", "--port", str(database.get("PORT") or 5432)]
    if database.get("USER"):
        options += ["--username", database["USER"]]
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    return options, env


def backup(directory: Path, database: dict | None = None, media_root: Path | None = None) -> tuple[Path, Path]:
    """Write <directory>/portal-<time>.dump and portal-<time>-media.tar.gz; return both paths.

    pg_dump takes a consistent snapshot while the portal runs. Files are only ever added under
    MEDIA_ROOT with new names (attachments, published documents), so archiving it after the dump
    holds every file the dump refers to.
    """
    database = database or settings.DATABASES["default"]
    media_root = Path(media_root or settings.MEDIA_ROOT)
    options, env = _connection(database)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    dump = directory / f"portal-{stamp}.dump"
    media = directory / f"portal-{stamp}-media.tar.gz"
    command = ["pg_dump", *options, "--format=custom", "--no-owner", "--file", str(dump), database["NAME"]]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        raise BackupError(_("pg_dump failed: %(error)s") % {"error": result.stderr.strip()})
    with tarfile.open(media, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname="media")
    return dump, media


def restore(dump: Path, media: Path, database: dict | None = None, media_root: Path | None = None) -> None:
    """Restore a backup into an EMPTY database (created beforehand) and an empty or missing MEDIA_ROOT."""
    database = database or settings.DATABASES["default"]
    media_root = Path(media_root or settings.MEDIA_ROOT)
    options, env = _connection(database)
    tables = subprocess.run(
        ["psql", *options, "--dbname", database["NAME"], "-Atc", PUBLIC_TABLES],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if tables.returncode:
        raise BackupError(
            _("Cannot reach the database %(name)s: %(error)s")
            % {"name": database["NAME"], "error": tables.stderr.strip()}
        )
    if tables.stdout.strip() != "0":
        raise BackupError(
            _("The database %(name)s is not empty: restore into a freshly created one.") % {"name": database["NAME"]}
        )
    if media_root.exists() and any(media_root.iterdir()):
        raise BackupError(
            _("MEDIA_ROOT (%(folder)s) is not empty: restore into an empty or new folder.") % {"folder": media_root}
        )
    command = ["pg_restore", *options, "--no-owner", "--exit-on-error", "--dbname", database["NAME"], str(dump)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode:
        raise BackupError(_("pg_restore failed: %(error)s") % {"error": result.stderr.strip()})
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(media, "r:gz") as archive:
        for member in archive.getmembers():
            if not (member.isfile() or member.isdir()) or not member.name.startswith("media"):
                raise BackupError(_("Unexpected entry in the media archive: %(name)s") % {"name": member.name})
            member.name = member.name[len("media") :].lstrip("/") or "."
        archive.extractall(media_root, filter="data")
