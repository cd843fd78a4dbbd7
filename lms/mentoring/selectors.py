"""Reads for the mentor's workspace and the learner's mentor card. Each costs a fixed number
of queries whatever the number of mentees."""

import datetime
from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.models import Enrolment
from courses.selectors import ProgressSummary, progress_summaries

from .models import CoachingContact, MentorAssignment, MentorProfile
from .permissions import (
    contacts_visible_to,
    eligible_mentor_profiles,
    mentor_profiles_visible_to,
)

INACTIVE_AFTER_DAYS = 14
NO_CONTACT_AFTER_DAYS = 30
FLAGS = ("inactive", "no_contact", "follow_up")


@dataclass
class MenteeRow:
    assignment: MentorAssignment
    progress: ProgressSummary | None

    @property
    def learner(self):
        return self.assignment.learner

    @property
    def flags(self):
        return [name for name in FLAGS if getattr(self.assignment, f"flag_{name}")]

    @property
    def flag_text(self):
        labels = flag_labels()
        return _(", ").join(str(labels[name]) for name in self.flags)


def flag_labels():
    return {
        "inactive": _("No activity for %(days)s days") % {"days": INACTIVE_AFTER_DAYS},
        "no_contact": _("No contact for %(days)s days") % {"days": NO_CONTACT_AFTER_DAYS},
        "follow_up": _("Follow-up due"),
    }


def _flag(condition):
    return Case(
        When(condition, then=Value(True)), default=Value(False), output_field=BooleanField()
    )


def _as_int(name):
    return Case(When(**{name: True}, then=Value(1)), default=Value(0), output_field=IntegerField())


def _contacts_with_her(mentor_ref="mentor_id"):
    """Contacts between the assignment's mentor and learner: a new mentor starts afresh."""
    return CoachingContact.objects.filter(
        learner=OuterRef("learner_id"), mentor=OuterRef(mentor_ref)
    )


def _pending_follow_up():
    """The earliest follow-up date later than the last contact: a quick call after a visit
    does not cancel the follow-up the visit planned, a contact on or after that date does."""
    return (
        _contacts_with_her()
        .filter(follow_up_on__gt=OuterRef("last_contact_on"))
        .order_by("follow_up_on")
        .values("follow_up_on")[:1]
    )


def mentee_queryset(mentor, *, today=None):
    """Her current assignments, annotated with last activity, last contact, pending follow-up
    and the three flags (booleans the database computes, so lists can filter and sort on
    them). A new assignment has 14 days' grace for activity and 30 for a first contact."""
    today = today or timezone.localdate()
    now = timezone.now()
    inactive_since = now - datetime.timedelta(days=INACTIVE_AFTER_DAYS)
    no_contact_since = today - datetime.timedelta(days=NO_CONTACT_AFTER_DAYS)
    last_activity = (
        Enrolment.objects.filter(learner=OuterRef("learner_id"), last_activity_at__isnull=False)
        .order_by("-last_activity_at")
        .values("last_activity_at")[:1]
    )
    last_contact = _contacts_with_her().order_by("-contact_date").values("contact_date")[:1]
    return (
        MentorAssignment.objects.filter(mentor=mentor, ended_at__isnull=True)
        .select_related("learner__home_region")
        .annotate(
            last_activity=Subquery(last_activity),
            last_contact_on=Subquery(last_contact),
        )
        .annotate(next_follow_up=Subquery(_pending_follow_up()))
        .annotate(
            flag_inactive=_flag(
                (Q(last_activity__isnull=True) | Q(last_activity__lt=inactive_since))
                & Q(started_at__lt=inactive_since)
            ),
            flag_no_contact=_flag(
                Q(last_contact_on__lt=no_contact_since)
                | Q(last_contact_on__isnull=True, started_at__date__lt=no_contact_since)
            ),
            flag_follow_up=_flag(Q(next_follow_up__lte=today)),
        )
        .annotate(
            flag_count=_as_int("flag_inactive")
            + _as_int("flag_no_contact")
            + _as_int("flag_follow_up")
        )
    )


SORTS = {
    "flags": ("-flag_count", "learner__display_name", "pk"),
    "name": ("learner__display_name", "pk"),
    "activity": (F("last_activity").asc(nulls_first=True), "pk"),
    "contact": (F("last_contact_on").asc(nulls_first=True), "pk"),
}


def mentee_rows(mentor, *, flag=None, search="", sort="flags", today=None, with_progress=True):
    """The mentor's mentees as rows for her list: filtered by flag ("any" or one of FLAGS),
    searched by name or village, sorted. Four queries with progress, one without."""
    queryset = mentee_queryset(mentor, today=today)
    if flag == "any":
        queryset = queryset.filter(flag_count__gt=0)
    elif flag in FLAGS:
        queryset = queryset.filter(**{f"flag_{flag}": True})
    if search:
        queryset = queryset.filter(
            Q(learner__display_name__icontains=search)
            | Q(learner__home_region__name__icontains=search)
            | Q(learner__home_region__name_en__icontains=search)
        )
    assignments = list(queryset.order_by(*SORTS.get(sort, SORTS["flags"])))
    progress = progress_summaries([a.learner_id for a in assignments]) if with_progress else {}
    return [MenteeRow(a, progress.get(a.learner_id)) for a in assignments]


def flag_counts(mentor, *, today=None) -> dict:
    """How many mentees carry each flag (one query), for the filter buttons."""
    totals = mentee_queryset(mentor, today=today).aggregate(
        all=Count("pk"),
        any=Count("pk", filter=Q(flag_count__gt=0)),
        inactive=Count("pk", filter=Q(flag_inactive=True)),
        no_contact=Count("pk", filter=Q(flag_no_contact=True)),
        follow_up=Count("pk", filter=Q(flag_follow_up=True)),
    )
    return totals


def mentee_detail(mentor, learner, *, today=None):
    """Her row (flags, next follow-up) and the coaching history the mentor may read."""
    assignment = mentee_queryset(mentor, today=today).filter(learner=learner).first()
    row = MenteeRow(assignment, None) if assignment else None
    contacts = list(contacts_visible_to(mentor).filter(learner=learner).select_related("mentor"))
    return row, contacts


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
    if one is planned from today on."""
    assignment = (
        MentorAssignment.objects.filter(learner=learner, ended_at__isnull=True)
        .select_related("mentor__mentor_profile")
        .annotate(
            last_contact_on=Subquery(
                _contacts_with_her().order_by("-contact_date").values("contact_date")[:1]
            )
        )
        .annotate(next_follow_up=Subquery(_pending_follow_up()))
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
