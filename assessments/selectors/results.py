"""Results for staff: quizzes and tasks per cohort, a fixed number of grouped queries
whatever the number of learners."""

from dataclasses import dataclass

from django.db.models import Count, Max, OuterRef, Q, Subquery

from ..models import AttemptAnswer, QuizAttempt, Submission, SubmissionStatus


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
