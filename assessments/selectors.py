"""Reads for quizzes, tasks, grading and results. Lists cost a fixed number of queries
whatever their length."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale

from courses.models import canonical

from .models import (
    AttemptAnswer,
    Question,
    QuizAttempt,
    RubricCriterion,
    Submission,
    SubmissionStatus,
    SubmissionVersion,
)
from .permissions import submissions_gradable_by

# --- Language ----------------------------------------------------------------------------


def _locale(language=None):
    language = (language or get_language() or settings.LANGUAGE_CODE).lower()
    return next(
        (loc for loc in Locale.objects.all() if loc.language_code.lower() == language), None
    )


def localized(obj, language=None):
    """The object in the reader's language, or as it is when it has no translation."""
    locale = _locale(language)
    if locale is None or obj.locale_id == locale.pk:
        return obj
    return obj.get_translation_or_none(locale) or obj


def localized_many(objects, language=None) -> dict:
    """{pk: the object in the reader's language, or itself} for objects of one translatable
    model. Two queries at most, whatever their number."""
    objects = list(objects)
    if not objects:
        return {}
    return _translated_children(type(objects[0]), objects, language)


def _translated_children(model, canonical_children, language=None) -> dict:
    """Map each canonical child's pk to its translation (or itself). One query."""
    locale = _locale(language)
    children = {c.pk: c for c in canonical_children}
    if locale is None:
        return children
    translations = {
        t.translation_key: t
        for t in model.objects.filter(
            translation_key__in=[c.translation_key for c in canonical_children], locale=locale
        )
    }
    return {pk: translations.get(c.translation_key, c) for pk, c in children.items()}


# --- Quizzes -----------------------------------------------------------------------------


@dataclass
class QuizStatus:
    quiz: object  # in the reader's language
    canonical: object
    used: int
    attempts_left: int | None
    best_score: int | None
    passed: bool
    open_attempt: QuizAttempt | None
    attempts: list = field(default_factory=list)
    question_count: int = 0  # asked per attempt

    @property
    def can_start(self):
        return self.open_attempt is not None or self.attempts_left != 0


def quiz_status(learner, quiz) -> QuizStatus:
    """Her attempts at a quiz: used, left, best score, passed, the unfinished one."""
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
        best_score=max(scores) if scores else None,
        passed=any(a.passed for a in attempts),
        # An attempt whose time ran out is not offered to continue (it is scored on the next
        # visit); a second tab or a double click still resumes one that is running.
        open_attempt=next((a for a in attempts if a.is_open and not a.time_is_up()), None),
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
    shown = _translated_children(Question, canonical_questions, language)
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


# --- Practical tasks ---------------------------------------------------------------------


def _versions_with_reviews(submission, *, include_draft):
    versions = SubmissionVersion.objects.filter(submission=submission)
    if not include_draft:
        versions = versions.filter(submitted_at__isnull=False)
    return list(
        versions.select_related("review__reviewer")
        .prefetch_related("photos", "review__scores")
        .order_by("-number")
    )


@dataclass
class TaskState:
    task: object  # in the reader's language
    canonical: object
    submission: Submission | None
    draft: SubmissionVersion | None
    history: list  # handed-in versions, newest first, each with its review

    @property
    def can_edit(self):
        return self.submission is None or self.submission.status in (
            SubmissionStatus.DRAFT,
            SubmissionStatus.NEEDS_REVISION,
        )


def task_state(learner, task) -> TaskState:
    base = canonical(task)
    submission = (
        Submission.objects.filter(learner=learner, task=base).first()
        if learner.is_authenticated
        else None
    )
    versions = _versions_with_reviews(submission, include_draft=True) if submission else []
    draft = next((v for v in versions if v.is_draft), None)
    return TaskState(
        task=localized(base),
        canonical=base,
        submission=submission,
        draft=draft,
        history=[v for v in versions if not v.is_draft],
    )


@dataclass
class QueueRow:
    submission: Submission
    waiting_since: object

    @property
    def waited(self):
        return timezone.now() - self.waiting_since


def grading_queue(mentor) -> list[QueueRow]:
    """Her current mentees' work waiting for grading, oldest first. One query."""
    submissions = (
        submissions_gradable_by(mentor)
        .select_related("learner__home_region", "task")
        .annotate(version_count=Count("versions", filter=Q(versions__submitted_at__isnull=False)))
        .order_by("submitted_at", "pk")
    )
    return [QueueRow(submission=s, waiting_since=s.submitted_at) for s in submissions]


def grading_waiting_count(mentor) -> int:
    return submissions_gradable_by(mentor).count()


@dataclass
class CriterionChoice:
    criterion: RubricCriterion  # canonical: its pk is what the form posts
    title: str
    description: str
    levels: list  # (id, label, points, description) in the reader's language


