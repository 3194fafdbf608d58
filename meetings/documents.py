"""A meeting's summary as files: rendered once when published, on demand while a draft.

Publishing renders the Word and PDF files of the published summary and stores them through
Django's storage API (STORAGES["default"]: the file system by default, S3-compatible storage
if a deployment configures it); a download of a published summary serves the stored file
and renders nothing; publishing again replaces the files. A summary published before the
files existed gets them at its first download, once.

A draft is rendered at each download, within the machine's render slots (meetings/pdf.py)
and refused when it is too long (exports.SummaryTooLarge).
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone

from inspection_portal.lib.thai import THAI_MONTHS, be_year
from meetings import exports, pdf, summary
from meetings.models import FollowUpMeeting

# A draft's file is kept in the cache this long, when no larger than this (render_draft).
DRAFT_FILE_CACHE_SECONDS = 24 * 3600
DRAFT_FILE_CACHE_MAX_BYTES = 20 * 1024 * 1024
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Format:
    extension: str
    content_type: str
    field: str  # the meeting's FileField holding the published file


FORMATS = {
    "pdf": Format("pdf", "application/pdf", "published_pdf"),
    "docx": Format("docx", DOCX_TYPE, "published_docx"),
}


def person_name(user) -> str:
    """The name a document gives a person: the full (Thai) name, else the username."""
    if user is None:
        return ""
    return user.get_full_name().strip() or user.get_username()


def render(meeting: FollowUpMeeting, tree: dict, fmt: Format, *, draft: bool, info: exports.DocumentInfo) -> bytes:
    """One file of the summary, rendered in one of the machine's render slots."""
    exports.check_size(tree)
    with pdf.render_slot():
        if fmt.extension == "pdf":
            return exports.to_pdf(tree, draft=draft, page_numbers=meeting.page_numbers)
        return exports.to_docx(tree, info, draft=draft, page_numbers=meeting.page_numbers)


def render_draft(meeting: FollowUpMeeting, fmt: Format) -> bytes:
    """The unpublished summary (the draft, or the summary built now), marked as a draft.

    A stored draft's file is kept in the shared cache under the draft's summary_token (meetings/rendered.py),
    the page numbers and the inspector's name it gives, so downloading an unchanged draft again renders
    nothing; any change of the draft has a new token. The file's date is that of its first rendering."""
    named = hashlib.sha256(person_name(meeting.inspector).encode()).hexdigest()[:16]
    key = f"meetings:draft-file:v2:{meeting.pk}:{meeting.summary_token}:{fmt.extension}:{meeting.page_numbers}:{named}"
    cached = cache.get(key)
    if cached is not None:
        # The limit is the one in force now, as for a draft rendered now.
        if cached["characters"] > settings.SUMMARY_MAX_CHARACTERS:
            raise exports.SummaryTooLarge(cached["characters"])
        return cached["content"]
    stored = meeting.draft  # read after the token (a deferred field): never older than the token names
    tree = stored if stored is not None else summary.build(meeting)
    info = exports.DocumentInfo(person_name(meeting.inspector), timezone.now())
    content = render(meeting, tree, fmt, draft=True, info=info)
    if stored is not None and len(content) <= DRAFT_FILE_CACHE_MAX_BYTES:
        cache.set(key, {"characters": exports.characters(tree), "content": content}, DRAFT_FILE_CACHE_SECONDS)
    return content


@transaction.atomic
def publish(meeting: FollowUpMeeting, by) -> None:
    """Publish the meeting's draft and store its Word and PDF files; if rendering fails, nothing is published."""
    if meeting.draft is not None:
        exports.check_size(meeting.draft)  # before anything changes
    replaced = stored_names(meeting)
    meeting.publish(by=by)
    _store(meeting, FORMATS.values())
    kept = stored_names(meeting)
    transaction.on_commit(lambda: _delete(meeting, replaced - kept))


def stored_names(meeting: FollowUpMeeting) -> set[str]:
    return {getattr(meeting, fmt.field).name for fmt in FORMATS.values() if getattr(meeting, fmt.field)}


def _store(meeting: FollowUpMeeting, formats) -> None:
    """Render the published summary in these formats and keep the files on the meeting."""
    info = exports.DocumentInfo(person_name(meeting.published_by), meeting.published_at)
    written: list[FieldFile] = []
    try:
        for fmt in formats:
            content = render(meeting, meeting.published, fmt, draft=False, info=info)
            digest = hashlib.sha256(content).hexdigest()[:24]
            field = getattr(meeting, fmt.field)
            field.save(f"{digest}.{fmt.extension}", ContentFile(content), save=False)
            written.append(field)
        meeting.save(update_fields=[fmt.field for fmt in formats])
    except BaseException:
        for field in written:  # the transaction rolls back; the files it wrote go too
            field.storage.delete(field.name)
        raise


def _delete(meeting: FollowUpMeeting, names: set[str]) -> None:
    storage = meeting.published_pdf.storage
    for name in names:
        storage.delete(name)


def published_file(meeting: FollowUpMeeting, fmt: Format) -> FieldFile:
    """The stored file of the published summary, rendered first if it was published before files were kept."""
    if not getattr(meeting, fmt.field):
        with transaction.atomic():
            locked = FollowUpMeeting.objects.select_for_update().get(pk=meeting.pk)
            if not getattr(locked, fmt.field):  # another request may have stored it while this one waited
                _store(locked, [fmt])
            setattr(meeting, fmt.field, getattr(locked, fmt.field).name)
    return getattr(meeting, fmt.field)


def etag(field: FieldFile) -> str:
    """The stored name is made of the content's hash, so it changes exactly when the content does."""
    return f'"{Path(field.name).stem}"'


# --- file names ------------------------------------------------------------------------


# What a file holds, in its Thai and its ASCII name.
CONTENTS = {"summary": ("สรุปการประชุม", "summary"), "findings": ("ประเด็นที่รายงาน", "findings")}


def file_names(
    meeting: FollowUpMeeting, zone_numbers: list[int], extension: str, *, draft: bool, what: str = "summary"
) -> tuple[str, str]:
    """(Thai, ASCII) names of a meeting's file: what it holds, zones, quarter and year, and the meeting's id.

    For example สรุปการประชุม-เขต12-18-ไตรมาส3-2564-m17.pdf and summary-zone12-18-q3-2564-m17.pdf;
    a monthly follow-up is named by its month and Buddhist-era year (…-เดือนมีนาคม2564-… / …-month03-2564-…);
    a draft's names start with ร่าง / draft.
    """
    period = meeting.period
    zones = "-".join(str(number) for number in sorted(zone_numbers))
    thai_what, ascii_what = CONTENTS[what]
    if meeting.is_monthly and meeting.month is not None:
        year = be_year(meeting.month.year)
        thai_when = f"เดือน{THAI_MONTHS[meeting.month.month - 1]}{year}"
        ascii_when = f"month{meeting.month.month:02d}-{year}"
    else:
        thai_when = f"ไตรมาส{period.quarter}-{period.fiscal_year}"
        ascii_when = f"q{period.quarter}-{period.fiscal_year}"
    thai = f"{thai_what}-เขต{zones}-{thai_when}-m{meeting.pk}.{extension}"
    ascii_name = f"{ascii_what}-zone{zones}-{ascii_when}-m{meeting.pk}.{extension}"
    if draft:
        thai, ascii_name = f"ร่าง-{thai}", f"draft-{ascii_name}"
    return thai, ascii_name
