"""The province generator makes the data set the dashboard benchmark needs, and removes it."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from certificates.models import Certificate
from lms.accounts.models import Region, User
from lms.mentoring.models import MentorAssignment
from lms.programme.models import Attendance, Cohort, CohortMembership
from tests.factories import make_ladder

pytestmark = pytest.mark.django_db


def test_generates_a_province_in_proportion_and_deletes_it(site_pages):
    _home, index = site_pages
    make_ladder(index)
    call_command(
        "generate_province", learners=300, villages=40, mentors=6, cohorts=5, code="t", seed=1
    )
    province = Region.objects.get(code="t")
    assert Region.objects.filter(path__startswith=province.path, kind="village").count() == 40
    assert User.objects.filter(username__startswith="t-learner-").count() == 300
    assert Cohort.objects.filter(region__path__startswith=province.path).count() == 5
    assert CohortMembership.objects.filter(learner__username__startswith="t-").count() == 300
    assigned = MentorAssignment.objects.filter(learner__username__startswith="t-").count()
    assert 200 < assigned < 300  # most, not all, have a mentor
    # Mentors hold the whole ladder; some learners hold levels below their cohort's.
    assert Certificate.objects.filter(learner__username__startswith="t-mentor-").count() == 18
    assert Certificate.objects.filter(learner__username__startswith="t-learner-").exists()
    assert Attendance.objects.filter(learner__username__startswith="t-").exists()

    with pytest.raises(CommandError, match="exists"):
        call_command("generate_province", learners=10, villages=2, mentors=1, cohorts=1, code="t")
    # `make benchmark-dashboards` runs it again: with --if-missing that changes nothing.
    call_command("generate_province", learners=10, code="t", if_missing=True, stdout=io.StringIO())
    assert User.objects.filter(username__startswith="t-learner-").count() == 300
    call_command("generate_province", code="t", delete=True)
    assert not Region.objects.filter(code="t").exists()
    assert not User.objects.filter(username__startswith="t-").exists()


def test_needs_the_ladder_first(db):
    with pytest.raises(CommandError, match="seed_demo"):
        call_command("generate_province", learners=1, villages=1, mentors=1, cohorts=1)
