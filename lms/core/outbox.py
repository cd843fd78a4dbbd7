"""A transactional outbox: work that must follow a write is recorded in the write's own
transaction and done exactly once, whatever fails in between.

- `enqueue_on_commit(task, *args)` (lms/core/tasks.py) adds an OutboxTask row in the
  current transaction: a write that rolls back leaves no work; one that commits always does.
  The person's request never talks to the broker, so it succeeds while the broker is down.
- The relay (`relay()`), a thread in every Celery worker (lms/celery.py) and the command
  `manage.py outbox_relay`, hands waiting rows to the broker every OUTBOX_POLL_SECONDS, and
  hands again a row not done OUTBOX_REPUBLISH_SECONDS after it was handed over (a message
  lost with its worker or its broker). With the broker down it waits and tries again.
- A worker runs a row with `run(row_id)`: it locks the row (a second copy of the message
  skips it), runs the task and marks the row done in the same transaction, so the task's
  database changes and "done" commit together or not at all. A worker killed half-way
  leaves the row waiting, and it is done once by the next. A task whose work commits in
  steps of its own (an import, an export) is marked `outbox_atomic=False` and is idempotent
  itself. A failed task is tried again later (30 s, 1 min, 2 min … up to an hour), and given
  up after OUTBOX_MAX_ATTEMPTS (Settings › Background tasks lists it for administrators;
  `manage.py outbox_relay --retry-failed` tries the given-up ones again).
- Without a broker (development, tests) a row is run in-process right after the commit.
"""

import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.db.models import Q
from django.utils import timezone

from .models import OutboxTask

logger = logging.getLogger(__name__)

RUN_TASK = "lms.core.tasks.outbox_run_task"


class RetryLater(Exception):  # noqa: N818 - a request, not an error
    """Raised by a task that did part of its work and wants the rest tried again after
    `seconds` (what it did is kept)."""

    def __init__(self, seconds):
        super().__init__(f"try again in {seconds} s")
        self.seconds = seconds


def add(task_name: str, args) -> OutboxTask:
    return add_many(task_name, [args])[0]


def add_many(task_name: str, arguments) -> list[OutboxTask]:
    rows = [OutboxTask(task=task_name, args=list(args)) for args in arguments]
    if rows:
        _insert(rows)
    if rows and settings.CELERY_TASK_ALWAYS_EAGER:
        transaction.on_commit(lambda: [run(row.pk) for row in rows])
    return rows


def _insert(rows):
    """The rows, every field as the model gives it, in INSERT … RETURNING statements (as
    many rows each as the database takes): what bulk_create writes, at half its cost (one
    is on the path of every quiz submission)."""
    fields = [field for field in OutboxTask._meta.concrete_fields if not field.primary_key]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = "(" + ", ".join(["%s"] * len(fields)) + ")"
    size = connection.ops.bulk_batch_size(fields, rows)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            batch = rows[start : start + size]
            cursor.execute(
                f"INSERT INTO {quote(OutboxTask._meta.db_table)} ({columns}) "
                f"VALUES {', '.join([placeholders] * len(batch))} "
                f"RETURNING {quote(OutboxTask._meta.pk.column)}",
                [
                    field.get_db_prep_save(getattr(row, field.attname), connection)
                    for row in batch
                    for field in fields
                ],
            )
            for row, (pk,) in zip(batch, cursor.fetchall(), strict=True):
                row.pk = pk
                row._state.adding, row._state.db = False, connection.alias


def _backoff(attempts):
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 3600))


def _celery_task(name):
    from celery import current_app

    return current_app.tasks[name]


def run(row_id) -> str:
    """Do the row's work once. Returns what happened (for the logs and the tests)."""
    with transaction.atomic():
        row = (
            OutboxTask.objects.select_for_update(skip_locked=True)
            .filter(pk=row_id, done_at__isnull=True, failed_at__isnull=True)
            .first()
        )
        if row is None:
            return "done already, given up, or being done by another worker"
        task = _celery_task(row.task)
        if getattr(task, "outbox_atomic", True):
            return _run_here(row, task)
    # Work that commits in steps of its own: the row is only marked afterwards.
    return _run_in_steps(row_id, task)


