"""Every write about quizzes and practical tasks. Split by subject; the public names are
here."""

from .grading import rubric_choices, submission_grade
from .offline import attempt_submit_offline
from .quizzes import (
    attempt_answers_save,
    attempt_close_expired,
    attempt_finish_expired,
    attempt_start,
    attempt_submit,
    attempts_close_expired,
    canonical_lesson_with_quiz,
    quiz_draw,
    quiz_questions_copy,
)
from .tasks import submission_draft_save, submission_submit

__all__ = [
    "attempt_answers_save",
    "attempt_close_expired",
    "attempt_finish_expired",
    "attempt_start",
    "attempt_submit",
    "attempt_submit_offline",
    "attempts_close_expired",
    "canonical_lesson_with_quiz",
    "quiz_draw",
    "quiz_questions_copy",
    "rubric_choices",
    "submission_draft_save",
    "submission_grade",
    "submission_submit",
]
