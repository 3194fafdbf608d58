"""Backup and restore (issue 12 item 5): a restored copy holds the same reports, findings text, attachments and
published summaries, files included."""

import datetime
import io
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from psycopg import sql

from inspection_portal import backup, bench_data

POSTGRES_ONLY = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="backups are pg_dump and pg_restore of the production database, PostgreSQL; SQLite is one file to copy",
)

TODAY = datetime.date(2026, 11, 24)
QUERIES = {
    "reports": "select id, province_id, period_id, status, overall_results, version from reports_provincereport",
    "findings": (
        "select id, report_id, kind, problems, causes, measures, title, what_done, achieved from reports_finding"
    ),
    "figures": "select id, finding_id, target, result, unit from reports_findingfigure",
    "attachments": "select id, report_id, file, original_name, size from reports_attachment",
    "summaries": "select id, published::text, published_docx, published_pdf from meetings_followupmeeting",
    "users": "select id, username, password from auth_user",
}


def read(cursor) -> dict[str, list[tuple]]:
    found = {}
    for name, query in QUERIES.items():
        cursor.execute(query + " order by id")
        found[name] = cursor.fetchall()
    return found


def admin_url() -> str:
    db = connection.settings_dict
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/postgres"


@pytest.fixture
def fresh_database():
    name = connection.settings_dict["NAME"] + "_restored"
    with psycopg.connect(admin_url(), autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield {**connection.settings_dict, "NAME": name}
    with psycopg.connect(admin_url(), autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@POSTGRES_ONLY
@pytest.mark.django_db(transaction=True)
def test_a_restored_copy_holds_the_same_record(tmp_path, fresh_database):
    sizes = bench_data.Sizes(years=1, provinces=2, shortfalls=(1, 2), best_practices=(1, 1), rendered="national")
    result = bench_data.build(sizes, today=TODAY)
    with connection.cursor() as cursor:
        original = read(cursor)
    assert original["reports"] and original["findings"] and original["attachments"]
    published_files = [row for row in original["summaries"] if row[2] and row[3]]
    assert [row[0] for row in published_files] == [result.national]

    out = io.StringIO()
    call_command("backup_portal", str(tmp_path / "backup"), stdout=out)
    dump, media = (Path(line) for line in out.getvalue().split())
    restored_media = tmp_path / "restored-media"
    backup.restore(dump, media, database=fresh_database, media_root=restored_media)

    url = f"{admin_url().rsplit('/', 1)[0]}/{fresh_database['NAME']}"
    with psycopg.connect(url) as restored_connection, restored_connection.cursor() as cursor:
        restored = read(cursor)
    assert restored == original
    for _pk, _report, name, _original_name, size in original["attachments"]:
        assert (restored_media / name).read_bytes() == (Path(settings.MEDIA_ROOT) / name).read_bytes()
        assert (restored_media / name).stat().st_size == size
    for _pk, _tree, docx, pdf in published_files:
        for name in (docx, pdf):
            assert (restored_media / name).read_bytes() == (Path(settings.MEDIA_ROOT) / name).read_bytes()

    # A restore never writes over a database or files in use.
    with pytest.raises(backup.BackupError, match="มีข้อมูลอยู่แล้ว"):
        backup.restore(dump, media, database=fresh_database, media_root=tmp_path / "other-media")
    with pytest.raises(CommandError, match="มีข้อมูลอยู่แล้ว"):
        call_command("restore_portal", str(dump), str(media), stdout=io.StringIO())


def test_backup_refuses_sqlite_with_the_reason():
    with pytest.raises(backup.BackupError, match="SQLite เป็นไฟล์เดียว"):
        backup.backup(Path("/nonexistent"), database={"ENGINE": "django.db.backends.sqlite3", "NAME": "x"})
