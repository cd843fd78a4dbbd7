"""Who sees and changes certificates, sign-offs and observations. Views, services and the
admin all ask here."""

from django.db.models import Q

from lms.accounts.permissions import (
    is_programme_staff,
    learners_managed_by,
    learners_visible_to,
)
from lms.mentoring.permissions import is_current_mentor, is_mentor
from lms.programme.models import TrainingSession
from lms.programme.permissions import can_mark_attendance, sessions_visible_to

from .models import ApprovalRequest, Certificate, CertificateStatus


def certificates_visible_to(user):
    """The holder, her current mentor, and staff of her region."""
    if not user.is_authenticated:
        return Certificate.objects.none()
    if user.is_superuser:
        return Certificate.objects.all()
    return Certificate.objects.filter(learner__in=learners_visible_to(user))


def can_download(user, certificate) -> bool:
    """Whoever sees the certificate, except that a revoked one is kept as a record for the
    staff of her region only."""
    if not certificates_visible_to(user).filter(pk=certificate.pk).exists():
        return False
    if certificate.status == CertificateStatus.REVOKED:
        return can_manage_certificates_of(user, certificate.learner)
    return True


def certificates_managed_by(user):
    """Certificates a staff member may revoke and re-issue."""
    if not is_programme_staff(user):
        return Certificate.objects.none()
    return Certificate.objects.filter(learner__in=learners_managed_by(user))


def approvals_visible_to(user):
    if not is_programme_staff(user):
        return ApprovalRequest.objects.none()
    return ApprovalRequest.objects.filter(learner__in=learners_managed_by(user))


def can_manage_certificates_of(user, learner) -> bool:
    return is_programme_staff(user) and learners_managed_by(user).filter(pk=learner.pk).exists()


def can_sign_off(user, learner) -> bool:
    return user.is_authenticated and is_mentor(user) and is_current_mentor(user, learner)


def sessions_observable_by(user):
    """Sessions whose co-facilitators she may rate: those she leads and, for staff, those of
    her regions (as can_observe, for a list)."""
    if not user.is_authenticated:
        return TrainingSession.objects.none()
    return TrainingSession.objects.filter(
        Q(facilitators=user) | Q(pk__in=sessions_visible_to(user).values("pk"))
    )


def can_observe(user, session, candidate) -> bool:
    """Whoever may mark the session's attendance (a facilitator, staff of its region); never
    the candidate herself."""
    if not user.is_authenticated or user.pk == candidate.pk:
        return False
    return can_mark_attendance(user, session)
