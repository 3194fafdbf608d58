"""Load national-scale data for `make bench` into an empty database (inspection_portal/bench_data.py)."""

import logging
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _

from inspection_portal import bench_data


class Command(BaseCommand):
    help = (
        "Fill an EMPTY database with national-scale data for the benchmark: every province x 10 finished fiscal "
        "years x 4 quarters, meetings per zone and quarter and one national meeting, published. Refuses a database "
        "that holds reports or meetings."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--years", type=int, default=10, help="Finished fiscal years (default 10).")
        parser.add_argument("--provinces", type=int, default=None, help="Only the first N provinces (default all).")
        parser.add_argument(
            "--render",
            choices=["none", "national", "sample"],
            default="sample",
            help="Published meetings whose Word and PDF are rendered now: none, the national one, or it and a "
            "sample zone meeting (default). The others are rendered at their first download.",
        )

    def handle(self, *args, years: int, provinces: int | None, render: str, **options) -> None:
        started = time.monotonic()
        for name in ("weasyprint", "fontTools"):  # their page-by-page chatter would bury the progress lines
            logging.getLogger(name).setLevel(logging.WARNING)
        sizes = bench_data.Sizes(years=years, provinces=provinces, rendered=render)

        def log(message: str) -> None:
            self.stdout.write(f"[{time.monotonic() - started:6.1f} s] {message}")

        try:
            result = bench_data.build(sizes, log=log)
        except bench_data.NotEmpty as error:
            raise CommandError(str(error)) from error
        if connection.vendor == "postgresql":
            # The planner's statistics, as autovacuum gathers them in production: a server running without it
            # (as a development one may) would otherwise plan every page for empty tables.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            log("statistics gathered (ANALYZE)")
        for line in bench_data.summary_of_counts(result):
            self.stdout.write(f"  {line}")
        self.stdout.write(f"national meeting: {result.national}; rendered: {result.rendered}")
        self.stdout.write(f"accounts (password {bench_data.PASSWORD}): {result.accounts}")
        done = _("Bench data loaded in %(seconds)d s.") % {"seconds": time.monotonic() - started}
        self.stdout.write(self.style.SUCCESS(done))
