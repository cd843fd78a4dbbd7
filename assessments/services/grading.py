"""Grading practical work against its rubric, by the learner's current mentor (and the
rubric choices a co-facilitation observation uses too)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from lms.core.history import record
from lms.core.signals import progress_changed
from lms.core.translation import localized
from lms.notifications.models import NotificationKind
from lms.notifications.services import notify_in_language

from ..models import Decision, Review, ReviewScore, Submission, SubmissionStatus
from ..permissions import can_grade


def rubric_choices(criteria, levels: dict) -> list:
    """[(criterion, (level id, label, points))] for the level chosen for each criterion;
    `levels` maps criterion ids (int or str) to level ids. A criterion without a valid choice
    is refused with its name."""
    chosen = []
    for criterion in criteria:
        wanted = str(levels.get(criterion.pk) or levels.get(str(criterion.pk)) or "")
        match = next((o for o in criterion.level_options() if o[0] == wanted), None)
        if match is None:
            raise ValidationError(
                _("Choose a level for “%(criterion)s”.") % {"criterion": criterion.title},
                code="level_missing",
            )
        chosen.append((criterion, match))
    return chosen


def submission_grade(
    *, reviewer, submission_id, version_id, levels: dict, feedback: str, decision: str
) -> tuple[Review, bool]:
    """Her mentor grades the version waiting: a level per rubric criterion, feedback and a
    decision. Passing needs the rubric's points. A second identical request (double click)
    returns the first review. Returns (review, created)."""
    with transaction.atomic():
        submission = (
            Submission.objects.select_for_update(of=("self",))
            .select_related("task__rubric", "learner")
            .filter(pk=submission_id)
            .first()
        )
        if submission is None:
            raise ValidationError(_("This submission does not exist."), code="missing")
        version = (
            submission.versions.filter(pk=version_id).first()
            if str(version_id).isdecimal() and len(str(version_id)) < 19
            else None
        )
        if version is None:
            raise ValidationError(_("This submission does not exist."), code="missing")
        existing = Review.objects.filter(version=version).first()
        if existing is not None:
            if existing.reviewer_id == reviewer.pk:
                return existing, False
            raise ValidationError(_("This work was already graded."), code="graded")
        if not can_grade(reviewer, submission):
            raise PermissionDenied
        if version.submitted_at is None:
            raise ValidationError(_("This version was not handed in."), code="draft")
        if decision not in Decision.values:
            raise ValidationError(_("Choose pass or needs revision."), code="decision")
        rubric = submission.task.rubric
        criteria = list(rubric.criteria.all())
        scores = rubric_choices(criteria, levels)
        unknown = {str(k) for k in levels} - {str(c.pk) for c in criteria}
        if unknown:
            raise ValidationError(
                _("The grading form did not match this rubric. Please reload the page."),
                code="unknown_criterion",
            )
        total = sum(match[2] for _criterion, match in scores)
        if decision == Decision.PASS and total < rubric.pass_points:
            raise ValidationError(
                _(
                    "%(total)s points is below the %(needed)s needed to pass. Choose “needs "
                    "revision” or check the levels."
                )
                % {"total": total, "needed": rubric.pass_points},
                code="below_pass",
            )
        feedback = feedback.strip()
        if decision == Decision.NEEDS_REVISION and not feedback:
            raise ValidationError(
                _("Tell her what to improve: feedback is needed for a revision."),
                code="feedback",
            )
        review = Review.objects.create(
            version=version,
            reviewer=reviewer,
            decision=decision,
            feedback=feedback,
            total_points=total,
        )
        ReviewScore.objects.bulk_create(
            [
                ReviewScore(
                    review=review,
                    criterion=criterion,
                    criterion_title=criterion.title,
                    level_id=match[0],
                    level_label=match[1],
                    points=match[2],
                )
                for criterion, match in scores
            ]
        )
        submission.status = (
            SubmissionStatus.PASSED
            if decision == Decision.PASS
            else SubmissionStatus.NEEDS_REVISION
        )
        submission.submitted_at = None
        submission.save(update_fields=["status", "submitted_at", "updated_at"])
        record(submission, "companion.grade", reviewer, decision=decision)
        if decision == Decision.PASS:
            progress_changed([submission.learner_id], sender=Submission)
        _notify_learner(submission, review)
    return review, True


def _notify_learner(submission, review):
    def title():
        task = localized(submission.task).title
        if review.decision == Decision.PASS:
            return _("Your task “%(task)s” is passed") % {"task": task}
        return _("Your task “%(task)s” needs revision") % {"task": task}

    notify_in_language(
        recipient=submission.learner,
        kind=NotificationKind.SUBMISSION_GRADED,
        dedupe_key=f"review:{review.pk}",
        title=title,
        body=review.feedback[:500],
        url=lambda: reverse("assessments:task", args=[submission.task_id]),
    )
