from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.services import enrolments_create_for_level

from .models import Cohort, CohortMembership, MembershipStatus
from .permissions import can_add_to_cohort, can_manage_cohort


def cohort_enrol_members(*, cohort: Cohort) -> int:
    """Enrol every active member in every live course of the cohort's level. Idempotent;
    a fixed number of queries whatever the cohort's size. Returns how many were new."""
    learner_ids = list(
        cohort.memberships.filter(status=MembershipStatus.ACTIVE).values_list(
            "learner_id", flat=True
        )
    )
    return enrolments_create_for_level(learner_ids=learner_ids, level=cohort.level)


def membership_add(*, cohort: Cohort, learner, actor=None) -> CohortMembership:
    """Put a learner in a cohort; she is enrolled in the level's courses after commit."""
    if actor is not None and not can_add_to_cohort(actor, cohort, learner):
        raise PermissionDenied(_("You can only manage cohorts and learners in your regions."))
    try:
        with transaction.atomic():
            membership = CohortMembership.objects.create(cohort=cohort, learner=learner)
    except IntegrityError as exc:
        raise ValidationError(_("This learner is already in this cohort.")) from exc
    _enqueue_enrolment(cohort)
    return membership


@transaction.atomic
def membership_set_status(*, membership: CohortMembership, status: str, actor=None):
    if actor is not None and not can_manage_cohort(actor, membership.cohort):
        raise PermissionDenied(_("You can only manage cohorts in your regions."))
    if status not in MembershipStatus.values:
        raise ValidationError(_("Unknown status."))
    if membership.status != status:
        membership.status = status
        membership.status_changed_at = timezone.now()
        membership.save(update_fields=["status", "status_changed_at"])
        if status == MembershipStatus.ACTIVE:
            _enqueue_enrolment(membership.cohort)
    return membership


def _enqueue_enrolment(cohort):
    from .tasks import cohort_enrol_members_task

    cohort_enrol_members_task.delay_on_commit(cohort.pk)
