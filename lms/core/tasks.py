"""Enqueueing work that must follow a write.

A service names the task it wants by its dotted path instead of importing the tasks module
(which imports the service: the task is a thin wrapper around it), so that services and tasks
never import each other."""

import logging

from celery import shared_task
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def enqueue_on_commit(task_path: str, *args, **kwargs):
    """Send the Celery task at `task_path` ("app.tasks.name") with these arguments once the
    current transaction commits (nothing is sent if it rolls back). Without a broker the task
    runs in-process right after the commit."""
    import_string(task_path).delay_on_commit(*args, **kwargs)


def enqueue(task_path: str, *args, **kwargs):
    """Send the Celery task at `task_path` now (after a commit)."""
    import_string(task_path).delay(*args, **kwargs)


@shared_task(acks_late=True)
def progress_settle_task(learner_ids: list):
    """Everything that follows these learners' committed progress (signals.py): each
    receiver runs even if another fails; the task fails if any did."""
    from .signals import learner_progress_settled

    failures = [
        (receiver, result)
        for receiver, result in learner_progress_settled.send_robust(
            sender=None, learner_ids=sorted(learner_ids)
        )
        if isinstance(result, Exception)
    ]
    for receiver, error in failures:
        logger.error("after progress of %s: %r failed", learner_ids, receiver, exc_info=error)
    if failures:
        raise failures[0][1]
