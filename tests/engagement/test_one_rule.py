"""Engagement is one rule: her mentor's page, her mentor's digest, the staff at-risk list and
its export flag the same learners for the same reasons, and a threshold staff change in the
settings changes all of them at once."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Submission
from assessments.services import submission_draft_save, submission_submit
from certificates.models import Certificate
from certificates.services import certificate_issue
from courses.models import Enrolment
from courses.services import enrolment_create
from lms.engagement.facts import facts_refresh_all
from lms.engagement.models import EngagementSettings
from lms.engagement.services import mentor_digests_send
from lms.mentoring.models import CoachingContact
from lms.mentoring.services import mentor_assign
from lms.notifications.models import Notification, NotificationKind
from tests.factories import (
    CohortFactory,
    cohort_member,
    log_contact,
    make_ladder,
    make_mentor,
    make_quiz,
    staff_user,
    take_quiz,
    zh,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

STATES = ("inactive", "quiz_failures", "task_waiting", "no_contact", "follow_up", "expiring")


@pytest.fixture
def world(site_pages, regions):
    """A cohort whose mentor looks after one learner in each state, and one who is fine."""
    _home, index = site_pages
    ladder = make_ladder(index)
    today, now = timezone.localdate(), timezone.now()
    cohort = CohortFactory(region=regions["county"])
    mentor = make_mentor(regions["v1"], capacity=20, display_name="张丽华")

    def looked_after(name):
        person = cohort_member(cohort, name, region=regions["v1"], joined_days_ago=100)
        mentor_assign(learner=person, mentor=mentor)
        log_contact(mentor, person)
        enrolment_create(learner=person, course=ladder.course)
        Enrolment.objects.filter(learner=person).update(last_activity_at=now)
        return person

    people = {state: looked_after(state) for state in (*STATES, "fine")}
    Enrolment.objects.filter(learner=people["inactive"]).update(
        last_activity_at=now - datetime.timedelta(days=20)
    )
    quiz = make_quiz("安全测验", max_attempts=5)
    for _ in range(3):
        take_quiz(people["quiz_failures"], quiz, passing=False)
    waiting = people["task_waiting"]
    submission_draft_save(learner=waiting, task=ladder.task, text="方案", form_token="t1")
    submission_submit(learner=waiting, task=ladder.task)
    Submission.objects.filter(learner=waiting).update(
        submitted_at=now - datetime.timedelta(days=20)
    )
    CoachingContact.objects.filter(learner=people["no_contact"]).update(
        contact_date=today - datetime.timedelta(days=40)
    )
    CoachingContact.objects.filter(learner=people["follow_up"]).update(
        contact_date=today - datetime.timedelta(days=5), follow_up_on=today
    )
    certificate_issue(learner=people["expiring"], level=ladder.primary)
    Certificate.objects.filter(learner=people["expiring"]).update(
        expires_on=today + datetime.timedelta(days=10)
    )
    # The dates were moved behind the services' back (no event, and the test's transaction
    # never commits): count the engagement facts the staff list reads, as the nightly
    # refresh does (test_at_risk_facts.py checks that events keep them current).
    facts_refresh_all()
    return people, mentor, staff_user(regions["county"])


def mentor_flags(client, mentor):
    client.force_login(mentor)
    rows = client.get(reverse("engagement:caseload")).context["rows"]
    return {str(row.learner): set(row.flags) for row in rows if row.flags}


def staff_flags(client, staff):
    client.force_login(staff)
    page = client.get(reverse("dashboards:at_risk")).context["page"]
    return {row.learner.name: set(row.reasons) for row in page}


def exported_flags(client, staff):
    client.force_login(staff)
    response = client.get(reverse("dashboards:at_risk"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]
    return {row[0]: row[3] for row in rows}


def test_the_mentor_and_staff_flag_the_same_learners_for_the_same_reasons(client, world):
    _people, mentor, staff = world
    expected = {state: {state} for state in STATES}
    assert mentor_flags(client, mentor) == expected
    assert staff_flags(client, staff) == expected
    labels = {  # the admin speaks the staff member's language: Chinese
        "inactive": zh("No activity for %(days)s days", days=14),
        "quiz_failures": zh("%(n)s or more failed attempts at a quiz", n=3),
        "task_waiting": zh("Practical task waiting more than %(days)s days", days=14),
        "no_contact": zh("No coaching contact for %(days)s days", days=30),
        "follow_up": zh("Follow-up due"),
        "expiring": zh("Certificate expiring within %(days)s days", days=60),
    }
    assert exported_flags(client, staff) == labels
    # Her digest names the same learners.
    assert mentor_digests_send() == 1
    digest = Notification.objects.get(kind=NotificationKind.MENTOR_DIGEST).body
    assert {line.split(":")[0].strip("· ") for line in digest.splitlines()} == set(STATES)


def test_a_threshold_changed_in_the_settings_changes_every_view(client, world):
    _people, mentor, staff = world
    settings = EngagementSettings.load()
    settings.inactive_days = 30  # her 20 days without a lesson are fine now
    settings.expiry_warning_days = 5  # a certificate expiring in 10 days is too
    settings.save()
    expected = {state: {state} for state in STATES if state not in ("inactive", "expiring")}
    assert mentor_flags(client, mentor) == expected
    assert staff_flags(client, staff) == expected
    settings.no_contact_days = 10  # stricter: the follow-up visit 5 days ago is still fine
    settings.save()
    assert mentor_flags(client, mentor) == staff_flags(client, staff) == expected
    settings.no_contact_days = 3
    settings.save()
    stricter = {
        name: reasons | {"no_contact"} if name == "follow_up" else reasons
        for name, reasons in expected.items()
    }
    assert mentor_flags(client, mentor) == staff_flags(client, staff) == stricter


def test_the_mentee_page_names_the_same_reasons(client, world):
    people, mentor, _staff = world
    client.force_login(mentor)
    page = client.get(reverse("mentoring:mentee", args=[people["task_waiting"].pk]))
    body = page.content.decode()
    assert "Practical task waiting more than 14 days" in body
    assert "No activity for 14 days" not in body
    fine = client.get(reverse("mentoring:mentee", args=[people["fine"].pk])).content.decode()
    assert "Nothing needs your attention." in fine
