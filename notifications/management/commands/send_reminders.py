"""Create the reminders that are due, then send the outbox. Run it every minute or few from cron.

Which reminders exist is the business of the apps that know the quarter's work: the
setting NOTIFICATION_REMINDERS lists their functions (each takes the moment and returns
how many notices it created). Both steps are idempotent; two runs at once send each
e-mail once.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.module_loading import import_string

from notifications import delivery


class Command(BaseCommand):
    help = "Create the reminders that are due and send the e-mails waiting in the outbox."

    def add_arguments(self, parser):
        parser.add_argument("--no-reminders", action="store_true", help="Only send the outbox.")

    def handle(self, *args, no_reminders: bool = False, **options) -> None:
        now = timezone.now()
        created = 0
        if not no_reminders:
            for path in settings.NOTIFICATION_REMINDERS:
                created += import_string(path)(now)
        outcome = delivery.deliver_due()  # from now on: it includes the reminders just written
        self.stdout.write(
            f"reminders created: {created}; e-mails sent: {outcome.sent}, "
            f"to retry: {outcome.retrying}, failed: {outcome.failed}"
        )
