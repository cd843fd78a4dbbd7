from django.core.management.base import BaseCommand
from django.utils import timezone

from lms.core.models import OutboxTask
from lms.core.outbox import Relay, backlog


class Command(BaseCommand):
    help = (
        "Hand the outbox's waiting work to the broker (every Celery worker already does this; "
        "run it alone where workers run without it). --once: one pass, then report."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true")
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="try again the tasks given up after too many failures (then stop)",
        )

    def handle(self, *args, once=False, retry_failed=False, **options):
        if retry_failed:
            again = OutboxTask.objects.filter(failed_at__isnull=False, done_at__isnull=True).update(
                failed_at=None, attempts=0, available_at=timezone.now(), published_at=None
            )
            self.stdout.write(f"{again} given-up tasks will be tried again")
            return
        relay = Relay()
        if once:
            relay.tick()
            waiting, age = backlog()
            self.stdout.write(f"{waiting} waiting, the oldest for {age:.0f} s")
            return
        relay.run()
