from django.core.management.base import BaseCommand

from lms.core.outbox import Relay, backlog


class Command(BaseCommand):
    help = (
        "Hand the outbox's waiting work to the broker (every Celery worker already does this; "
        "run it alone where workers run without it). --once: one pass, then report."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true")

    def handle(self, *args, once=False, **options):
        relay = Relay()
        if once:
            relay.tick()
            waiting, age = backlog()
            self.stdout.write(f"{waiting} waiting, the oldest for {age:.0f} s")
            return
        relay.run()
