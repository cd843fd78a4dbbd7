"""Who sees which attempts and submissions, and who grades. Views, services, selectors and
the admin all ask here."""

from django.db.models import Q

from lms.accounts.models import User
from lms.accounts.permissions import learners_visible_to
from lms.mentoring.permissions import current_mentees_q, is_current_mentor

from .models import QuizAttempt, Submission, SubmissionStatus


def attempts_visible_to(user):
    """Her own attempts; staff: those of learners in their regions; a mentor: her current
    mentees' (learners_visible_to is the one rule for whose learning one may see)."""
    if not user.is_authenticated:
        return QuizAttempt.objects.none()
    return QuizAttempt.objects.filter(learner__in=learners_visible_to(user))


def submissions_visible_to(user):
    """Her own submissions, drafts included; anyone else sees only work that was handed in
    (and, in it, only the versions that were handed in)."""
    if not user.is_authenticated:
        return Submission.objects.none()
    return Submission.objects.filter(
        Q(learner=user)
        | (Q(learner__in=learners_visible_to(user)) & ~Q(status=SubmissionStatus.DRAFT))
    )


def submissions_gradable_by(user):
    """Work waiting for this mentor: handed in by her current mentees."""
    if not user.is_authenticated:
        return Submission.objects.none()
    return Submission.objects.filter(
        learner__in=User.objects.filter(current_mentees_q(user)).values("pk"),
        status=SubmissionStatus.SUBMITTED,
    )


def can_grade(user, submission) -> bool:
    """Only her current mentor grades, and only work handed in and not yet graded."""
    return submission.status == SubmissionStatus.SUBMITTED and is_current_mentor(
        user, submission.learner_id
    )


def can_view_photo(user, photo) -> bool:
    """A photo of her work: she sees her own, drafts included; anyone who may see the
    submission sees only photos of versions that were handed in."""
    submission = photo.version.submission
    if submission.learner_id != user.pk and photo.version.submitted_at is None:
        return False
    return submissions_visible_to(user).filter(pk=submission.pk).exists()
