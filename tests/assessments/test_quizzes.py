"""Quiz rules through the services: scoring of every kind, pools and shuffling, limits, the
time limit, forged answers, and lessons that complete only when their quiz is passed."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models.signals import post_save
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from assessments.models import AttemptAnswer, QuizAttempt
from assessments.services import attempt_answers_save, attempt_start, attempt_submit
from courses.models import LessonCompletion
from courses.services import lesson_complete
from tests.factories import (
    UserFactory,
    lessons_of,
    make_course,
    make_quiz,
    put_quiz_in_lesson,
    questions_of,
    right_answers,
    wrong_answers,
)

pytestmark = pytest.mark.django_db


def _submit(learner, attempt, answers):
    return attempt_submit(attempt_id=attempt.pk, learner=learner, answers=answers)


def test_every_kind_scores_right_and_wrong(learner):
    quiz = make_quiz(pass_mark=60)
    single, multiple, true_false = questions_of(quiz)
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    ids = {q.pk: [c for c, _t in q.choice_options()] for q in (single, multiple)}
    attempt, outcome = _submit(
        learner,
        attempt,
        {
            single.pk: [ids[single.pk][0]],  # right
            multiple.pk: [ids[multiple.pk][0]],  # only one of the two right ones: wrong
            true_false.pk: ["false"],  # the statement is false: right
        },
    )
    assert outcome == "submitted"
    assert (attempt.correct_count, attempt.question_count, attempt.score) == (2, 3, 67)
    assert attempt.passed is True
    by_question = {a.question_id: a.is_correct for a in attempt.answers.all()}
    assert by_question == {single.pk: True, multiple.pk: False, true_false.pk: True}


def test_multiple_choice_needs_every_right_choice_and_no_wrong_one(learner):
    quiz = make_quiz(
        questions=[("multiple", "选两个", [("甲", True), ("乙", True), ("丙", False)])]
    )
    (question,) = questions_of(quiz)
    a, b, c = (cid for cid, _t in question.choice_options())
    outcomes = []
    for answer in ([a, b], [a, b, c], [a], []):
        attempt, _ = attempt_start(learner=learner, quiz=quiz)
        attempt, _ = _submit(learner, attempt, {question.pk: answer})
        outcomes.append(attempt.score)
    assert outcomes == [100, 0, 0, 0]


def test_unanswered_questions_count_as_wrong_and_below_pass_mark_fails(learner):
    quiz = make_quiz(pass_mark=80)
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    first = questions_of(quiz)[0]
    attempt, _ = _submit(learner, attempt, {first.pk: right_answers(attempt)[first.pk]})
    assert (attempt.score, attempt.passed) == (33, False)
    assert attempt.answers.count() == 3  # every question has a row, for the statistics


def test_a_pool_draws_the_asked_number_of_different_questions(learner):
    quiz = make_quiz(questions=[("true_false", f"第{i}题", True) for i in range(8)], draw_count=3)
    pool = {q.pk for q in questions_of(quiz)}
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    assert len(attempt.question_ids) == 3 == len(set(attempt.question_ids))
    assert set(attempt.question_ids) <= pool
    attempt, _ = _submit(learner, attempt, right_answers(attempt))
    assert (attempt.question_count, attempt.score) == (3, 100)


def test_shuffling_changes_the_order_between_attempts_but_keeps_every_choice(learner):
    choices = [(f"答案{i}", i == 0) for i in range(6)]
    quiz = make_quiz(
        questions=[("single", f"第{i}题", choices) for i in range(6)],
        shuffle_questions=True,
        shuffle_choices=True,
    )
    question_orders, choice_orders = set(), set()
    for _ in range(6):
        attempt, _ = attempt_start(learner=learner, quiz=quiz)
        question_orders.add(tuple(attempt.question_ids))
        first = attempt.question_ids[0]
        choice_orders.add(tuple(attempt.choice_order[str(first)]))
        question = next(q for q in questions_of(quiz) if q.pk == first)
        assert sorted(attempt.choice_order[str(first)]) == sorted(
            c for c, _t in question.choice_options()
        )
        _submit(learner, attempt, {})
    # 720 orders each: six equal draws in a row would be a broken shuffle.
    assert len(question_orders) > 1 and len(choice_orders) > 1


def test_without_shuffling_questions_keep_the_editors_order(learner):
    quiz = make_quiz()
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    assert attempt.question_ids == [q.pk for q in questions_of(quiz)]


def test_starting_twice_resumes_the_open_attempt(learner):
    quiz = make_quiz()
    first, created = attempt_start(learner=learner, quiz=quiz)
    again, created_again = attempt_start(learner=learner, quiz=quiz)
    assert (created, created_again, again.pk) == (True, False, first.pk)
    assert QuizAttempt.objects.count() == 1


def test_attempts_over_the_limit_are_refused_with_a_message(learner):
    quiz = make_quiz(max_attempts=2)
    for _ in range(2):
        attempt, _ = attempt_start(learner=learner, quiz=quiz)
        _submit(learner, attempt, wrong_answers(attempt))
    with pytest.raises(ValidationError) as exc:
        attempt_start(learner=learner, quiz=quiz)
    assert exc.value.messages == ["You have used all 2 attempts at this quiz."]
    assert QuizAttempt.objects.filter(learner=learner).count() == 2


def test_attempt_numbers_are_unique_per_learner_and_quiz_in_the_database(learner):
    quiz = make_quiz()
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    _submit(learner, attempt, {})
    with pytest.raises(IntegrityError), transaction.atomic():
        QuizAttempt.objects.create(
            learner=learner, quiz=quiz, number=1, submitted_at=timezone.now()
        )


def test_a_second_submit_changes_nothing(learner):
    quiz = make_quiz()
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    attempt, outcome = _submit(learner, attempt, right_answers(attempt))
    again, second = _submit(learner, attempt, wrong_answers(attempt))
    assert (outcome, second) == ("submitted", "already")
    assert again.score == 100 and again.submitted_at == attempt.submitted_at
    assert AttemptAnswer.objects.filter(attempt=attempt, is_correct=True).count() == 3


def test_a_submission_is_stored_in_one_statement_on_postgresql_and_announced_as_a_save(learner):
    """The scored attempt and her answers are written together (one database round trip on
    PostgreSQL), and the attempt's save is announced as the ORM announces it: her pages and
    her engagement facts follow it."""
    quiz = make_quiz()
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    heard = []

    def listener(sender, instance, created, update_fields, **kwargs):
        heard.append((instance.pk, created, set(update_fields), instance.submitted_at))

    post_save.connect(listener, sender=QuizAttempt, dispatch_uid="test-heard")
    try:
        with CaptureQueriesContext(connection) as queries:
            attempt, outcome = _submit(learner, attempt, right_answers(attempt))
    finally:
        post_save.disconnect(dispatch_uid="test-heard", sender=QuizAttempt)
    assert outcome == "submitted"
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT", "WITH"))
        and ("quizattempt" in q["sql"] or "attemptanswer" in q["sql"])
    ]
    if connection.vendor == "postgresql":
        assert len(writes) == 1 and writes[0].startswith("WITH")
    else:
        assert len(writes) == 2
    stored = QuizAttempt.objects.get(pk=attempt.pk)
    assert (stored.score, stored.passed, stored.correct_count) == (100, True, 3)
    assert stored.submitted_at == attempt.submitted_at
    assert AttemptAnswer.objects.filter(attempt=attempt, is_correct=True).count() == 3
    assert heard == [
        (
            attempt.pk,
            False,
            {"question_count", "correct_count", "score", "passed", "submitted_at", "timed_out"},
            attempt.submitted_at,
        )
    ]


def _expire(attempt, seconds_ago=120):
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - datetime.timedelta(seconds=seconds_ago)
    )


def test_a_submit_after_the_time_limit_scores_only_what_was_saved_in_time(learner):
    quiz = make_quiz(time_limit_minutes=5)
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    assert attempt.deadline - attempt.started_at == datetime.timedelta(minutes=5)
    first = questions_of(quiz)[0]
    attempt_answers_save(
        attempt_id=attempt.pk, learner=learner, answers={first.pk: right_answers(attempt)[first.pk]}
    )
    _expire(attempt)
    attempt, outcome = _submit(learner, attempt, right_answers(attempt))
    assert outcome == "late"
    assert (attempt.correct_count, attempt.timed_out) == (1, True)


def test_the_grace_period_lets_a_slow_network_submit(learner, settings):
    settings.QUIZ_DEADLINE_GRACE_SECONDS = 30
    quiz = make_quiz(time_limit_minutes=5)
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    _expire(attempt, seconds_ago=10)
    attempt, outcome = _submit(learner, attempt, right_answers(attempt))
    assert (outcome, attempt.score) == ("submitted", 100)


def test_saving_after_the_time_limit_is_refused(learner):
    quiz = make_quiz(time_limit_minutes=1)
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    _expire(attempt)
    with pytest.raises(ValidationError, match="time for this quiz is up"):
        attempt_answers_save(attempt_id=attempt.pk, learner=learner, answers={})


def test_an_expired_open_attempt_is_scored_when_she_starts_again(learner):
    quiz = make_quiz(time_limit_minutes=1)
    old, _ = attempt_start(learner=learner, quiz=quiz)
    _expire(old)
    new, created = attempt_start(learner=learner, quiz=quiz)
    old.refresh_from_db()
    assert created and new.number == 2
    assert old.submitted_at is not None and old.timed_out


@pytest.mark.parametrize(
    "forge",
    [
        "choice_of_another_question",
        "question_not_in_attempt",
        "two_answers_to_single",
        "not_a_number",
    ],
)
def test_forged_answers_are_refused_and_nothing_is_saved(learner, forge):
    quiz = make_quiz(questions=[("true_false", f"第{i}题", True) for i in range(6)], draw_count=3)
    other_quiz = make_quiz(title="别的测验")
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    first, second = attempt.question_ids[:2]
    outside = next(q.pk for q in questions_of(quiz) if q.pk not in attempt.question_ids)
    other_choice = questions_of(other_quiz)[0].choice_options()[0][0]
    answers = {
        "choice_of_another_question": {first: [other_choice]},
        "question_not_in_attempt": {first: ["true"], outside: ["true"]},
        "two_answers_to_single": {first: ["true", "false"]},
        "not_a_number": {first: ["true"], "abc": ["true"]},
    }[forge]
    with pytest.raises(ValidationError):
        _submit(learner, attempt, answers)
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.score is None
    assert not AttemptAnswer.objects.filter(attempt=attempt).exists()
    assert second  # the attempt is still there to finish


def test_someone_elses_attempt_cannot_be_submitted(learner):
    attempt, _ = attempt_start(learner=learner, quiz=make_quiz())
    with pytest.raises(PermissionDenied):
        _submit(UserFactory(), attempt, {})


def test_a_lesson_with_a_quiz_completes_only_when_the_quiz_is_passed(learner, site_pages):
    _home, index = site_pages
    lesson = lessons_of(make_course(index))[0]
    quiz = make_quiz()
    lesson = put_quiz_in_lesson(lesson, quiz)
    with pytest.raises(ValidationError, match="Pass the quiz"):
        lesson_complete(learner=learner, lesson=lesson)
    attempt, _ = attempt_start(learner=learner, quiz=quiz, lesson=lesson)
    _submit(learner, attempt, wrong_answers(attempt))
    assert not LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()
    attempt, _ = attempt_start(learner=learner, quiz=quiz, lesson=lesson)
    _submit(learner, attempt, right_answers(attempt))
    assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()


def test_a_lesson_given_for_a_quiz_it_does_not_hold_is_ignored(learner, site_pages):
    _home, index = site_pages
    lesson = lessons_of(make_course(index))[0]
    attempt, _ = attempt_start(learner=learner, quiz=make_quiz(), lesson=lesson)
    assert attempt.lesson is None
    _submit(learner, attempt, right_answers(attempt))
    assert not LessonCompletion.objects.filter(learner=learner).exists()
