import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction

from lms.mentoring.models import MentorAssignment
from lms.mentoring.services import mentor_assign, mentor_assignment_end
from lms.notifications.models import Notification
from tests.conftest import COMMITTED_DB, require
from tests.factories import UserFactory, make_mentor, staff_user

pytestmark = pytest.mark.django_db


def test_assigning_tells_the_learner_and_the_mentor_once(
    regions, sms_outbox, django_capture_on_commit_callbacks
):
    mentor = make_mentor(regions["v1"], display_name="张丽华")
    learner = UserFactory(home_region=regions["v1"], display_name="王小梅")
    with django_capture_on_commit_callbacks(execute=True):
        assignment = mentor_assign(learner=learner, mentor=mentor, reason="开班")
    assert assignment.is_active
    learner_note = Notification.objects.get(recipient=learner)
    mentor_note = Notification.objects.get(recipient=mentor)
    assert "张丽华" in learner_note.title
    assert "王小梅" in mentor_note.title
    assert sorted(m["phone"] for m in sms_outbox) == sorted([learner.phone, mentor.phone])


def test_the_database_allows_one_active_mentor_per_learner(regions):
    learner = UserFactory()
    MentorAssignment.objects.create(learner=learner, mentor=make_mentor())
    with pytest.raises(IntegrityError), transaction.atomic():
        MentorAssignment.objects.create(learner=learner, mentor=make_mentor())


def test_a_learner_with_a_mentor_is_refused_unless_reassigned(regions):
    first, second = make_mentor(regions["v1"]), make_mentor(regions["v1"])
    learner = UserFactory(home_region=regions["v1"])
    old = mentor_assign(learner=learner, mentor=first)
    with pytest.raises(ValidationError, match="already has a mentor|已经有带教老师"):
        mentor_assign(learner=learner, mentor=second)
    assert MentorAssignment.objects.get(ended_at__isnull=True).mentor == first

    new = mentor_assign(learner=learner, mentor=second, reason="搬家了", replace_current=True)
    old.refresh_from_db()
    assert old.ended_at is not None and old.end_reason == "搬家了"
    assert new.mentor == second and new.is_active
    assert MentorAssignment.objects.filter(learner=learner).count() == 2  # history kept


@pytest.mark.parametrize(
    "make,message",
    [
        (lambda r: make_mentor(r["v1"], capacity=1), "capacity|上限"),
        (lambda r: make_mentor(r["v1"], active=False), "eligible|带教资格"),
        (lambda r: make_mentor(r["v1"], eligible=False), "eligible|带教资格"),
    ],
    ids=["over capacity", "inactive mentor", "not eligible"],
)
def test_refused_assignments_change_nothing(regions, make, message):
    mentor = make(regions)
    if mentor.mentor_profile.capacity == 1:
        mentor_assign(learner=UserFactory(), mentor=mentor)
    before = MentorAssignment.objects.count()
    with pytest.raises(ValidationError, match=message):
        mentor_assign(learner=UserFactory(home_region=regions["v1"]), mentor=mentor)
    assert MentorAssignment.objects.count() == before


def test_staff_cannot_assign_a_learner_outside_their_regions(regions):
    staff = staff_user(regions["county"])
    outsider = UserFactory(home_region=regions["other_county"])
    with pytest.raises(PermissionDenied):
        mentor_assign(learner=outsider, mentor=make_mentor(regions["v1"]), actor=staff)
    assert not MentorAssignment.objects.exists()


def test_ending_needs_a_reason_and_keeps_the_history(regions):
    assignment = mentor_assign(learner=UserFactory(), mentor=make_mentor())
    with pytest.raises(ValidationError):
        mentor_assignment_end(assignment=assignment, reason="  ")
    mentor_assignment_end(assignment=assignment, reason="学员退出")
    assignment.refresh_from_db()
    assert assignment.ended_at and assignment.end_reason == "学员退出"
    with pytest.raises(ValidationError):
        mentor_assignment_end(assignment=assignment, reason="again")


@COMMITTED_DB
def test_two_staff_assigning_the_same_learner_at_once_one_wins(regions):
    require(connection.vendor == "postgresql", "row locks and concurrent writes need PostgreSQL")
    learner = UserFactory(home_region=regions["v1"])
    mentors = [make_mentor(regions["v1"]), make_mentor(regions["v1"])]
    staff = [staff_user(regions["county"]), staff_user(regions["county"])]
    barrier = threading.Barrier(2)
    outcomes = []

    def assign(i):
        from django.db import connections

        try:
            barrier.wait()
            mentor_assign(learner=learner, mentor=mentors[i], actor=staff[i])
            outcomes.append("assigned")
        except ValidationError as exc:
            outcomes.append(exc.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=assign, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert outcomes.count("assigned") == 1
    [loser] = [o for o in outcomes if o != "assigned"]
    # Depending on timing the loser is stopped by the unique index or sees the winner's row.
    assert any(
        words in loser for words in ("a moment ago", "already has a mentor", "刚刚", "已经有")
    )
    assert MentorAssignment.objects.filter(learner=learner, ended_at__isnull=True).count() == 1
