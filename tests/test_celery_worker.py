"""One real round trip: a task sent to Redis, run by a real Celery worker process against the
test database, its effect visible to the test."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from courses.models import Enrolment
from lms.celery import app
from lms.mentoring.services import mentor_assign
from lms.programme.models import CohortMembership
from lms.programme.tasks import cohort_enrol_members_task
from tests.conftest import COMMITTED_DB, port_open, require
from tests.factories import CohortFactory, UserFactory, make_course, make_site

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.celery_worker,
    COMMITTED_DB,
]


def database_url():
    db = connection.settings_dict
    user = db["USER"] or "postgres"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return (
        f"postgres://{user}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    )


class Worker:
    """A real Celery worker process (solo pool) on the test database, with its own queue,
    its relay thread handing it the outbox's rows through `broker`."""

    def __init__(self, broker, queue=None, **env):
        self.broker, self.queue = broker, queue or f"test-{uuid.uuid4().hex[:8]}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.test",
            "DATABASE_URL": database_url(),
            "TEST_WORKER_BROKER": broker,
            "TEST_WORKER_QUEUE": self.queue,
            "OUTBOX_POLL_SECONDS": "0.2",
            **env,
        }
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "lms",
                "worker",
                "--queues",
                self.queue,
                "--pool",
                "solo",
                "--concurrency",
                "1",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "--loglevel",
                "INFO",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        return self

    def stop(self):
        if self.process is None:
            return ""
        if self.process.poll() is None:
            self.process.terminate()
        try:
            output, _ = self.process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            output, _ = self.process.communicate()
        print(output)  # shown when the test fails
        return output


