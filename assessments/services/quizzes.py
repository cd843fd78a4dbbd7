"""Quizzes: starting an attempt, saving and submitting answers, scoring, and closing an
attempt whose time ran out. Each write is atomic and idempotent where a double click or a
retried request could repeat it."""

import random
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import LessonCompletion
from courses.services import lesson_complete
from lms.core.caching import memoized
from lms.core.signals import progress_changed
from lms.core.translation import canonical

from ..models import AttemptAnswer, Question, QuestionKind, Quiz, QuizAttempt
from .attempt_rows import answers_upsert, scored_write, store_answers


def quiz_draw(quiz, questions, *, drawn=False) -> tuple[list, dict]:
    """One try's questions in the order she sees them, and each one's choices in order ({id:
    [choice ids]}), by the quiz's rules: `draw_count` of `questions` at random (unless
    `drawn`: the questions her phone showed her offline), shuffled questions and choices when
    the editor asked for them. For an attempt, and for the quiz page saved on her phone."""
    rng = random.SystemRandom()
    questions = list(questions)
    if not drawn and quiz.draw_count and quiz.draw_count < len(questions):
        questions = sorted(rng.sample(questions, quiz.draw_count), key=lambda q: q.sort_order)
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    choice_order = {}
    for question in questions:
        ids = [choice_id for choice_id, _text in question.choice_options()]
        if quiz.shuffle_choices and question.kind != QuestionKind.TRUE_FALSE:
            rng.shuffle(ids)
        choice_order[question.pk] = ids
    return questions, choice_order


def attempt_start(
    *, learner, quiz: Quiz, lesson=None, question_ids=None, at=None
) -> tuple[QuizAttempt, bool]:
    """Start an attempt, or return the unfinished one (so a double click, a retry or a second
    tab resumes it). An unfinished attempt whose time ran out is scored first. Raises
    ValidationError when every allowed attempt is used. `question_ids`: the questions her
    phone showed her offline (drawn when the page was saved) instead of a new draw; `at`: when
    she started it there, if not now. Returns (attempt, created)."""
    quiz = canonical(quiz)
    open_attempt = QuizAttempt.objects.filter(
        learner=learner, quiz=quiz, submitted_at__isnull=True
    ).first()
    if open_attempt is not None:
        if not open_attempt.time_is_up():
            return open_attempt, False
        attempt_finish_expired(attempt=open_attempt)
    used = QuizAttempt.objects.filter(learner=learner, quiz=quiz).count()
    if quiz.attempts_left(used) == 0:
        raise ValidationError(
            ngettext(
                "You have used your %(n)s attempt at this quiz.",
                "You have used all %(n)s attempts at this quiz.",
                quiz.max_attempts,
            )
            % {"n": quiz.max_attempts},
            code="no_attempts_left",
        )
    questions = list(quiz.questions.order_by("sort_order"))
    if not questions:
        raise ValidationError(_("This quiz has no questions yet."), code="empty")
    if question_ids is not None:
        questions = _shown_questions(quiz, questions, question_ids)
    questions, choice_order = quiz_draw(quiz, questions, drawn=question_ids is not None)
    now = at or timezone.now()
    if lesson is not None:
        lesson = canonical_lesson_with_quiz(lesson, quiz)
    try:
        with transaction.atomic():
            number = (
                QuizAttempt.objects.filter(learner=learner, quiz=quiz).aggregate(n=Max("number"))[
                    "n"
                ]
                or 0
            ) + 1
            if quiz.max_attempts is not None and number > quiz.max_attempts:
                raise ValidationError(
                    _("You have used all %(n)s attempts at this quiz.") % {"n": quiz.max_attempts},
                    code="no_attempts_left",
                )
            attempt = QuizAttempt.objects.create(
                learner=learner,
                quiz=quiz,
                number=number,
                lesson=lesson,
                started_at=now,
                deadline=now + timedelta(minutes=quiz.time_limit_minutes)
                if quiz.time_limit_minutes
                else None,
                question_ids=[q.pk for q in questions],
                choice_order={str(pk): ids for pk, ids in choice_order.items()},
                question_count=len(questions),
            )
    except IntegrityError:
        # A concurrent request started one first: resume that one.
        return QuizAttempt.objects.get(learner=learner, quiz=quiz, submitted_at__isnull=True), False
    return attempt, True


def _shown_questions(quiz, questions, question_ids):
    wanted = {int(pk) for pk in question_ids}
    shown = [q for q in questions if q.pk in wanted]
    expected = min(quiz.draw_count or len(questions), len(questions))
    if len(shown) != expected or len(wanted) != expected:
        raise ValidationError(
            _("This quiz has changed since it was saved on your phone. Please answer it again."),
            code="changed",
        )
    return shown


