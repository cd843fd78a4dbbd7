"""Who sees which people and regions. Views, services and selectors all ask here."""

from django.db.models import Q

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


def can_manage_region(user, region) -> bool:
    return regions_visible_to(user).filter(pk=region.pk).exists()


def learners_visible_to(user):
    """A learner sees herself; staff see the people living in their regions."""
    if not user.is_authenticated:
        return User.objects.none()
    if user.is_superuser:
        return User.objects.all()
    in_my_regions = path_under_q("home_region", staff_root_regions(user))
    return User.objects.filter(in_my_regions | Q(pk=user.pk))


def can_view_learner(user, learner) -> bool:
    return learners_visible_to(user).filter(pk=learner.pk).exists()
