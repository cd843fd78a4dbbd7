"""The trainer practicum: an observer rates a candidate's co-facilitation of a session."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from assessments.services import rubric_choices
from lms.core.signals import progress_changed
from lms.notifications.models import NotificationKind
from lms.notifications.services import notify_in_language

from ..models import FacilitationObservation
from ..permissions import can_observe


def observation_record(
    *, session, candidate, observer, rubric, choices: dict, comment: str
) -> FacilitationObservation:
    """An observer rates a candidate's co-facilitation of a session against a rubric.
    `choices` maps each criterion id to the chosen level id."""
    if not can_observe(observer, session, candidate):
        raise PermissionDenied(
            _("Only a facilitator of this session or programme staff can rate it.")
        )
    if not session.co_facilitators.filter(pk=candidate.pk).exists():
        raise ValidationError(_("She is not a co-facilitator of this session."))
    if session.is_cancelled:
        raise ValidationError(_("This session was cancelled."))
    if not session.has_started:
        raise ValidationError(_("The session has not started yet."))
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Write a comment for her: what went well, what to work on."))
    scores = [
        {
            "criterion": criterion.pk,
            "title": criterion.title,
            "level": option[0],
            "label": option[1],
            "points": option[2],
        }
        for criterion, option in rubric_choices(rubric.criteria.all(), choices)
    ]
    points = sum(score["points"] for score in scores)
    try:
        with transaction.atomic():
            observation = FacilitationObservation.objects.create(
                session=session,
                candidate=candidate,
                observer=observer,
                rubric=rubric,
                scores=scores,
                points=points,
                passed=points >= rubric.pass_points,
                comment=comment[:2000],
            )
            progress_changed([candidate.pk], sender=FacilitationObservation)
    except IntegrityError as exc:
        raise ValidationError(_("Her co-facilitation of this session is already rated.")) from exc
    notify_in_language(
        recipient=candidate,
        kind=NotificationKind.CO_FACILITATION_RATED,
        dedupe_key=f"observation:{observation.pk}",
        title=lambda: (
            _("Your co-facilitation was rated: passed")
            if observation.passed
            else _("Your co-facilitation was rated: not passed yet")
        ),
        body=comment,
        url=lambda *_: reverse("learn:dashboard"),
    )
    return observation
