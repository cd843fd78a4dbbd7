from lms.accounts.permissions import learners_managed_by, regions_visible_to

from .models import Cohort, CohortMembership


def cohorts_visible_to(user):
    """Staff see the cohorts of their regions (and below); superusers all."""
    if not user.is_authenticated:
        return Cohort.objects.none()
    if user.is_superuser:
        return Cohort.objects.all()
    return Cohort.objects.filter(region__in=regions_visible_to(user))


def memberships_visible_to(user):
    return CohortMembership.objects.filter(cohort__in=cohorts_visible_to(user))


def can_manage_cohort(user, cohort) -> bool:
    return cohorts_visible_to(user).filter(pk=cohort.pk).exists()


def can_add_to_cohort(user, cohort, learner) -> bool:
    return (
        can_manage_cohort(user, cohort) and learners_managed_by(user).filter(pk=learner.pk).exists()
    )
