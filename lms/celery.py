"""The Celery app. Tasks run in-process (eagerly, after commit) unless CELERY_BROKER_URL is set.

Every worker also runs the outbox relay (lms/core/outbox.py) in a thread: it hands the work
that writes recorded to the broker, and keeps trying while the broker is down."""

import os

from celery import Celery, bootsteps

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


class OutboxRelay(bootsteps.StartStopStep):
    """The outbox relay thread, started and stopped with the worker."""

    def __init__(self, worker, **kwargs):
        super().__init__(worker, **kwargs)
        self.relay = None

    def start(self, worker):
        from lms.core.outbox import Relay

        self.relay = Relay()
        self.relay.start()

    def stop(self, worker):
        if self.relay is not None:
            self.relay.stop()


app.steps["worker"].add(OutboxRelay)
