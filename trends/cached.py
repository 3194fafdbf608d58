"""The trends' numbers, tables and charts, computed once per version of the data and kept in the shared cache.

At national scale the trend pages spent most of their time in six GROUP BY queries over
every finding and figure of ten years (30–55 ms a request) and in building the charts.
They now read one small query first, `data_version()`: the number of reports, the sum of
their versions and their latest save, the highest finding and figure ids, the latest
change recorded in the history of findings, provinces, zones, quarters and projects, and
how many of those there are. Every change the numbers depend on moves one of these:
a submission, acceptance, return or reopening moves the report's `version` (and its
`updated_at`); a saved report or finding (the officer's form, the admin, carry-forward)
moves `version`, `updated_at` or the findings' history; a province moved to another
zone, a quarter's deadline or a project's name is recorded in their history; rows added
in bulk raise a count or an id. The entry is stored under a key made of that version,
what the page shows (scope, years, quarter, today) and the language, so a change makes
a new key and no one is shown numbers older than the data: the old entries are never
read again and expire.
"""

import hashlib
import pickle
import zlib

from django.core.cache import cache
from django.db import connection
from django.utils.translation import get_language

from provinces.models import InspectionZone, Province
from reports.models import Finding, FindingFigure, Project, ProvinceReport, ReportingPeriod

# How long an entry is kept (seconds): a stale one is never read, so this only bounds the cache's size.
TIMEOUT = 24 * 3600


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _version_sql() -> str:
    """The reports' count, versions and last save in one scan of the reports; the rest from indexes and small tables."""
    parts = [f"SELECT MAX(id) FROM {_table(Finding)}", f"SELECT MAX(id) FROM {_table(FindingFigure)}"]
    for model in (Finding, Province, InspectionZone, ReportingPeriod, Project):
        parts.append(f"SELECT MAX(history_date) FROM {_table(model.history.model)}")
    for model in (Province, InspectionZone, ReportingPeriod, Project):
        parts.append(f"SELECT COUNT(*) FROM {_table(model)}")
    others = ", ".join(f"({part})" for part in parts)
    return f"SELECT COUNT(*), SUM(version), MAX(updated_at), {others} FROM {_table(ProvinceReport)}"


def data_version() -> str:
    """A fingerprint of everything the trends count: one query, whatever the data (indexed maxima, small counts)."""
    with connection.cursor() as cursor:
        cursor.execute(_version_sql())
        row = cursor.fetchone()
    return "|".join(str(value) for value in row)


def get_or_build(what: tuple, build):
    """The value `build()` returns for `what` (a tuple of plain values) on the data as it is now, from the cache
    when it was built on the same data: one query and one cache read when it is there.

    Stored pickled and compressed (the pages' HTML and tables shrink about sixfold), so the database cache moves
    a sixth of the bytes: the cache pickles what it stores anyway, and only this module writes these keys.
    """
    fingerprint = repr((what, get_language(), data_version()))
    key = "trends:v2:" + hashlib.sha256(fingerprint.encode()).hexdigest()
    stored = cache.get(key)
    if stored is not None:
        return pickle.loads(zlib.decompress(stored))  # noqa: S301 (written below, by this module only)
    value = build()
    cache.set(key, zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1), TIMEOUT)
    return value
