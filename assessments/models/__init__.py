"""Quizzes (graded at once) and practical tasks (graded by the mentor against a rubric).

Editors write quizzes, rubrics and tasks as translatable snippets. Learners' attempts and
submissions always point at the default-language version ("canonical", as lesson progress
does), so switching language neither splits her attempts nor resets her limits. Choices and
rubric levels are StreamField items: their ids survive translation, so an answer given in
English is checked against the Chinese answer key."""

from .quizzes import AttemptAnswer, ChoiceBlock, Question, QuestionKind, Quiz, QuizAttempt
from .tasks import (
    Decision,
    PracticalTask,
    Review,
    ReviewScore,
    Rubric,
    RubricCriterion,
    RubricLevelBlock,
    Submission,
    SubmissionPhoto,
    SubmissionStatus,
    SubmissionVersion,
    _photo_path,  # noqa: F401 - the migrations name the upload path by this module
)

__all__ = [
    "AttemptAnswer",
    "ChoiceBlock",
    "Decision",
    "PracticalTask",
    "Question",
    "QuestionKind",
    "Quiz",
    "QuizAttempt",
    "Review",
    "ReviewScore",
    "Rubric",
    "RubricCriterion",
    "RubricLevelBlock",
    "Submission",
    "SubmissionPhoto",
    "SubmissionStatus",
    "SubmissionVersion",
]
