"""Reads for quizzes: her status at a quiz, an attempt's questions as she sees them, and
the completion gate of a lesson with a quiz."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lms.core.caching import learner_generation, memoized, valid_until
from lms.core.translation import canonical, localized, translations_of

from ..models import AttemptAnswer, Question, QuizAttempt


@dataclass
class QuizStatus:
    quiz: object  # in the reader's language
    canonical: object
    used: int
    attempts_left: int | None
    best_score: int | None
    passed: bool
    attempts: list = field(default_factory=list)
    question_count: int = 0  # asked per attempt
    pool_size: int = 0  # the questions they are drawn from

    @property
    def needed(self) -> int:
        """How many right answers pass: the least `n` with n / asked >= the pass mark (the
        comparison the scoring makes, assessments/services/quizzes.py)."""
        asked, mark = self.question_count, self.canonical.pass_mark
        return -(-asked * mark // 100) if asked else 0

    @property
    def drawn(self) -> bool:
        return self.question_count < self.pool_size

    @property
    def open_attempt(self) -> QuizAttempt | None:
        """The attempt she can continue. One whose time ran out is not offered (see
        expired_attempt); a second tab or a double click still resumes one that is running."""
        return next((a for a in self.attempts if a.is_open and not a.time_is_up()), None)

    @property
    def can_start(self):
        return self.open_attempt is not None or self.attempts_left != 0

    @property
    def expired_attempt(self):
        """An unfinished attempt whose time ran out and is not scored yet (a task scores it
        within minutes; she can have it scored at once)."""
        return next((a for a in self.attempts if a.is_open and a.time_is_up()), None)


def quiz_status(learner, quiz) -> QuizStatus:
    """Her attempts at a quiz: used, left, best score, passed, the unfinished one. Kept in
    memory until something of hers or the quiz changes."""
    if not learner.is_authenticated:
        return _quiz_status(learner, quiz)
    status = memoized(
        ("quiz-status", learner.pk, quiz.pk, get_language()),
        depends_on=(learner_generation(learner.pk), "ladder", "locales"),
        compute=lambda: _quiz_status(learner, quiz),
    )
    for attempt in status.attempts:
        if attempt.is_open and attempt.deadline:  # a page showing it changes when time is up
            grace = timedelta(seconds=settings.QUIZ_DEADLINE_GRACE_SECONDS)
            valid_until((attempt.deadline + grace).timestamp())
    return status


def _quiz_status(learner, quiz) -> QuizStatus:
    base = canonical(quiz)
    attempts = (
        list(QuizAttempt.objects.filter(learner=learner, quiz=base).order_by("-number"))
        if learner.is_authenticated
        else []
    )
    scores = [a.score for a in attempts if a.score is not None]
    used = len(attempts)
    question_count = base.questions.count()
    return QuizStatus(
        quiz=localized(base),
        canonical=base,
        used=used,
        attempts_left=base.attempts_left(used),
        question_count=min(base.draw_count or question_count, question_count),
        pool_size=question_count,
        best_score=max(scores) if scores else None,
        passed=any(a.passed for a in attempts),
        attempts=attempts,
    )


def lesson_quiz_blockers(learner, lesson) -> list[str]:
    """The completion gate: each quiz in the lesson she has not passed yet."""
    quizzes = [v["quiz"] for v in lesson.block_values("quiz") if v["quiz"]]
    if not quizzes:
        return []
    canonical_ids = {canonical(q).pk: q for q in quizzes}
    passed = set(
        QuizAttempt.objects.filter(
            learner=learner, quiz_id__in=canonical_ids, passed=True
        ).values_list("quiz_id", flat=True)
    )
    return [
        _("Pass the quiz “%(quiz)s” to complete this lesson.") % {"quiz": localized(quiz).title}
        for pk, quiz in canonical_ids.items()
        if pk not in passed
    ]


@dataclass
class ShownChoice:
    id: str
    text: str
    selected: bool = False
    correct: bool = False


@dataclass
class ShownQuestion:
    id: int
    number: int
    kind: str
    text: str
    choices: list
    explanation: str = ""
    is_correct: bool | None = None
    answered: bool = False

    @property
    def is_multiple(self):
        return self.kind == "multiple"


def attempt_questions(
    attempt, *, submitted: bool, show_key: bool, language=None
) -> list[ShownQuestion]:
    """The attempt's questions in her order and language, with what she selected. Whether
    each was right and the explanations only once `submitted`; the correct choices only with
    `show_key` as well (editors can hold them back). Before she submits nothing on the page
    tells a right answer from a wrong one."""
    show_key = submitted and show_key
    canonical_questions = list(Question.objects.filter(pk__in=attempt.question_ids))
    shown = translations_of(Question, canonical_questions, language)
    by_id = {q.pk: q for q in canonical_questions}
    answers = {
        a.question_id: a
        for a in AttemptAnswer.objects.filter(attempt=attempt, question__isnull=False)
    }
    result = []
    for number, question_id in enumerate(attempt.question_ids, start=1):
        question = by_id.get(question_id)
        if question is None:
            continue  # removed by an editor since; its answer still counts in the score
        text_source = shown[question_id]
        texts = dict(question.choice_options())
        if text_source is not question:  # translated wording for the same choice ids
            texts.update((k, v) for k, v in text_source.choice_options() if k in texts)
        answer = answers.get(question_id)
        selected = set(answer.selected) if answer else set()
        correct = question.correct_ids() if show_key else set()
        order = attempt.choice_order.get(str(question_id)) or list(texts)
        result.append(
            ShownQuestion(
                id=question_id,
                number=number,
                kind=question.kind,
                text=text_source.text,
                choices=[
                    ShownChoice(
                        id=cid, text=texts[cid], selected=cid in selected, correct=cid in correct
                    )
                    for cid in order
                    if cid in texts
                ],
                explanation=text_source.explanation if submitted else "",
                is_correct=(bool(answer and answer.is_correct)) if submitted else None,
                answered=bool(selected),
            )
        )
    return result


def seconds_left(attempt) -> int | None:
    if attempt.deadline is None:
        return None
    return max(int((attempt.deadline - timezone.now()).total_seconds()), 0)
