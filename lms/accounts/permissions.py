"""Who sees which people and regions. Views, services and selectors all ask here."""

from django.db.models import Q

from lms.core.hooks import learner_visibility_rules

from .models import Region, User, path_under_q
from .roles import PROGRAMME_STAFF, has_role


def is_programme_staff(user) -> bool:
    return user.is_authenticated and (user.is_superuser or has_role(user, PROGRAMME_STAFF))


def staff_root_regions(user):
    if not user.is_authenticated:
        return []
    if not hasattr(user, "_staff_root_regions"):
        user._staff_root_regions = (
            list(user.staff_regions.all()) if is_programme_staff(user) else []
        )
    return user._staff_root_regions


def regions_visible_to(user):
    """Superusers see every region; programme staff the regions at or below theirs."""
    if not user.is_authenticated:
        return Region.objects.none()
    if user.is_superuser:
        return Region.objects.all()
    return Region.objects.under(staff_root_regions(user))


def learners_visible_to(user):
    """A learner sees herself; staff see the people living in their regions; the apps above
    add their rules through the LEARNER_VISIBILITY hook (a mentor sees her current mentees),
    so that this stays the one place that answers "whose learning may this person see?"."""
    if not user.is_authenticated:
        return User.objects.none()
    if user.is_superuser:
        return User.objects.all()
    condition = Q(pk=user.pk) | path_under_q("home_region", staff_root_regions(user))
    for rule in learner_visibility_rules(user):
        condition |= rule
    return User.objects.filter(condition)


def learners_managed_by(user):
    """People whose records a staff member may change (assign mentors, add to cohorts)."""
    if not user.is_authenticated:
        return User.objects.none()
    if user.is_superuser:
        return User.objects.all()
    return User.objects.filter(path_under_q("home_region", staff_root_regions(user)))


def staff_responsible_for(learner):
    """Programme staff whose regions hold the learner's home (her village, its township, county
    or province). None when she has no home region."""
    region = learner.home_region
    if region is None:
        return User.objects.none()
    prefixes = [
        region.path[:n] for n in range(Region.steplen, len(region.path) + 1, Region.steplen)
    ]
    return User.objects.filter(
        groups__name=PROGRAMME_STAFF, is_active=True, staff_regions__path__in=prefixes
    ).distinct()
