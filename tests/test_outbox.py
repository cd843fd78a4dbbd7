"""The outbox (lms/core/outbox.py) from the outside: a write and the work that must follow it
commit together; each row is done once however often it is handed over; a failure is tried
again later and given up after too many; the platform team sees them in the admin."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from lms.core import outbox
from lms.core.models import OutboxTask
from lms.core.signals import activity_changed, progress_changed
from lms.core.tasks import enqueue_on_commit
from tests.conftest import COMMITTED_DB
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SETTLE = "lms.core.tasks.progress_settle_task"


@pytest.fixture
def no_broker_yet(settings):
    """Rows wait for a worker instead of running in-process after the commit."""
    settings.CELERY_TASK_ALWAYS_EAGER = False


def test_work_is_recorded_in_the_writers_transaction(no_broker_yet):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue_on_commit(SETTLE, [1])
        raise RuntimeError("the write failed")
    assert not OutboxTask.objects.exists()  # rolled back with the write
    with transaction.atomic():
        enqueue_on_commit(SETTLE, [1])
    assert OutboxTask.objects.get().done_at is None  # waits for a worker


@COMMITTED_DB
def test_one_row_per_transaction_for_the_ids_of_every_call(no_broker_yet):
    from django.db import transaction

    with transaction.atomic():
        progress_changed([3, 1])
        activity_changed([2, 3])
        progress_changed([1])
    row = OutboxTask.objects.get()
    assert row.args == [[1, 3], [2, 3]]  # progress, activity
    # A savepoint rolled back takes its row with it; the next call makes a new one.
    with transaction.atomic():
        try:
            with transaction.atomic():
                progress_changed([7])
                raise RuntimeError
        except RuntimeError:
            pass
        progress_changed([8])
    assert [r.args for r in OutboxTask.objects.order_by("pk")][1:] == [[[8], []]]


@COMMITTED_DB
def test_without_a_broker_a_transaction_is_settled_once_for_everyone(monkeypatch):
    """`make run` and the demo (one transaction): the row runs in-process after the commit,
    once, with the learners of every call."""
    from django.db import transaction

    from lms.core import tasks
    from lms.core.signals import learner_progress_settled

    settled = []
    monkeypatch.setattr(
        tasks,
        "_send_settled",
        lambda signal, ids: settled.append((signal is learner_progress_settled, sorted(ids))),
    )
    with transaction.atomic():
        progress_changed([3, 1])
        activity_changed([2, 3])
        progress_changed([1, 4])
    assert settled == [(True, [1, 3, 4]), (False, [2])]  # progress, then activity alone
    assert OutboxTask.objects.get().done_at is not None


def test_a_row_is_done_once_however_often_it_is_handed_over(no_broker_yet):
    learner = UserFactory()
    row = outbox.add(SETTLE, [[learner.pk]])
    assert outbox.run(row.pk) == "done"
    assert outbox.run(row.pk).startswith("done already")
    row.refresh_from_db()
    assert row.attempts == 1 and row.done_at is not None
    assert not outbox.due().exists()


def test_a_failing_task_is_tried_again_later_then_given_up(no_broker_yet, settings, monkeypatch):
    from lms.core import signals

    settings.OUTBOX_MAX_ATTEMPTS = 2

    def broken(**kwargs):
        raise ValueError("a receiver failed")

    signals.learner_progress_settled.connect(broken, dispatch_uid="test-broken")
    try:
        row = outbox.add(SETTLE, [[1]])
        assert outbox.run(row.pk) == "failed"
        row.refresh_from_db()
        assert row.failed_at is None and row.available_at > row.created_at
        assert "a receiver failed" in row.last_error
        assert not outbox.due().exists()  # not before its time
        assert outbox.run(row.pk) == "failed"
        row.refresh_from_db()
        assert row.failed_at is not None  # given up after two
    finally:
        signals.learner_progress_settled.disconnect(dispatch_uid="test-broken")
    call_command("outbox_relay", "--retry-failed", stdout=io.StringIO())
    row.refresh_from_db()
    assert row.failed_at is None and row.attempts == 0


def test_the_relay_waits_while_the_broker_is_down(no_broker_yet, monkeypatch):
    """Nothing is lost: the rows stay due and the relay says so."""
    from celery import current_app

    # The relay closes stale connections between passes; here that would end the test's
    # transaction.
    monkeypatch.setattr(outbox, "close_old_connections", lambda: None)
    outbox.add(SETTLE, [[1]])

    def fresh_connections():  # no connection kept from an earlier test's broker
        current_app._pool = None
        current_app.amqp._producer_pool = None

    current_app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens there
    fresh_connections()
    relay = outbox.Relay()
    try:
        relay.tick()
    finally:
        current_app.conf.broker_url = None
        fresh_connections()
    assert relay._complained
    assert outbox.due().count() == 1


def test_administrators_see_the_background_tasks_and_staff_do_not(client, no_broker_yet):
    from tests.factories import staff_user

    outbox.add(SETTLE, [[1]])
    url = reverse("background_tasks:index")
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get(url)
    assert response.status_code == 200 and "progress_settle_task" in response.content.decode()
    client.force_login(staff_user())
    assert client.get(url).status_code in (302, 403)


@COMMITTED_DB
def test_a_passed_quiz_leaves_one_row_for_her_progress_and_activity(no_broker_yet):
    """A submission writes one row of work to follow it (her progress, which settles her
    activity too), not a row and then a second write widening it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Locale

    from assessments.services import attempt_start, attempt_submit
    from tests.factories.assessments import make_quiz, right_answers, wrong_answers

    Locale.objects.get_or_create(language_code="zh-hans")  # flushed with the transaction test
    learner = UserFactory()
    attempt, _ = attempt_start(learner=learner, quiz=make_quiz(max_attempts=2))
    OutboxTask.objects.all().delete()
    with CaptureQueriesContext(connection) as captured:
        attempt_submit(attempt_id=attempt.pk, learner=learner, answers=right_answers(attempt))
    row = OutboxTask.objects.get()
    assert (row.task, row.args) == (SETTLE, [[learner.pk], []])
    writes = [q["sql"] for q in captured if "core_outboxtask" in q["sql"]]
    assert len(writes) == 1
    # A failed one changes only her activity.
    OutboxTask.objects.all().delete()
    attempt, _ = attempt_start(learner=learner, quiz=make_quiz(title="再来"))
    attempt_submit(attempt_id=attempt.pk, learner=learner, answers=wrong_answers(attempt))
    assert OutboxTask.objects.get().args == [[], [learner.pk]]