def canonical_lesson_with_quiz(lesson, quiz):
    """The lesson (default language) if the quiz is really in it, else None."""
    lesson = canonical(lesson)
    quiz_ids = {canonical(v["quiz"]).pk for v in lesson.block_values("quiz") if v["quiz"]}
    return lesson if quiz.pk in quiz_ids else None


def _clean_answers(attempt, answers, questions) -> dict[int, list[str]]:
    """Check submitted answers against the attempt: only its questions, only each question's
    own choices, one choice where one is asked. Raises ValidationError on forged data."""
    cleaned = {}
    by_id = {q.pk: q for q in questions}
    for raw_id, selected in answers.items():
        try:
            question_id = int(raw_id)
        except (TypeError, ValueError):
            question_id = None
        question = by_id.get(question_id)
        if question is None and question_id in attempt.question_ids:
            continue  # removed by an editor while she was answering: nothing to check
        if question is None or question_id not in attempt.question_ids:
            raise ValidationError(
                _("Your answers did not match this quiz. Please reload the page and try again."),
                code="unknown_question",
            )
        selected = list(dict.fromkeys(str(s) for s in selected))
        if any(choice not in question.valid_ids for choice in selected):
            raise ValidationError(
                _("An answer did not match its question. Please reload the page and try again."),
                code="unknown_choice",
            )
        if question.kind != QuestionKind.MULTIPLE and len(selected) > 1:
            raise ValidationError(
                _("Choose only one answer for “%(question)s”.") % {"question": question.text},
                code="too_many_choices",
            )
        cleaned[question_id] = selected
    return cleaned


def _saved_answers(attempt):
    return {
        a.question_id: a.selected
        for a in AttemptAnswer.objects.filter(attempt=attempt, question__isnull=False)
    }


def _score(attempt, questions, answers, *, timed_out=False, at=None):
    """Score the attempt from `answers` (question id → selected ids) and close it, as
    submitted `at` (never before it started) or now."""
    answers_sql, answers_params = answers_upsert(attempt, answers, questions, score=True)
    correct = sum(1 for q in questions if set(answers.get(q.pk, [])) == q.correct)
    # Scored over the questions that still exist: one an editor removed while she was
    # answering counts neither for nor against her.
    total = len(questions)
    attempt.question_count = total
    attempt.correct_count = correct
    attempt.score = round(100 * correct / total) if total else 0
    # Compared exactly, not through the rounded score: 79.5% does not pass an 80% mark.
    attempt.passed = bool(total) and correct * 100 >= attempt.quiz.pass_mark * total
    attempt.submitted_at = max(at, attempt.started_at) if at else timezone.now()
    attempt.timed_out = timed_out
    if attempt.passed:
        # Announced before the save, whose own announcement (her activity) it then covers:
        # one row of the outbox for both.
        progress_changed([attempt.learner_id], sender=QuizAttempt)
    scored_write(attempt, answers_sql, answers_params)
    if attempt.passed and attempt.lesson_id:
        _complete_lesson_if_open(attempt)


def _complete_lesson_if_open(attempt):
    lesson = attempt.lesson
    if LessonCompletion.objects.filter(learner=attempt.learner_id, lesson=lesson).exists():
        return
    try:
        with transaction.atomic():
            lesson_complete(learner=attempt.learner, lesson=lesson, at=attempt.submitted_at)
    except ValidationError:
        pass  # another quiz in the same lesson is still to be passed


def _locked_attempt(attempt_id, learner):
    # The lesson only when she passed (_complete_lesson_if_open); the quiz from memory; the
    # order her choices were shown in only if something asks for it (it is not scored).
    attempt = (
        QuizAttempt.objects.select_for_update().defer("choice_order").filter(pk=attempt_id).first()
    )
    if attempt is None:
        raise ValidationError(_("This quiz attempt does not exist."), code="missing")
    if attempt.learner_id != learner.pk:
        raise PermissionDenied
    attempt.quiz = _quiz(attempt.quiz_id)
    return attempt


def _quiz(quiz_id):
    """The quiz's settings, kept in memory until a quiz or question is edited (the ladder
    generation). Shared by the process's requests: read it, never change it."""
    return memoized(
        ("quiz", quiz_id), depends_on=("ladder",), compute=lambda: Quiz.objects.get(pk=quiz_id)
    )


def _questions_of(attempt):
    """The attempt's questions (those that still exist), kept in memory until a quiz or
    question is edited (the ladder generation), each with its choices' ids (`valid_ids`)
    and the right ones (`correct`) read from its blocks once."""

    def compute():
        questions = list(Question.objects.filter(pk__in=ids))
        for question in questions:
            question.valid_ids = frozenset(pk for pk, _text in question.choice_options())
            question.correct = frozenset(question.correct_ids())
        return questions

    ids = tuple(sorted(attempt.question_ids))
    return memoized(("attempt-questions", ids), depends_on=("ladder",), compute=compute)