def _run_here(row, task):
    row.attempts += 1
    later = None
    try:
        with transaction.atomic():
            try:
                task.run(*row.args)
            except RetryLater as exc:  # its work so far is kept: the savepoint commits
                later = exc
    except Exception as exc:
        logger.exception("background task %s failed", row)
        _failed(row, exc)
        return "failed"
    if later is not None:
        row.available_at = timezone.now() + timedelta(seconds=later.seconds)
        row.published_at = None
        row.save(update_fields=["attempts", "available_at", "published_at"])
        return "again later"
    row.done_at = timezone.now()
    row.save(update_fields=["attempts", "done_at"])
    return "done"


def _run_in_steps(row_id, task):
    row = OutboxTask.objects.get(pk=row_id)
    try:
        task.run(*row.args)
    except Exception as exc:
        logger.exception("background task %s failed", row)
        with transaction.atomic():
            row = OutboxTask.objects.select_for_update().get(pk=row_id)
            row.attempts += 1
            _failed(row, exc)
        return "failed"
    OutboxTask.objects.filter(pk=row_id).update(done_at=timezone.now(), attempts=row.attempts + 1)
    return "done"


def _failed(row, exc):
    row.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    row.published_at = None
    if row.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        row.failed_at = timezone.now()
    else:
        row.available_at = timezone.now() + _backoff(row.attempts)
    row.save(update_fields=["attempts", "last_error", "published_at", "failed_at", "available_at"])


def due(now=None):
    now = now or timezone.now()
    republish = now - timedelta(seconds=settings.OUTBOX_REPUBLISH_SECONDS)
    return OutboxTask.objects.filter(
        Q(published_at__isnull=True) | Q(published_at__lt=republish),
        done_at__isnull=True,
        failed_at__isnull=True,
        available_at__lte=now,
    )


def relay(limit=200) -> int:
    """Hand due rows to the broker; returns how many. Raises when the broker is down (the
    rows stay due).

    The rows are marked handed over, and that committed, before they are published: a
    worker that receives one at once must find it unlocked (it skips a locked row, which
    would then wait OUTBOX_REPUBLISH_SECONDS). If publishing fails the mark is taken back."""
    from celery import current_app

    with transaction.atomic():
        ids = list(
            due()
            .select_for_update(skip_locked=True)
            .order_by("pk")
            .values_list("pk", flat=True)[:limit]
        )
        if not ids:
            return 0
        OutboxTask.objects.filter(pk__in=ids).update(published_at=timezone.now())
    try:
        with current_app.producer_or_acquire() as producer:
            for pk in ids:
                current_app.send_task(RUN_TASK, args=[pk], producer=producer)
    except Exception:
        OutboxTask.objects.filter(pk__in=ids, done_at__isnull=True).update(published_at=None)
        raise
    return len(ids)


def backlog():
    """(waiting, seconds the oldest has waited) for /healthz and the admin."""
    waiting = OutboxTask.objects.filter(done_at__isnull=True, failed_at__isnull=True)
    oldest = waiting.order_by("created_at").values_list("created_at", flat=True).first()
    age = (timezone.now() - oldest).total_seconds() if oldest else 0
    return waiting.count(), age


class Relay(threading.Thread):
    """The relay loop, in a thread of a worker (or of `manage.py outbox_relay`)."""

    def __init__(self, interval=None):
        super().__init__(name="outbox-relay", daemon=True)
        self.interval = interval or settings.OUTBOX_POLL_SECONDS
        self.stopping = threading.Event()
        self._complained = False

    def run(self):
        while not self.stopping.is_set():
            self.tick()
            self.stopping.wait(self.interval)
        close_old_connections()

    def tick(self):
        try:
            close_old_connections()
            while relay() == 200:
                pass
            if self._complained:
                logger.warning("background tasks are being sent to the workers again")
            self._complained = False
        except Exception as exc:  # noqa: BLE001 - broker or database down: try again later
            if not self._complained:
                logger.warning("background tasks wait: cannot hand them to a worker (%s)", exc)
            self._complained = True

    def stop(self):
        self.stopping.set()
