import datetime

from django.db.models import Q
from django.utils import timezone

from lms.accounts.models import User
from lms.accounts.permissions import (
    is_programme_staff,
    learners_managed_by,
    regions_visible_to,
    staff_root_regions,
)
from lms.accounts.roles import MENTOR, PROGRAMME_STAFF

from .models import Cohort, CohortMembership, ImportBatch, TrainingSession


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


# Face-to-face training ---------------------------------------------------------------------


def sessions_visible_to(user):
    """Staff see (and manage) the training sessions of their regions and below; superusers
    all. This is the admin's scope; learners find sessions through sessions_open_to."""
    if not user.is_authenticated:
        return TrainingSession.objects.none()
    if user.is_superuser:
        return TrainingSession.objects.all()
    if not is_programme_staff(user):
        return TrainingSession.objects.none()
    return TrainingSession.objects.filter(region__in=regions_visible_to(user))


def can_manage_session(user, session) -> bool:
    """Superusers, and programme staff of the session's region (or a region above it). Asks
    no query beyond the staff member's own regions, which are cached on the user."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if not is_programme_staff(user):
        return False
    path = session.region.path
    return any(path.startswith(root.path) for root in staff_root_regions(user))


def is_session_facilitator(user, session) -> bool:
    if not user.is_authenticated or session.pk is None:
        return False
    return session.facilitators.filter(pk=user.pk).exists()


def session_leader_candidates(user, session=None) -> dict:
    """Whom a staff member may ask to lead a session: {"facilitators": mentors and staff of
    her regions, and herself; "co_facilitators": anyone of her regions}. Whoever is on the
    session already stays allowed, so editing never drops a facilitator from elsewhere."""
    people = learners_managed_by(user)
    allowed = {
        "facilitators": Q(pk__in=people.filter(groups__name__in=[MENTOR, PROGRAMME_STAFF]))
        | Q(pk=user.pk),
        "co_facilitators": Q(pk__in=people),
    }
    candidates = {}
    for name, rule in allowed.items():
        if session is not None and session.pk:
            rule |= Q(pk__in=getattr(session, name).values("pk"))
        candidates[name] = User.objects.filter(rule).order_by("display_name", "pk")
    return candidates


def can_mark_attendance(user, session, *, is_facilitator=None) -> bool:
    """A facilitator of the session, or staff of its region (superusers too). A caller that
    already knows whether she leads it passes `is_facilitator` and saves the query."""
    if is_facilitator is None:
        is_facilitator = is_session_facilitator(user, session)
    return is_facilitator or can_manage_session(user, session)


def attendance_opens_at(session):
    """Attendance can be marked from the start of the session's day (local time): a
    facilitator may tick people off as they arrive, never for a day still to come."""
    day = timezone.localtime(session.starts_at).date()
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def attendance_is_open(session, now=None) -> bool:
    return (now or timezone.now()) >= attendance_opens_at(session)


def can_cancel_booking(user, booking) -> bool:
    """The learner herself, or staff of the session's region."""
    return user.is_authenticated and (
        user.pk == booking.learner_id or can_manage_session(user, booking.session)
    )


def sessions_open_to(learner):
    """Sessions she may ask a seat in: upcoming and not cancelled, in every region (a mother
    may travel to the next county), soonest first. Level locks and her own bookings are
    for the page and the booking service to tell her about."""
    return TrainingSession.objects.filter(
        is_cancelled=False, starts_at__gt=timezone.now()
    ).order_by("starts_at", "pk")


def sessions_led_by(user):
    """Sessions she leads or co-facilitates (one row each)."""
    if not user.is_authenticated:
        return TrainingSession.objects.none()
    leads = TrainingSession.facilitators.through.objects.filter(user=user)
    helps = TrainingSession.co_facilitators.through.objects.filter(user=user)
    return TrainingSession.objects.filter(
        Q(pk__in=leads.values("trainingsession_id")) | Q(pk__in=helps.values("trainingsession_id"))
    )


def session_pages_visible_to(user):
    """Any signed-in person may open a session's page, also after it was cancelled or took
    place: a mother who had the page open, or got the link from a friend, learns what
    happened instead of meeting an error. (What a session is, where and who leads it is no
    secret; who booked it is shown only on the attendance sheet.)"""
    if not user.is_authenticated:
        return TrainingSession.objects.none()
    return TrainingSession.objects.all()


def import_batches_visible_to(user):
    """A staff member sees the imports she uploaded; superusers every import."""
    if not is_programme_staff(user):
        return ImportBatch.objects.none()
    if user.is_superuser:
        return ImportBatch.objects.all()
    return ImportBatch.objects.filter(created_by=user)
