"""Enqueueing work that must follow a write.

A service names the task it wants by its dotted path instead of importing the tasks module
(which imports the service: the task is a thin wrapper around it), so that services and tasks
never import each other."""

import logging

from celery import shared_task
from django.conf import settings
from django.utils.module_loading import import_string

from .transactions import in_test_transaction

logger = logging.getLogger(__name__)


def enqueue_on_commit(task_path: str, *args):
    """Have the Celery task at `task_path` ("app.tasks.name") run with these (JSON)
    arguments once the current transaction commits, exactly once, even if the broker or a
    worker fails meanwhile (nothing runs if it rolls back): a row of the outbox, written in
    this transaction (lms/core/outbox.py). Without a broker the task runs in-process right
    after the commit."""
    from .outbox import add

    add(import_string(task_path).name, args)


def enqueue_ids_on_commit(task_path: str, ids, *, group=0, groups=1, covered_by=None):
    """The task at `task_path` after the commit, with `groups` lists of ids as its arguments,
    these ids in list number `group`: once per transaction, the ids of every call made in it
    going to one run (one outbox row, written by the first call and widened by the next).
    Ids already in list number `covered_by` need nothing more (the task does for them what
    this list asks, and more)."""
    from django.db import transaction

    from .models import OutboxTask
    from .outbox import add

    task = import_string(task_path).name
    connection = transaction.get_connection()
    # Without a broker too, the row runs once for everyone, in-process after the commit (a
    # demo loaded in one transaction settles each learner once, not after each of her steps).
    # Inside a test's wrapping transaction, which never commits, each call keeps a row.
    eager = settings.CELERY_TASK_ALWAYS_EAGER
    if not connection.in_atomic_block or (eager and in_test_transaction(connection)):
        add(task, [sorted(ids) if number == group else [] for number in range(groups)])
        return
    pending = connection.__dict__.setdefault("outbox_rows_of_transaction", {})
    entry = pending.get(task)
    # The entry is this transaction's while its marker waits among the commit callbacks
    # (they are cleared at the commit or rollback, and with a savepoint rolled back).
    if entry is not None and any(c[1] is entry["marker"] for c in connection.run_on_commit):
        known = entry["ids"][group]
        if covered_by is not None:
            known = known | entry["ids"][covered_by]
        if set(ids) <= known:
            return
        entry["ids"][group] |= set(ids)
        OutboxTask.objects.filter(pk=entry["row"].pk).update(
            args=[sorted(each) for each in entry["ids"]]
        )
        return

    def marker():
        pending.pop(task, None)

    entry = {"ids": [set(ids) if number == group else set() for number in range(groups)]}
    entry["marker"] = marker
    entry["row"] = add(task, [sorted(each) for each in entry["ids"]])
    pending[task] = entry
    transaction.on_commit(marker)


def enqueue_each_on_commit(task_path: str, arguments):
    """enqueue_on_commit once for each tuple of arguments (one insert for all)."""
    from .outbox import add_many

    add_many(import_string(task_path).name, [tuple(args) for args in arguments])


@shared_task(acks_late=True)
def outbox_run_task(row_id: int) -> str:
    """A worker's part of the outbox: do the row's work once."""
    from .outbox import run

    return run(row_id)


@shared_task(acks_late=True)
def progress_settle_task(learner_ids: list, activity_ids: list = ()):
    """Everything that follows a transaction's committed changes (signals.py): the progress
    of `learner_ids`, and the activity of `activity_ids` (those whose progress did not
    change too)."""
    from .signals import learner_activity_settled, learner_progress_settled

    if learner_ids:
        _send_settled(learner_progress_settled, learner_ids)
    if activity := set(activity_ids) - set(learner_ids):
        _send_settled(learner_activity_settled, activity)


def _send_settled(signal, learner_ids):
    """Each receiver runs even if another fails; the task fails if any did (and is tried
    again: the receivers only count again what is true)."""
    failures = [
        (receiver, result)
        for receiver, result in signal.send_robust(sender=None, learner_ids=sorted(learner_ids))
        if isinstance(result, Exception)
    ]
    for receiver, error in failures:
        logger.error("after a change of %s: %r failed", learner_ids, receiver, exc_info=error)
    if failures:
        raise failures[0][1]
