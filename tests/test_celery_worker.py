"""One real round trip: a task sent to Redis, run by a real Celery worker process against the
test database, its effect visible to the test."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from courses.models import Enrolment
from lms.celery import app
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


@pytest.fixture
def worker():
    require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    require(
        connection.vendor == "postgresql",
        "the worker process must share the test database: run with DATABASE_URL=postgres://...",
    )
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.test",
        "DATABASE_URL": database_url(),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "--broker",
            settings.TEST_CELERY_BROKER_URL,
            "worker",
            "--queues",
            queue,
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
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    yield queue, process
    process.terminate()
    try:
        output, _ = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    print(output)  # shown when the test fails


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
