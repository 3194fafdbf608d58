"""Attachments a province shares with its best practices, and who may download them."""

from django.db import transaction

from library.models import SharedAttachment
from reports.models import Attachment, Finding, ProvinceReport


def is_in_library(attachment: Attachment) -> bool:
    """True when the attachment is shared with a best practice the library shows (its report accepted)."""
    return SharedAttachment.objects.filter(
        attachment=attachment,
        finding__kind=Finding.Kind.BEST_PRACTICE,
        finding__report__status=ProvinceReport.Status.ACCEPTED,
    ).exists()


@transaction.atomic
def share(finding: Finding, attachments) -> None:
    """Make `attachments` (of the finding's report) exactly the ones shared with the best practice."""
    wanted = {attachment.pk for attachment in attachments}
    SharedAttachment.objects.filter(finding=finding).exclude(attachment__in=wanted).delete()
    have = set(SharedAttachment.objects.filter(finding=finding).values_list("attachment_id", flat=True))
    SharedAttachment.objects.bulk_create(
        [SharedAttachment(finding=finding, attachment_id=pk) for pk in sorted(wanted - have)]
    )
