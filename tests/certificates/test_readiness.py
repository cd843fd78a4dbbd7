"""The readiness engine: each requirement kind moves from missing to met through the real
action, the words a learner reads, and one learner vs bulk agreeing over random data."""

import datetime
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from certificates.models import (
    ApprovalRequest,
    ApprovalStatus,
    Certificate,
    CertificateStatus,
    SignOff,
)
from certificates.readiness import held_or_ready_bulk, readiness_bulk, readiness_for
from certificates.readiness import ladder as load_ladder
from certificates.selectors import checklist
from certificates.services import certificate_issue, observation_record, sign_off_create
from lms.mentoring.services import mentor_assign
from lms.programme.models import Attendance
from tests.factories import (
    UserFactory,
    attend,
    complete_course,
    held_session,
    log_contact,
    make_mentor,
    pass_task,
    take_quiz,
)

pytestmark = pytest.mark.django_db


def _check(learner, level, kind):
    readiness = readiness_for(learner, level)
    return next(c for c in readiness.checks if c.kind == kind)


def test_course_requirement_counts_required_lessons(learner, ladder):
    check = _check(learner, ladder.primary, "course")
    assert (check.met, check.have, check.need) == (False, 0, 2)
    complete_course(learner, ladder.course)
    assert _check(learner, ladder.primary, "course").met


def test_quiz_requirement_reports_best_score_and_pass_mark(learner, ladder):
    take_quiz(learner, ladder.quiz, passing=False)
    items = {i.text: i for i in checklist(learner, ladder.primary).items}
    item = items["Pass the quiz “家访测验”"]
    assert not item.met
    assert item.detail == "best score 0%, needs 80%"
    assert item.url.endswith(f"/quizzes/{ladder.quiz.pk}/")
    take_quiz(learner, ladder.quiz)
    assert _check(learner, ladder.primary, "quiz").met


def test_task_requirement_follows_the_submission(learner, ladder, mentor):
    assert _check(learner, ladder.primary, "task").state == ""
    pass_task(learner, ladder.task, mentor)
    assert _check(learner, ladder.primary, "task").met


def test_sessions_count_attendance_of_the_level_only(learner, ladder, province):
    attend(learner, held_session(province, level="intermediate"))
    assert not _check(learner, ladder.primary, "sessions").met
    # Marked absent from a session of the level: still not met.
    Attendance.objects.create(session=held_session(province), learner=learner, present=False)
    assert not _check(learner, ladder.primary, "sessions").met
    attend(learner, held_session(province))
    assert _check(learner, ladder.primary, "sessions").met


def test_contacts_count(learner, ladder, mentor):
    assert _check(learner, ladder.primary, "contacts").have == 0
    log_contact(mentor, learner)
    assert _check(learner, ladder.primary, "contacts").met


def test_prerequisite_needs_a_current_certificate(learner, ladder):
    assert not _check(learner, ladder.intermediate, "prerequisite").met
    certificate, _ = certificate_issue(learner=learner, level=ladder.primary)
    assert _check(learner, ladder.intermediate, "prerequisite").met
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_on="2020-01-01", expires_on="2021-01-01"
    )
    assert not _check(learner, ladder.intermediate, "prerequisite").met


def test_co_facilitation_counts_passing_observations(learner, ladder, province, role_groups):
    trainer = make_mentor(province, display_name="培训师")
    session = held_session(province, level="trainer")
    session.facilitators.add(trainer)
    session.co_facilitators.add(learner)
    check = _check(learner, ladder.trainer, "co_facilitate")
    assert (check.have, check.need) == (0, 1)
    criteria = {str(c.pk): c.level_options()[-1][0] for c in ladder.rubric.criteria.all()}
    observation_record(
        session=session,
        candidate=learner,
        observer=trainer,
        rubric=ladder.rubric,
        choices=criteria,
        comment="带得很好",
    )
    assert _check(learner, ladder.trainer, "co_facilitate").met


