"""An untimed quiz answered on her phone without a network, scored when it arrives. Her phone
never had the answer keys: it sends the choices she made, and the server starts the attempt
and scores it in one go (courses/offline/sync.py accepts each such action once)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lms.core.translation import canonical

from ..models import Quiz, QuizAttempt
from .quizzes import attempt_start, attempt_submit


def _clean_offline_answers(answers) -> dict:
    if not isinstance(answers, dict):
        raise ValidationError(_("Your answers did not match this quiz."), code="answers")
    cleaned = {}
    for question_id, selected in answers.items():
        if not str(question_id).isdecimal() or not isinstance(selected, list):
            raise ValidationError(_("Your answers did not match this quiz."), code="answers")
        cleaned[int(question_id)] = [str(choice) for choice in selected][:20]
    return cleaned


@transaction.atomic
def attempt_submit_offline(
    *, learner, quiz: Quiz, answers, question_ids, lesson=None, at=None
) -> tuple[QuizAttempt, str]:
    """Start an attempt with the questions she was shown and submit her answers at once; with
    an attempt of hers still open (begun online), the answers go into that one. `at`: when
    she answered (started and submitted then), if not now. Timed quizzes
    are online only. Raises ValidationError when the quiz cannot take it any more (every
    attempt used, the questions changed). Returns attempt_submit's (attempt, outcome)."""
    quiz = canonical(quiz)
    if quiz.time_limit_minutes:
        raise ValidationError(
            _("This quiz has a time limit, so it can only be taken with a network."),
            code="timed",
        )
    cleaned = _clean_offline_answers(answers)
    attempt, _created = attempt_start(
        learner=learner, quiz=quiz, lesson=lesson, question_ids=question_ids, at=at
    )
    shown = set(attempt.question_ids)
    cleaned = {pk: selected for pk, selected in cleaned.items() if pk in shown}
    return attempt_submit(attempt_id=attempt.pk, learner=learner, answers=cleaned, at=at)