@transaction.atomic
def attempt_answers_save(*, attempt_id, learner, answers) -> QuizAttempt:
    """Save answers without submitting, to finish later. Refused once the attempt is closed
    or its time is up."""
    attempt = _locked_attempt(attempt_id, learner)
    if not attempt.is_open:
        raise ValidationError(_("This attempt was already submitted."), code="closed")
    if attempt.time_is_up():
        raise ValidationError(
            _("The time for this quiz is up; your answers can no longer be changed."),
            code="time_up",
        )
    questions = _questions_of(attempt)
    store_answers(attempt, _clean_answers(attempt, answers, questions), questions, score=False)
    return attempt


@transaction.atomic
def attempt_submit(
    *, attempt_id, learner, answers, when_complete=False, at=None
) -> tuple[QuizAttempt, str]:
    """Submit and score an attempt in one short transaction. Returns (attempt, outcome):
    "submitted"; "already" when it was submitted before (a double click or a retry: nothing
    changes); "late" when the time limit had passed: the answers sent now are not taken and
    the answers saved before the limit are scored. With `when_complete`, an attempt that
    would leave a question without an answer is not submitted: her answers are saved, and
    "unanswered" comes back with `attempt.unanswered` (the questions' ids), so that she is
    asked before a try is spent. `at`: when she submitted it (offline), if not now. Forged
    answers raise ValidationError and change nothing."""
    attempt = _locked_attempt(attempt_id, learner)
    if not attempt.is_open:
        return attempt, "already"
    questions = _questions_of(attempt)
    if attempt.time_is_up():
        _score(attempt, questions, _saved_answers(attempt), timed_out=True)
        return attempt, "late"
    cleaned = _clean_answers(attempt, answers, questions)
    # What she sends now wins over what she saved; with every question sent, nothing saved
    # counts (the usual case: no need to read it).
    if all(question.pk in cleaned for question in questions):
        merged = cleaned
    else:
        merged = {**_saved_answers(attempt), **cleaned}
    attempt.unanswered = [q.pk for q in questions if not merged.get(q.pk)]
    if when_complete and attempt.unanswered:
        store_answers(attempt, cleaned, questions, score=False)
        return attempt, "unanswered"
    _score(attempt, questions, merged, at=at)
    return attempt, "submitted"


def attempt_finish_expired(*, attempt) -> bool:
    """Score an unfinished attempt whose time is up with the answers saved in time.
    Returns whether it closed it."""
    if not attempt.is_open or not attempt.time_is_up():
        return False
    with transaction.atomic():
        attempt = (
            QuizAttempt.objects.select_for_update(of=("self",))
            .select_related("quiz")
            .get(pk=attempt.pk)
        )
        if not attempt.is_open:
            return False
        _score(attempt, _questions_of(attempt), _saved_answers(attempt), timed_out=True)
    return True


def attempt_close_expired(*, learner, quiz) -> QuizAttempt | None:
    """Her unfinished attempt at the quiz, scored now if its time ran out (with the answers
    saved in time); None when she has no such attempt."""
    attempt = QuizAttempt.objects.filter(
        learner=learner, quiz=canonical(quiz), submitted_at__isnull=True
    ).first()
    if attempt is not None and attempt_finish_expired(attempt=attempt):
        return attempt
    return None


def attempts_close_expired(*, now=None) -> int:
    """Score every unfinished attempt whose time (and grace) ran out, so that her result and
    her mentor's view do not wait for her to come back. Run every few minutes; returns how
    many it closed."""
    now = now or timezone.now()
    grace = timedelta(seconds=settings.QUIZ_DEADLINE_GRACE_SECONDS)
    due = QuizAttempt.objects.filter(submitted_at__isnull=True, deadline__lt=now - grace)
    return sum(attempt_finish_expired(attempt=attempt) for attempt in due.order_by("pk"))


@transaction.atomic
def quiz_questions_copy(*, quiz, translation) -> int:
    """Copy the questions of the default-language `quiz` that its `translation` lacks (added
    after it was translated) into the translation, as they are, for an editor to translate.
    Returns how many it copied."""
    have = set(translation.questions.values_list("translation_key", flat=True))
    copied = 0
    for question in quiz.questions.order_by("sort_order"):
        if question.translation_key in have:
            continue
        copy = question.copy_for_translation(translation.locale)
        copy.quiz = translation
        copy.save()
        copied += 1
    # The translation stays out of date (cms/translation_status.py) until an editor saves it
    # with the copied questions translated.
    return copied
