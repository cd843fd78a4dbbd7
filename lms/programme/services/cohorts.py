"""Cohorts and their members: enrolment in the level's courses, and giving the members
without a mentor the nearest one (through the mentoring app's one assignment core)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.services import enrolments_create_for_level
from lms.accounts.models import User
from lms.core.tasks import enqueue_on_commit
from lms.mentoring.services import (
    IfAssigned,
    assignments_change,
    mentor_placements_plan,
    placements_from_token,
)

from ..models import Cohort, CohortMembership, MembershipStatus
from ..permissions import can_add_to_cohort, can_manage_cohort

ENROL_TASK = "lms.programme.tasks.cohort_enrol_members_task"


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
    enqueue_enrolment(cohort)
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
            enqueue_enrolment(membership.cohort)
    return membership


def enqueue_enrolment(cohort):
    enqueue_on_commit(ENROL_TASK, cohort.pk)


# Mentors for the members -------------------------------------------------------------------


def _active_members(cohort):
    return User.objects.filter(
        pk__in=cohort.memberships.filter(status=MembershipStatus.ACTIVE).values("learner_id")
    )


def auto_assign_plan(*, cohort, actor=None):
    """Propose a mentor for every active member of the cohort who has none (see
    mentor_placements_plan). Reads only; a fixed number of queries."""
    return mentor_placements_plan(learners=_active_members(cohort), actor=actor)


def auto_assign_apply(*, cohort, token, actor=None) -> int:
    """Apply a previewed plan exactly, all or nothing. Pairs already in place are skipped, so
    applying the same plan twice changes nothing the second time; anything else that changed
    since the preview refuses the whole plan. Returns how many were assigned."""
    pairs = dict(placements_from_token(token))
    members = set(
        cohort.memberships.filter(
            learner_id__in=list(pairs), status=MembershipStatus.ACTIVE
        ).values_list("learner_id", flat=True)
    )
    header = _("Things changed since the preview; nothing was assigned. Please preview again.")
    if set(pairs) - members:
        raise ValidationError(
            [header, _("A learner is no longer an active member of this cohort.")]
        )
    try:
        change = assignments_change(
            assign=pairs,
            actor=actor,
            reason=_("Automatic assignment for cohort %(cohort)s") % {"cohort": cohort},
            if_assigned=IfAssigned.STALE,
        )
    except ValidationError as exc:
        raise ValidationError([header, *sorted(set(exc.messages))]) from exc
    return len(change.created)