def test_sign_off_needs_every_other_requirement_first(learner, ladder, mentor, province):
    with pytest.raises(Exception, match="every other requirement"):
        sign_off_create(learner=learner, level=ladder.primary, mentor=mentor, comment="准备好了")
    assert not SignOff.objects.exists()


def test_percent_counts_partial_progress(learner, ladder):
    complete_course(learner, ladder.course)
    readiness = readiness_for(learner, ladder.primary)
    # 1 of 6 requirements met, and nothing partial yet.
    assert readiness.percent == 16
    assert not readiness.is_ready


# --- Single vs bulk -----------------------------------------------------------------------


def _random_history(rng, learners, ladder, mentor, province):
    sessions = [held_session(province), held_session(province, level="intermediate")]
    for learner in learners:
        mentor_assign(learner=learner, mentor=mentor, replace_current=True)
        if rng.random() < 0.5:
            lessons = rng.randint(1, 2)
            from courses.services import lesson_complete
            from tests.factories import lessons_of

            for lesson in lessons_of(ladder.course)[:lessons]:
                lesson_complete(learner=learner, lesson=lesson)
        if rng.random() < 0.6:
            take_quiz(learner, ladder.quiz, passing=rng.random() < 0.5)
        if rng.random() < 0.4:
            pass_task(learner, ladder.task, mentor, label=rng.choice(["很好", "需要改进"]))
        for session in sessions:
            if rng.random() < 0.5:
                attend(learner, session)
        for _ in range(rng.randint(0, 2)):
            log_contact(mentor, learner)
        if rng.random() < 0.3:
            certificate_issue(learner=learner, level=ladder.primary)
            fate = rng.random()
            if fate < 0.3:  # it lapsed: recertifying asks a fresh sign-off
                Certificate.objects.filter(learner=learner).update(
                    issued_on=datetime.date(2019, 1, 1), expires_on=datetime.date(2020, 1, 1)
                )
            elif fate < 0.5:
                Certificate.objects.filter(learner=learner).update(
                    status=CertificateStatus.REVOKED, revoked_at=timezone.now()
                )
        if rng.random() < 0.2:
            ApprovalRequest.objects.create(
                learner=learner,
                level=ladder.primary,
                status=rng.choice([ApprovalStatus.DECLINED, ApprovalStatus.PENDING]),
            )
        if rng.random() < 0.2:
            SignOff.objects.get_or_create(
                learner=learner,
                level=ladder.primary,
                certificate=None,
                defaults={"mentor": mentor, "comment": "好"},
            )


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_bulk_and_single_agree_on_random_histories(seed, ladder, province, role_groups):
    rng = random.Random(seed)
    mentor = make_mentor(province, capacity=50)
    learners = [UserFactory(home_region=province) for _ in range(8)]
    _random_history(rng, learners, ladder, mentor, province)
    for level in load_ladder():
        bulk = readiness_bulk([u.pk for u in learners], level)
        # The overview's sets say the same as the Readiness of each.
        assert held_or_ready_bulk([u.pk for u in learners], level) == {
            pk for pk, readiness in bulk.items() if readiness.is_held_or_ready
        }
        for learner in learners:
            single = readiness_for(learner, level)
            assert bulk[learner.pk].key() == single.key(), (seed, level.slug, learner.pk)
            assert bulk[learner.pk].percent == single.percent


def _learners(n, province):
    from lms.accounts.models import User

    start = User.objects.count()
    User.objects.bulk_create(
        [User(username=f"bulk{start + i}", home_region=province) for i in range(n)]
    )
    return User.objects.filter(username__startswith="bulk").values_list("pk", flat=True)


def test_bulk_costs_the_same_queries_for_10_and_1000_learners(ladder, province):
    counts = []
    for n in (10, 1000):
        ids = _learners(n, province)
        level = load_ladder()[0]
        with CaptureQueriesContext(connection) as queries:
            result = readiness_bulk(ids, level)
        assert len(result) == len(ids)
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[0] <= 12
