"""Cohorts and their members, face-to-face sessions and attendance."""

import datetime

import factory
from django.utils import timezone

from courses.levels import Level
from lms.programme.models import (
    Attendance,
    Cohort,
    CohortMembership,
    MembershipStatus,
    TrainingSession,
)

from .accounts import UserFactory, make_region, on_platform_since


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    name = factory.Sequence(lambda n: f"班级{n}")
    level = Level.PRIMARY
    region = factory.LazyFunction(make_region)
    start_date = datetime.date(2026, 9, 1)
    target_date = datetime.date(2027, 6, 30)


def cohort_member(cohort, name, *, region=None, joined_days_ago=0, status=None):
    """A learner who joined the cohort (and the platform) `joined_days_ago` days ago."""
    person = UserFactory(display_name=name, home_region=region or cohort.region)
    on_platform_since(person, joined_days_ago)
    CohortMembership.objects.create(
        cohort=cohort,
        learner=person,
        status=status or MembershipStatus.ACTIVE,
        joined_on=timezone.localdate() - datetime.timedelta(days=joined_days_ago),
    )
    return person


def make_session(
    region=None,
    *,
    level=Level.PRIMARY,
    capacity=10,
    starts_in=datetime.timedelta(days=7),
    hours=6,
    facilitators=(),
    **fields,
):
    """A training session starting `starts_in` from now (negative: it has started) and lasting
    `hours`, led by `facilitators`."""
    starts_at = timezone.now() + starts_in
    fields.setdefault("title", f"{Level(level).label}面授培训")
    fields.setdefault("venue", "镇文化站二楼")
    session = TrainingSession.objects.create(
        region=region or make_region(),
        level=level,
        capacity=capacity,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=hours),
        **fields,
    )
    session.facilitators.add(*facilitators)
    return session


def held_session(region=None, **fields):
    """A session that took place yesterday (attendance at it counts)."""
    return make_session(region, starts_in=datetime.timedelta(days=-1), **fields)


def attend(learner, session):
    return Attendance.objects.create(session=session, learner=learner, present=True)