def rubric_for_grading(rubric, language=None) -> list[CriterionChoice]:
    criteria = list(rubric.criteria.all())
    shown = _translated_children(RubricCriterion, criteria, language)
    result = []
    for criterion in criteria:
        text = shown[criterion.pk]
        labels = {o[0]: o for o in text.level_options()}
        result.append(
            CriterionChoice(
                criterion=criterion,
                title=text.title,
                description=text.description,
                # Points always from the canonical rubric; words in her language.
                levels=[
                    (o[0], labels.get(o[0], o)[1], o[2], labels.get(o[0], o)[3])
                    for o in criterion.level_options()
                ],
            )
        )
    return result


def grading_history(submission) -> list[SubmissionVersion]:
    """Handed-in versions, newest first, with photos and reviews (three queries)."""
    return _versions_with_reviews(submission, include_draft=False)


# --- Results for staff -------------------------------------------------------------------


@dataclass
class QuizSummary:
    quiz_id: int
    title: str
    pass_mark: int
    learners: int
    attempts: int
    passed: int
    average_best: float | None
    hardest: list  # (question text, answered, percent correct), lowest first

    @property
    def pass_rate(self):
        return round(100 * self.passed / self.learners) if self.learners else 0


def quiz_results_rows(learner_ids_query, quiz_id=None):
    """One row per learner and quiz she tried: attempts, best score, passed, last attempt.
    A single grouped query whatever the number of learners."""
    attempts = QuizAttempt.objects.filter(
        learner_id__in=learner_ids_query, submitted_at__isnull=False
    )
    if quiz_id:
        attempts = attempts.filter(quiz_id=quiz_id)
    return (
        attempts.values(
            "learner_id", "learner__display_name", "learner__username", "quiz_id", "quiz__title"
        )
        .annotate(
            attempt_count=Count("pk"),
            best_score=Max("score"),
            passed_count=Count("pk", filter=Q(passed=True)),
            last_submitted=Max("submitted_at"),
        )
        .order_by("quiz__title", "learner__display_name", "learner_id")
    )


def quiz_summaries(learner_ids_query, quiz_id=None, hardest_count=3) -> list[QuizSummary]:
    """Per quiz: learners who tried, attempts, pass rate, average best score, and the
    questions answered right least often. Two grouped queries whatever the size."""
    rows = list(quiz_results_rows(learner_ids_query, quiz_id))
    by_quiz: dict[int, QuizSummary] = {}
    best_totals: dict[int, list] = {}
    for row in rows:
        summary = by_quiz.setdefault(
            row["quiz_id"],
            QuizSummary(row["quiz_id"], row["quiz__title"], 0, 0, 0, 0, None, []),
        )
        summary.learners += 1
        summary.attempts += row["attempt_count"]
        summary.passed += 1 if row["passed_count"] else 0
        best_totals.setdefault(row["quiz_id"], []).append(row["best_score"] or 0)
    for quiz_id_, scores in best_totals.items():
        by_quiz[quiz_id_].average_best = round(sum(scores) / len(scores), 1)
    answers = AttemptAnswer.objects.filter(
        attempt__learner_id__in=learner_ids_query,
        attempt__submitted_at__isnull=False,
        question__isnull=False,
        attempt__quiz_id__in=list(by_quiz),
    )
    per_question = list(
        answers.values(
            "question_id", "question__text", "attempt__quiz_id", "attempt__quiz__pass_mark"
        )
        .annotate(n=Count("pk"), right=Count("pk", filter=Q(is_correct=True)))
        .order_by()
    )
    for row in per_question:
        summary = by_quiz[row["attempt__quiz_id"]]
        summary.pass_mark = row["attempt__quiz__pass_mark"]
        summary.hardest.append(
            (row["question__text"], row["n"], round(100 * row["right"] / row["n"]))
        )
    for summary in by_quiz.values():
        summary.hardest = sorted(summary.hardest, key=lambda h: (h[2], -h[1]))[:hardest_count]
    return sorted(by_quiz.values(), key=lambda s: s.title)


def task_results(learner_ids_query) -> list[dict]:
    """Per practical task: how many learners' work is waiting, needs revision, passed."""
    return list(
        Submission.objects.filter(learner_id__in=learner_ids_query)
        .values("task_id", "task__title")
        .annotate(
            waiting=Count("pk", filter=Q(status=SubmissionStatus.SUBMITTED)),
            revising=Count("pk", filter=Q(status=SubmissionStatus.NEEDS_REVISION)),
            passed=Count("pk", filter=Q(status=SubmissionStatus.PASSED)),
            drafts=Count("pk", filter=Q(status=SubmissionStatus.DRAFT)),
            oldest_wait=Subquery(
                Submission.objects.filter(
                    task_id=OuterRef("task_id"),
                    learner_id__in=learner_ids_query,
                    status=SubmissionStatus.SUBMITTED,
                )
                .order_by("submitted_at")
                .values("submitted_at")[:1]
            ),
        )
        .order_by("task__title")
    )
