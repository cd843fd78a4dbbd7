"""What every dashboard starts from: the staff member's cohorts, and the ladder by slug."""

from certificates.readiness import ladder
from lms.programme.models import CohortMembership, MembershipStatus
from lms.programme.permissions import cohorts_visible_to


def visible_cohorts(user):
    return cohorts_visible_to(user).select_related("region").order_by("target_date", "name")


def levels_by_slug():
    return {level.slug: level for level in ladder()}


def active_members(cohorts):
    return CohortMembership.objects.filter(cohort__in=cohorts, status=MembershipStatus.ACTIVE)
