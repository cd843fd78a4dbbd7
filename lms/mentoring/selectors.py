"""Reads for mentoring: her mentor card, mentors' load, the coaching history and what the
learner import asks. Each costs a fixed number of queries whatever the number of mentees.
(Who among her mentees needs the mentor is the engagement rule: lms/engagement.)"""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, DateField, F, OuterRef, Q, Subquery, When
from django.db.models.lookups import GreaterThan
from django.utils import timezone

from lms.core.caching import learner_generation, memoized, valid_until
from lms.core.dates import end_of_today

from .models import CoachingContact, MentorAssignment, MentorProfile
from .permissions import contacts_visible_to, eligible_mentor_profiles, mentor_profiles_visible_to


def last_contact_on(learner_ref="pk"):
    """Subquery: the date of her latest coaching contact (with any mentor)."""
    return Subquery(
        CoachingContact.objects.filter(learner=OuterRef(learner_ref))
        .order_by("-contact_date")
        .values("contact_date")[:1]
    )


def pending_follow_up(learner_ref="pk", last_contact_ref="last_contact_on"):
    """Expression: the follow-up date her latest contact that set one planned, while it is
    later than her last contact. A new plan replaces the old one (a contact on Dec 5 saying
    "come back on the 20th" moves a visit planned for the 15th); a quick call that sets none
    keeps it; a contact on or after the date ends it. Annotate `last_contact_ref`
    (last_contact_on) first."""
    planned = Subquery(
        CoachingContact.objects.filter(learner=OuterRef(learner_ref), follow_up_on__isnull=False)
        .order_by("-contact_date", "-pk")
        .values("follow_up_on")[:1],
        output_field=DateField(),
    )
    return Case(
        When(GreaterThan(planned, F(last_contact_ref)), then=planned),
        default=None,
        output_field=DateField(),
    )


def mentee_contacts(mentor, learner) -> list:
    """The coaching history of her mentee that the mentor may read, newest first."""
    return list(contacts_visible_to(mentor).filter(learner=learner).select_related("mentor"))


def mentor_load_queryset(queryset=None):
    """Mentor profiles with their current number of mentees and load (%), one query."""
    queryset = queryset if queryset is not None else MentorProfile.objects.all()
    return (
        queryset.select_related("user__home_region")
        .annotate(
            mentee_count=Count(
                "user__mentee_assignments",
                filter=Q(user__mentee_assignments__ended_at__isnull=True),
                distinct=True,
            ),
        )
        .annotate(load_percent=F("mentee_count") * 100 / F("capacity"))
    )


@dataclass
class MyMentor:
    mentor: object
    phone: str
    next_follow_up: datetime.date | None


def my_mentor(learner) -> MyMentor | None:
    """The learner's current mentor (phone only if she shares it) and her next follow-up,
    if one is planned from today on. Kept in memory until something of hers or a mentor's
    profile changes, or the day does."""
    valid_until(end_of_today())
    return memoized(
        ("my-mentor", learner.pk, timezone.localdate().isoformat()),
        depends_on=(learner_generation(learner.pk), "mentors"),
        compute=lambda: _my_mentor(learner),
    )


def _my_mentor(learner) -> MyMentor | None:
    assignment = (
        MentorAssignment.objects.filter(learner=learner, ended_at__isnull=True)
        .select_related("mentor__mentor_profile")
        .annotate(last_contact_on=last_contact_on("learner_id"))
        .annotate(next_follow_up=pending_follow_up("learner_id"))
        .first()
    )
    if assignment is None:
        return None
    mentor = assignment.mentor
    profile = getattr(mentor, "mentor_profile", None)
    phone = mentor.phone_display if profile and profile.shares_phone else ""
    upcoming = assignment.next_follow_up
    if upcoming and upcoming < timezone.localdate():
        upcoming = None
    return MyMentor(mentor=mentor, phone=phone, next_follow_up=upcoming)


def mentor_lookup_for_import(learner_ids, phones, actor) -> tuple[set, dict]:
    """For the learner import's checks: which of `learner_ids` have a current mentor, and
    {phone: (user id, free places)} of the eligible mentors of the staff member's regions
    with these mobile numbers (a number elsewhere is an unknown mentor). Three queries."""
    with_mentor = set(
        MentorAssignment.objects.filter(
            learner_id__in=learner_ids, ended_at__isnull=True
        ).values_list("learner_id", flat=True)
    )
    mentors = list(
        eligible_mentor_profiles()
        .filter(user__phone__in=phones, pk__in=mentor_profiles_visible_to(actor).values("pk"))
        .values_list("user_id", "user__phone", "capacity")
    )
    loads = active_mentee_counts([m[0] for m in mentors])
    free = {phone: (pk, capacity - loads.get(pk, 0)) for pk, phone, capacity in mentors}
    return with_mentor, free


def active_mentee_counts(mentor_ids) -> dict:
    """{mentor id: her current mentees}, for mentors who have any. One query."""
    rows = (
        MentorAssignment.objects.filter(mentor_id__in=mentor_ids, ended_at__isnull=True)
        .values("mentor_id")
        .annotate(n=Count("pk"))
    )
    return {row["mentor_id"]: row["n"] for row in rows}
