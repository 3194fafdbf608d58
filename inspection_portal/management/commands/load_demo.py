"""Load the demo data of every app (reports/demo.py, meetings/demo.py) and print the demo accounts."""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from meetings import demo as meeting_demo
from reports import demo


class Command(BaseCommand):
    help = "Load the demo data: FY 2564 Q3 of zones 12 and 18 as in the seed, its meeting, and demo accounts."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--force", action="store_true", help="Load even though DEBUG is off.")
        parser.add_argument(
            "--reset-passwords", action="store_true", help="Set the demo accounts' passwords back to the listed ones."
        )
        parser.add_argument("--no-publish", action="store_true", help="Leave the seed's meeting unpublished.")

    def handle(self, *args, force: bool, reset_passwords: bool, no_publish: bool, **options) -> None:
        if not settings.DEBUG and not force:
            raise CommandError(
                _(
                    "DEBUG is off, so this looks like a production site: the demo data would add demo accounts "
                    "with known passwords. Run with --force if you really want it."
                )
            )
        result = meeting_demo.load(force_publish=not no_publish, reset_passwords=reset_passwords)
        self._print_created(result["created"])
        for note in result["notes"]:
            self.stdout.write(self.style.WARNING(note))
        if result["meeting"].is_published:
            self.stdout.write(_("The seed's follow-up meeting is published."))
        self._print_accounts(result["accounts"])

    def _print_created(self, created: dict[str, int]) -> None:
        made = {label: count for label, count in created.items() if count}
        if not made:
            self.stdout.write(_("The demo data was already loaded: nothing created."))
            return
        self.stdout.write(self.style.SUCCESS(_("Demo data created:")))
        for label, count in made.items():
            self.stdout.write(f"  {capfirst(apps.get_model(label)._meta.verbose_name_plural)}: {count}")

    def _print_accounts(self, accounts: list[demo.Account]) -> None:
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(_("Demo accounts:")))
        rows = [(_("Username"), _("Password"), _("Role"))]
        rows += [(account.username, account.password, _role(account)) for account in accounts]
        widths = [max(len(row[column]) for row in rows) for column in range(2)]
        for row in rows:
            self.stdout.write(f"  {row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]}")


def _role(account: demo.Account) -> str:
    if account.role == "officer":
        return _("officer of %(province)s") % {"province": account.province}
    if account.role == "inspector":
        return _("inspector of zones %(zones)s") % {"zones": ", ".join(str(number) for number in demo.ZONES)}
    return _("administrator")
