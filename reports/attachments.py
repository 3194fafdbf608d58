"""What an attachment may be: the kinds officers present, checked from the content."""

from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Extension → the content type the file's bytes must show.
ALLOWED_TYPES: dict[str, str] = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}
# filetype reads no more than this from the start of a file.
SNIFF_BYTES = 8192


def sniff(upload) -> str | None:
    """The content type the file's first bytes show, or None when unknown."""
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    return kind.mime if kind else None


def validate_upload(upload) -> str:
    """Check an uploaded file's size, extension and content; return its content type."""
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; files may be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    expected = ALLOWED_TYPES.get(PurePath(upload.name).suffix.lower())
    if expected is None:
        raise ValidationError(
            _("Only PDF, Word (DOCX), PowerPoint (PPTX), Excel (XLSX), JPEG and PNG files can be attached."),
            code="extension",
        )
    if sniff(upload) != expected:
        raise ValidationError(
            _("The file's content does not match its name: it is not a real %(extension)s file.")
            % {"extension": PurePath(upload.name).suffix.lower().lstrip(".").upper()},
            code="content",
        )
    return expected


def validate_room(report, upload) -> None:
    """Check that the report may take one more file of this size (settings ATTACHMENTS_PER_REPORT, ..._TOTAL_BYTES)."""
    from django.db.models import Count, Sum

    totals = report.attachments.aggregate(count=Count("pk"), size=Sum("size"))
    if totals["count"] >= settings.ATTACHMENTS_PER_REPORT:
        raise ValidationError(
            _("A report may have at most %(count)s attachments. Remove one you no longer need first.")
            % {"count": settings.ATTACHMENTS_PER_REPORT},
            code="too_many",
        )
    limit = settings.ATTACHMENTS_TOTAL_BYTES
    if (totals["size"] or 0) + upload.size > limit:
        raise ValidationError(
            _("The report's attachments may take at most %(limit)s in all; %(used)s are used already.")
            % {"limit": filesizeformat(limit), "used": filesizeformat(totals["size"] or 0)},
            code="report_full",
        )
