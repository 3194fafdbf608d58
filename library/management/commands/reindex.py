from django.core.management.base import BaseCommand

from library import indexing
from library.models import FindingIndex
from reports.models import Finding


class Command(BaseCommand):
    help = "Rebuild the findings' search index (all findings, or with --missing only those not indexed yet)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--missing", action="store_true", help="Index only findings that have no index entry.")

    def handle(self, *args, missing: bool = False, **options) -> None:
        ids = None
        if missing:
            ids = Finding.objects.exclude(pk__in=FindingIndex.objects.values("pk")).values_list("pk", flat=True)
        written = indexing.reindex(ids)
        FindingIndex.objects.exclude(finding__in=Finding.objects.all()).delete()
        self.stdout.write(f"Indexed {written} findings.")
