"""Opening a page changes nothing but the learner's activity time (at most every ten
minutes): no quiz attempt is scored, no PDF stored, no flag cleared by a GET."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.models import QuizAttempt
from assessments.services import attempt_start
from certificates.models import Certificate, CertificateSettings
from courses.models import Enrolment
from courses.services import enrolment_create
from lms.dashboards.models import DashboardSettings
from lms.mentoring.services import mentor_assign
from tests.factories import lessons_of, make_ladder, make_mentor, make_quiz, staff_user

pytestmark = pytest.mark.django_db
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def writes(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code in (200, 302), (url, response.status_code)
    return [q["sql"] for q in queries if WRITE.match(q["sql"])]


def test_pages_of_every_role_write_nothing_but_the_throttled_activity(
    client, site_pages, regions, learner
):
    _home, index = site_pages
    ladder = make_ladder(index)
    mentor = make_mentor(regions["v1"])
    mentor_assign(learner=learner, mentor=mentor)
    enrolment_create(learner=learner, course=ladder.course)
    lesson = lessons_of(ladder.course)[0]
    timed = make_quiz("限时测验", time_limit_minutes=1)
    attempt, _ = attempt_start(learner=learner, quiz=timed)
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - datetime.timedelta(minutes=10)
    )
    from certificates.services import certificate_issue

    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    Certificate.objects.filter(pk=certificate.pk).update(pdf="")  # the task has not run yet

    client.force_login(learner)
    # Wagtail makes a settings row the first time anything reads it, once per installation.
    client.get(reverse("learn:dashboard"))
    for model in (DashboardSettings, CertificateSettings):
        model.load()
    Enrolment.objects.update(last_activity_at=None)
    first = writes(client, lesson.url)
    # Her activity, noted once, with the background refresh of her engagement facts it calls
    # for (the outbox: done after the commit).
    assert len(first) == 2 and "courses_enrolment" in first[0] and "core_outboxtask" in first[1]
    assert writes(client, lesson.url) == []  # within ten minutes: not again
    for url in (
        reverse("learn:dashboard"),
        reverse("assessments:quiz", args=[timed.pk]),
        reverse("assessments:attempt", args=[attempt.pk]),
        reverse("certificates:mine"),
        reverse("certificates:download", args=[certificate.pk]),
        index.url,
        ladder.course.url,
    ):
        assert writes(client, url) == [], url
    assert QuizAttempt.objects.get(pk=attempt.pk).submitted_at is None  # scored by a press
    assert not Certificate.objects.get(pk=certificate.pk).pdf  # stored by the task

    client.force_login(mentor)
    for url in (
        reverse("engagement:caseload"),
        reverse("mentoring:mentee", args=[learner.pk]),
        reverse("learn:learner_detail", args=[learner.pk]),
    ):
        assert writes(client, url) == [], url

    client.force_login(staff_user(regions["province"]))
    for url in (
        reverse("dashboards:index"),
        reverse("dashboards:at_risk"),
        reverse("dashboards:mentors"),
    ):
        assert writes(client, url) == [], url
    assert Enrolment.objects.get(learner=learner).last_activity_at is not None
