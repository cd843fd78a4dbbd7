"""Mentors, assignments and coaching contacts, through the mentoring services."""

import datetime
import uuid

from django.utils import timezone

from lms.accounts import roles
from lms.mentoring.models import MentorAssignment
from lms.mentoring.services import coaching_contact_log, mentor_profile_save

from .accounts import UserFactory


def make_mentor(home_region=None, *, capacity=10, serves=(), eligible=True, active=True, **kwargs):
    user = UserFactory(home_region=home_region, roles=[roles.MENTOR], **kwargs)
    mentor_profile_save(
        user=user,
        regions=list(serves),
        is_eligible=eligible,
        is_active=active,
        capacity=capacity,
        shares_phone=True,
    )
    return user


def log_contact(mentor, learner, *, days_ago=0, follow_up=None, follow_up_in=None, note=""):
    """A coaching contact through the service, `days_ago` days back. The follow-up is a date
    or a number of days after the contact."""
    date = timezone.localdate() - datetime.timedelta(days=days_ago)
    if timezone.localtime(learner.date_joined).date() > date:
        # A contact before she joined is refused: she joined the day before, then.
        joined = timezone.make_aware(datetime.datetime.combine(date, datetime.time(9)))
        type(learner).objects.filter(pk=learner.pk).update(
            date_joined=joined - datetime.timedelta(days=1)
        )
        learner.refresh_from_db(fields=["date_joined"])
    if follow_up_in is not None:
        follow_up = date + datetime.timedelta(days=follow_up_in)
    return coaching_contact_log(
        mentor=mentor,
        learner=learner,
        contact_date=date,
        mode="home_visit",
        minutes=30,
        summary="谈了家访",
        follow_up_on=follow_up,
        private_note=note,
        client_token=uuid.uuid4(),
    )[0]


def backdate_assignment(assignment, days):
    """Pretend the assignment started `days` days ago."""
    MentorAssignment.objects.filter(pk=assignment.pk).update(
        started_at=timezone.now() - datetime.timedelta(days=days)
    )
