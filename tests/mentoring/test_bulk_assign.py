"""Assigning many mentors at once (the learner import): the rules of one assignment, all or
nothing, in a fixed number of queries."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.accounts.models import User
from lms.mentoring.models import MentorAssignment
from lms.mentoring.services import mentor_assign_bulk
from lms.notifications.models import Notification
from tests.factories import UserFactory, make_mentor, staff_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def learners(regions, count):
    return [UserFactory(home_region=regions["v1"]) for _ in range(count)]


def test_each_learner_gets_her_mentor_who_is_told_once(
    regions, sms_outbox, django_capture_on_commit_callbacks
):
    staff = staff_user(regions["county"])
    mentor = make_mentor(regions["v1"], display_name="张丽华")
    mentees = learners(regions, 3)
    with django_capture_on_commit_callbacks(execute=True):
        created = mentor_assign_bulk(
            pairs=[(m.pk, mentor.pk) for m in mentees], actor=staff, reason="导入"
        )
    assert len(created) == 3
    for assignment in MentorAssignment.objects.filter(ended_at__isnull=True):
        assert assignment.mentor == mentor and assignment.assigned_by == staff
        assert assignment.start_reason == "导入"
    for mentee in mentees:
        assert "张丽华" in Notification.objects.get(recipient=mentee).title
    assert Notification.objects.filter(recipient=mentor).count() == 3

    with django_capture_on_commit_callbacks(execute=True):
        again = mentor_assign_bulk(pairs=[(m.pk, mentor.pk) for m in mentees], actor=staff)
    assert again == [] and MentorAssignment.objects.count() == 3  # already hers: unchanged
    assert Notification.objects.count() == 6


def test_another_current_mentor_is_replaced_and_the_history_kept(regions):
    staff = staff_user(regions["county"])
    first, second = make_mentor(regions["v1"]), make_mentor(regions["v1"])
    learner = UserFactory(home_region=regions["v1"])
    old = MentorAssignment.objects.create(learner=learner, mentor=first)
    mentor_assign_bulk(pairs=[(learner.pk, second.pk)], actor=staff, reason="搬家了")
    old.refresh_from_db()
    assert old.ended_at is not None and old.end_reason == "搬家了" and old.ended_by == staff
    assert MentorAssignment.objects.get(learner=learner, ended_at__isnull=True).mentor == second


def test_a_replaced_mentor_frees_her_place(regions):
    """The learner leaving a full mentor for another makes room for a new mentee of hers."""
    full = make_mentor(regions["v1"], capacity=1)
    other = make_mentor(regions["v1"])
    moving, newcomer = learners(regions, 2)
    MentorAssignment.objects.create(learner=moving, mentor=full)
    mentor_assign_bulk(pairs=[(moving.pk, other.pk), (newcomer.pk, full.pk)])
    assert MentorAssignment.objects.get(learner=newcomer, ended_at__isnull=True).mentor == full


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda r, ls: (make_mentor(r["v1"], capacity=2), ls), "has room for 2 more mentees"),
        (lambda r, ls: (make_mentor(r["v1"], active=False), ls), "not an active, eligible"),
        (lambda r, ls: (make_mentor(r["v1"], eligible=False), ls), "not an active, eligible"),
        (lambda r, ls: (ls[0], ls), "cannot be her own mentee"),
    ],
    ids=["over capacity", "inactive", "not eligible", "herself"],
)
def test_a_broken_rule_refuses_every_pair(regions, setup, message):
    mentees = learners(regions, 3)
    mentor, mentees = setup(regions, mentees)
    with pytest.raises(ValidationError, match=message):
        mentor_assign_bulk(pairs=[(m.pk, mentor.pk) for m in mentees])
    assert not MentorAssignment.objects.exists()


def test_staff_assign_only_learners_they_manage(regions):
    staff = staff_user(regions["county"])
    mentor = make_mentor(regions["v1"])
    inside = UserFactory(home_region=regions["v1"])
    outside = UserFactory(home_region=regions["other_county"])
    with pytest.raises(PermissionDenied):
        mentor_assign_bulk(pairs=[(inside.pk, mentor.pk), (outside.pk, mentor.pk)], actor=staff)
    assert not MentorAssignment.objects.exists()


def test_staff_assign_only_mentors_of_their_regions(regions):
    staff = staff_user(regions["county"])
    elsewhere = make_mentor(regions["other_county"])
    learner = UserFactory(home_region=regions["v1"])
    with pytest.raises(PermissionDenied, match="mentors of your regions"):
        mentor_assign_bulk(pairs=[(learner.pk, elsewhere.pk)], actor=staff)
    assert not MentorAssignment.objects.exists()


def test_the_queries_are_the_same_for_5_or_50_pairs(regions):
    staff_id = staff_user(regions["county"]).pk

    def queries_for(count):
        staff = User.objects.get(pk=staff_id)  # her regions not yet cached on the object
        mentors = [make_mentor(regions["v1"], capacity=count) for _ in range(2)]
        mentees = learners(regions, count)
        # Half of them had another mentor, to be replaced.
        MentorAssignment.objects.bulk_create(
            MentorAssignment(learner=m, mentor=mentors[0]) for m in mentees[: count // 2]
        )
        with CaptureQueriesContext(connection) as queries:
            created = mentor_assign_bulk(
                pairs=[(m.pk, mentors[1].pk) for m in mentees], actor=staff
            )
        assert len(created) == count
        return len(queries)

    queries_for(1)  # her roles are kept in memory from the first call on
    assert queries_for(5) == queries_for(50)
