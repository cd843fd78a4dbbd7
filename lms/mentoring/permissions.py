"""Who may mentor, and who sees which mentoring records. Views, services, selectors and the
admin all ask here."""

from django.db.models import Q

from lms.accounts.permissions import is_programme_staff, learners_managed_by, regions_visible_to
from lms.core.caching import learner_generation, memoized

from .models import CoachingContact, MentorAssignment, MentorProfile


def eligible_mentor_profiles():
    """The one rule for who may mentor now: she holds a certificate that allows mentoring
    (the certificates app keeps `is_eligible` in step with it) and she is taking mentees."""
    return MentorProfile.objects.filter(is_eligible=True, is_active=True, user__is_active=True)


def is_mentor(user) -> bool:
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_is_mentor"):
        user._is_mentor = memoized(
            ("is_mentor", user.pk),
            depends_on=("mentors", learner_generation(user.pk)),
            compute=lambda: MentorProfile.objects.filter(user=user, is_eligible=True).exists(),
        )
    return user._is_mentor


def caseload_generations(mentor) -> tuple:
    """The generations of what a mentor's pages show about her caseload: her own (her
    assignments) and each current mentee's (their progress, work and contacts). Data kept
    for her pages depends on these (lms/core/caching.py)."""
    mentee_ids = memoized(
        ("mentee-ids", mentor.pk),
        depends_on=(learner_generation(mentor.pk),),
        compute=lambda: sorted(
            MentorAssignment.objects.filter(mentor=mentor, ended_at__isnull=True).values_list(
                "learner_id", flat=True
            )
        ),
    )
    return (learner_generation(mentor.pk), *(learner_generation(pk) for pk in mentee_ids))


def _current_mentee_ids(user):
    return MentorAssignment.objects.filter(mentor=user, ended_at__isnull=True).values("learner_id")


def current_mentees_q(user):
    """Q over User: the learners `user` mentors now (a subquery, so no duplicate rows)."""
    return Q(pk__in=_current_mentee_ids(user))


def is_current_mentor(user, learner) -> bool:
    """`learner` may be a user or an id."""
    learner_id = getattr(learner, "pk", learner)
    return MentorAssignment.objects.filter(
        mentor=user, learner_id=learner_id, ended_at__isnull=True
    ).exists()


def can_log_contact(user, learner) -> bool:
    return is_current_mentor(user, learner)


def contacts_visible_to(user):
    """Staff: contacts with learners of their regions. A mentor: the contacts with her current
    mentees, whoever wrote them (the summaries go with the learner to a new mentor; a former
    mentor no longer opens them). A learner: contacts with herself (without private notes;
    see can_see_private_note)."""
    if not user.is_authenticated:
        return CoachingContact.objects.none()
    if user.is_superuser:
        return CoachingContact.objects.all()
    condition = Q(learner=user) | Q(learner_id__in=_current_mentee_ids(user))
    if is_programme_staff(user):
        condition |= Q(learner__in=learners_managed_by(user))
    return CoachingContact.objects.filter(condition)


def can_see_private_note(user, contact, *, viewer_is_current_mentor=None) -> bool:
    """A private note stays with its author while the learner is hers, and with staff of her
    region; never the learner, and not a new mentor (she reads the summaries). A page that
    already knows whether the viewer is the current mentor passes it in."""
    if not user.is_authenticated or user.pk == contact.learner_id:
        return False
    if user.is_superuser:
        return True
    if user.pk == contact.mentor_id:
        if viewer_is_current_mentor is None:
            viewer_is_current_mentor = is_current_mentor(user, contact.learner_id)
        if viewer_is_current_mentor:
            return True
    return (
        is_programme_staff(user)
        and learners_managed_by(user).filter(pk=contact.learner_id).exists()
    )


def assignments_visible_to(user):
    if not user.is_authenticated:
        return MentorAssignment.objects.none()
    if user.is_superuser:
        return MentorAssignment.objects.all()
    return MentorAssignment.objects.filter(learner__in=learners_managed_by(user))


def mentor_profiles_visible_to(user):
    """Staff see the mentors living in, or serving, their regions."""
    if not user.is_authenticated:
        return MentorProfile.objects.none()
    if user.is_superuser:
        return MentorProfile.objects.all()
    managed = learners_managed_by(user)
    return MentorProfile.objects.filter(
        Q(user__in=managed) | Q(regions__in=regions_visible_to(user))
    ).distinct()


def can_manage_learner(user, learner) -> bool:
    return learners_managed_by(user).filter(pk=learner.pk).exists()
