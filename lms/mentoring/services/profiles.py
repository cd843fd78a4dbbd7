"""Mentor profiles: who may mentor, how many, where. Eligibility follows the certificates
(the certificates app grants and withdraws it)."""

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms.accounts.permissions import regions_visible_to
from lms.accounts.roles import MENTOR
from lms.core.caching import bump

from ..models import MentorAssignment, MentorProfile
from ..permissions import can_manage_learner
from .assignments import mentor_assignments_end_all


@transaction.atomic
def mentor_profile_save(*, user, actor=None, regions=None, **fields) -> MentorProfile:
    """Create or update a mentor profile; an eligible mentor is in the mentor role group.
    Staff edit only the served regions they can see; the others are kept."""
    if actor is not None and not can_manage_learner(actor, user):
        raise PermissionDenied(_("You can only manage mentors living in your regions."))
    profile, created = MentorProfile.objects.select_for_update().get_or_create(user=user)
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.full_clean(exclude=["user"])
    if not profile.is_eligible:
        mentees = MentorAssignment.objects.filter(mentor=user, ended_at__isnull=True).count()
        if mentees:
            raise ValidationError(
                ngettext(
                    "%(name)s still mentors %(count)s learner: give her a new mentor first.",
                    "%(name)s still mentors %(count)s learners: give them new mentors first.",
                    mentees,
                )
                % {"name": user, "count": mentees}
            )
    profile.save()
    if regions is not None:
        regions = list(regions)
        if actor is not None and not created:
            regions += list(profile.regions.exclude(pk__in=regions_visible_to(actor)))
        profile.regions.set(regions)
    group = Group.objects.get_or_create(name=MENTOR)[0]
    if profile.is_eligible:
        user.groups.add(group)
    else:
        user.groups.remove(group)
    return profile


@transaction.atomic
def mentor_eligibility_grant(*, user, capacity: int) -> MentorProfile:
    """She now holds a certificate that makes her a mentor: her profile is created (with
    the default capacity) or made eligible again, and she joins the mentor role."""
    profile, created = MentorProfile.objects.select_for_update().get_or_create(
        user=user, defaults={"capacity": capacity, "is_eligible": True}
    )
    if not profile.is_eligible:
        profile.is_eligible = True
        profile.save(update_fields=["is_eligible", "updated_at"])
    user.groups.add(Group.objects.get_or_create(name=MENTOR)[0])
    return profile


@transaction.atomic
def mentor_eligibility_withdraw(*, user, reason: str) -> list:
    """She no longer holds a certificate that lets her mentor: her profile is no longer
    eligible and her current assignments end (with `reason`; the history stays), so she no
    longer sees, grades or logs contacts for them. Returns those mentees, who need a new
    mentor."""
    MentorProfile.objects.filter(user=user).update(is_eligible=False, updated_at=timezone.now())
    bump("mentors")
    user.groups.remove(*Group.objects.filter(name=MENTOR))
    return mentor_assignments_end_all(mentor=user, reason=reason)