def wait_for(condition, seconds=90, worker=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        if worker is not None and worker.process.poll() is not None:
            return condition()
        time.sleep(0.3)
    return condition()


def require_worker_services():
    require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    require(
        connection.vendor == "postgresql",
        "the worker process must share the test database: run with DATABASE_URL=postgres://...",
    )


@pytest.fixture
def worker():
    require_worker_services()
    running = Worker(settings.TEST_CELERY_BROKER_URL).start()
    yield running.queue, running.process
    running.stop()


def test_cohort_enrolment_runs_on_a_real_worker(worker):
    queue, process = worker
    _home, index = make_site()
    courses = [make_course(index, level="primary", modules=1, lessons=1) for _ in range(2)]
    cohort = CohortFactory(level="primary")
    members = [UserFactory() for _ in range(3)]
    for member in members:
        CohortMembership.objects.create(cohort=cohort, learner=member)

    app.conf.task_always_eager = False
    try:
        with app.connection_for_write(settings.TEST_CELERY_BROKER_URL) as conn:
            cohort_enrol_members_task.apply_async((cohort.pk,), queue=queue, connection=conn)
    finally:
        app.conf.task_always_eager = True

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if Enrolment.objects.count() == len(members) * len(courses):
            break
        time.sleep(0.5)
    assert Enrolment.objects.count() == 6
    assert set(Enrolment.objects.values_list("source", flat=True)) == {"cohort"}


def test_certificate_award_and_pdf_run_on_a_real_worker(worker, settings, tmp_path):
    """The progress task, sent twice (a retry), issues one certificate, and the PDF task it
    queues runs in the worker too (the worker has no broker of its own: tasks it sends run
    in-process after the commit)."""
    from certificates.models import Certificate
    from certificates.tasks import certificate_award_task
    from tests.factories import make_level

    queue, process = worker
    make_site()
    make_level("primary", 1, requirements=[("contacts", {})])
    mentor, learner = UserFactory(), UserFactory(display_name="王小梅")
    from lms.mentoring.models import CoachingContact

    CoachingContact.objects.create(
        mentor=mentor,
        learner=learner,
        contact_date="2026-01-05",
        mode="phone_call",
        minutes=20,
        summary="x",
        client_token=uuid.uuid4(),
    )

    app.conf.task_always_eager = False
    try:
        with app.connection_for_write(settings.TEST_CELERY_BROKER_URL) as conn:
            for _ in range(2):
                certificate_award_task.apply_async(([learner.pk],), queue=queue, connection=conn)
    finally:
        app.conf.task_always_eager = True

    deadline = time.monotonic() + 90
    certificate = None
    while time.monotonic() < deadline and process.poll() is None:
        certificate = Certificate.objects.filter(learner=learner).first()
        if certificate and certificate.pdf_rendered_at:
            break
        time.sleep(0.5)
    assert Certificate.objects.filter(learner=learner).count() == 1
    assert certificate.pdf_rendered_at is not None and certificate.pdf.name.endswith(".pdf")


# --- Faults: the broker down, a worker killed (the outbox: lms/core/outbox.py) ------------


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def private_redis(port):
    """A Redis of the test's own on `port`, stopped by its PID afterwards."""
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
        + ["--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_for(lambda: port_open("127.0.0.1", port), 20), "redis-server did not start"
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=20)


def ready_for_sign_off(email="chunyan@example.org"):
    from tests.factories import make_ladder, make_mentor, make_region
    from tests.factories.certificates import meet_primary_except_sign_off

    _home, index = make_site()
    ladder = make_ladder(index)
    region = make_region("贵州省")
    mentor = make_mentor(region)
    learner = UserFactory(display_name="李春燕", email=email, home_region=region)
    mentor_assign(learner=learner, mentor=mentor)
    meet_primary_except_sign_off(learner, ladder, mentor, region)
    return ladder, mentor, learner


def everything_done(learner):
    from certificates.models import Certificate
    from lms.core.models import OutboxTask

    return (
        Certificate.objects.filter(learner=learner, pdf_rendered_at__isnull=False).exists()
        and not OutboxTask.objects.filter(done_at__isnull=True).exists()
    )


def test_a_sign_off_while_the_broker_is_down_issues_one_certificate_once_it_is_back(
    client, settings
):
    from certificates.models import Certificate, SignOff
    from lms.core.models import OutboxTask
    from lms.notifications.models import Delivery, NotificationKind

    require_worker_services()
    port = free_port()
    # The web process's broker: nothing listens there now.
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{port}/0"
    ladder, mentor, learner = ready_for_sign_off()

    client.force_login(mentor)
    response = client.post(
        reverse("certificates:sign_off", args=[learner.pk]),
        {"level": ladder.primary.pk, "comment": "她准备好了"},
    )
    assert response.status_code == 302  # her sign-off is saved; nothing failed
    assert SignOff.objects.filter(learner=learner).count() == 1
    assert not Certificate.objects.filter(learner=learner).exists()
    assert OutboxTask.objects.filter(done_at__isnull=True).exists()  # the work waits

    with private_redis(port) as broker:  # the broker is back
        # The default settings: a row handed over is not handed again for five minutes, so
        # each must be done at its first delivery (a worker must never find it still locked
        # by the relay that published it).
        restored = Worker(broker).start()
        try:
            assert wait_for(lambda: everything_done(learner), 90, restored)
        finally:
            restored.stop()
    certificate = Certificate.objects.get(learner=learner)  # exactly one
    assert certificate.pdf.name.endswith(".pdf")
    deliveries = Delivery.objects.filter(
        notification__recipient=learner, notification__kind=NotificationKind.CERTIFICATE_ISSUED
    )
    assert sorted(deliveries.values_list("channel", flat=True)) == ["email", "sms"]
    assert all(d.sent_at and d.attempts == 1 for d in deliveries)  # each channel once


def test_a_worker_killed_while_issuing_leaves_exactly_one_certificate(tmp_path):
    from certificates.models import Certificate
    from certificates.services import sign_off_create

    require_worker_services()
    ladder, mentor, learner = ready_for_sign_off()
    with private_redis(free_port()) as broker:
        from django.test import override_settings

        with override_settings(CELERY_TASK_ALWAYS_EAGER=False):
            sign_off_create(learner=learner, level=ladder.primary, mentor=mentor, comment="好")
        mark = tmp_path / "killed"
        doomed = Worker(
            broker,
            TEST_WORKER_FAULT="kill-while-issuing",
            TEST_WORKER_FAULT_MARK=str(mark),
            OUTBOX_REPUBLISH_SECONDS="2",
        ).start()
        try:
            assert wait_for(lambda: doomed.process.poll() is not None, 120)
        finally:
            doomed.stop()
        assert doomed.process.returncode == -signal.SIGKILL and mark.exists()
        assert not Certificate.objects.filter(learner=learner).exists()  # rolled back with it

        # The message died unacknowledged with its worker; the next worker's relay hands the
        # row again, and it is done once.
        successor = Worker(broker, queue=doomed.queue, OUTBOX_REPUBLISH_SECONDS="2").start()
        try:
            assert wait_for(lambda: everything_done(learner), 150, successor)
        finally:
            successor.stop()
    assert Certificate.objects.filter(learner=learner).count() == 1
