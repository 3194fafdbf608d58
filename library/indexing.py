"""Writing the findings' search index (library.FindingIndex): on each save, by command, in migrations."""

from collections.abc import Iterable

from django.db import connection

from library import thai_text

# The finding's own texts, and its project's names, in the order they are indexed.
TEXT_FIELDS = ("title", "problems", "causes", "measures", "what_done", "achieved")
PROJECT_FIELDS = ("project__name_th", "project__short_name")
BATCH = 500


def document(values: dict) -> str:
    """One finding's searchable text, from its values (TEXT_FIELDS and PROJECT_FIELDS)."""
    parts = [values.get(name) or "" for name in (*PROJECT_FIELDS, *TEXT_FIELDS)]
    return "\n".join(part for part in parts if part)


def uses_vector() -> bool:
    return connection.vendor == "postgresql"


def reindex(finding_ids: Iterable[int] | None = None, *, finding_model=None, index_model=None) -> int:
    """Write the index rows of these findings (all findings when None); return how many were written.

    The models may be given (a migration's historical ones); by default the app's own.
    """
    if finding_model is None:
        from reports.models import Finding as finding_model
    if index_model is None:
        from library.models import FindingIndex as index_model
    findings = finding_model.objects.order_by("pk")
    if finding_ids is not None:
        findings = findings.filter(pk__in=list(finding_ids))
    written = 0
    batch: list = []
    for values in findings.values("pk", *PROJECT_FIELDS, *TEXT_FIELDS).iterator(chunk_size=BATCH):
        batch.append(_row(index_model, values))
        if len(batch) >= BATCH:
            written += _write(index_model, batch)
            batch = []
    if batch:
        written += _write(index_model, batch)
    return written


def _row(index_model, values: dict):
    text = document(values)
    return index_model(finding_id=values["pk"], text=thai_text.normalize(text), words=thai_text.segmented(text))


def _write(index_model, rows: list) -> int:
    index_model.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["finding"], update_fields=["text", "words"]
    )
    if uses_vector():
        # The words through the `simple` configuration, the trigrams exactly as they are (no parser).
        table = connection.ops.quote_name(index_model._meta.db_table)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {table} SET vector = to_tsvector('simple', words), grams = array_to_tsvector(%s::text[]) "
                "WHERE finding_id = %s",
                [(thai_text.ngrams(row.text), row.finding_id) for row in rows],
            )
    return len(rows)
