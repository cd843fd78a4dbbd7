"""Reads for quizzes, tasks, grading and results. Lists cost a fixed number of queries
whatever their length."""

from .quizzes import (
    QuizStatus,
    ShownChoice,
    ShownQuestion,
    attempt_questions,
    lesson_quiz_blockers,
    quiz_status,
    seconds_left,
)
from .results import QuizSummary, quiz_results_rows, quiz_summaries, task_results
from .tasks import (
    CriterionChoice,
    QueueRow,
    TaskState,
    grading_history,
    grading_queue,
    grading_waiting_count,
    rubric_for_grading,
    task_state,
)

__all__ = [
    "CriterionChoice",
    "QueueRow",
    "QuizStatus",
    "QuizSummary",
    "ShownChoice",
    "ShownQuestion",
    "TaskState",
    "attempt_questions",
    "grading_history",
    "grading_queue",
    "grading_waiting_count",
    "lesson_quiz_blockers",
    "quiz_results_rows",
    "quiz_status",
    "quiz_summaries",
    "rubric_for_grading",
    "seconds_left",
    "task_results",
    "task_state",
]
