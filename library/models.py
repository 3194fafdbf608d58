"""The best-practice library: the findings' search index and the attachments shared with best practices."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from reports.models import Attachment, Finding


class FindingIndex(models.Model):
    """A finding's text made searchable; kept in step by library.signals and `manage.py reindex`.

    `text` is the finding's text normalised (thai_text.normalize), for the substring fallback;
    `words` the same text cut into words, space-separated. On PostgreSQL `vector` is
    to_tsvector('simple', words) and `grams` the text's character trigrams (thai_text.ngrams),
    each GIN-indexed (migration 0001 makes the indexes on PostgreSQL only): the first finds
    words, the second the candidates of the substring fallback, as pg_trgm would.
    """

    finding = models.OneToOneField(
        Finding, on_delete=models.CASCADE, primary_key=True, related_name="search_index", verbose_name=_("finding")
    )
    text = models.TextField(_("normalised text"), blank=True)
    words = models.TextField(_("segmented text"), blank=True)
    vector = SearchVectorField(null=True, editable=False)
    grams = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")

    def __str__(self) -> str:
        return str(self.finding_id)


class SharedAttachment(models.Model):
    """An attachment of a report that its province shares with one of the report's best practices.

    Readers from other provinces see and download only shared attachments; the rest stay as
    private as the report.
    """

    finding = models.ForeignKey(
        Finding, on_delete=models.CASCADE, related_name="shared_attachments", verbose_name=_("best practice")
    )
    attachment = models.ForeignKey(
        Attachment, on_delete=models.CASCADE, related_name="shared_with", verbose_name=_("attachment")
    )
    shared_at = models.DateTimeField(_("shared"), auto_now_add=True)

    class Meta:
        ordering = ["attachment__uploaded_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["finding", "attachment"], name="unique_shared_attachment"),
        ]
        verbose_name = _("shared attachment")
        verbose_name_plural = _("shared attachments")

    def __str__(self) -> str:
        return f"{self.attachment} → {self.finding}"
