"""Mentors' load against their capacity, and the grading backlog per village."""

from django.db.models import Count, F, Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.models import Submission, SubmissionStatus
from lms.accounts.models import Region
from lms.accounts.permissions import learners_managed_by
from lms.mentoring.models import MentorAssignment
from lms.mentoring.permissions import mentor_profiles_visible_to
from lms.mentoring.selectors import mentor_load_queryset


def mentor_load_rows(user) -> list:
    """Mentors of the staff member's regions with mentees against capacity, and the work of
    their mentees waiting for grading (count and oldest). Two queries."""
    profiles = list(
        mentor_load_queryset(mentor_profiles_visible_to(user)).order_by(
            "-load_percent", "user__display_name"
        )
    )
    waiting = {
        row["mentor"]: row
        for row in Submission.objects.filter(
            status=SubmissionStatus.SUBMITTED,
            learner__mentor_assignments__ended_at__isnull=True,
            learner__mentor_assignments__mentor_id__in=[p.user_id for p in profiles],
        )
        .values(mentor=F("learner__mentor_assignments__mentor_id"))
        .annotate(n=Count("pk"), oldest=Min("submitted_at"))
    }
    for profile in profiles:
        row = waiting.get(profile.user_id, {})
        profile.waiting = row.get("n", 0)
        profile.oldest_wait = row.get("oldest")
    return profiles


def mentor_table(profiles, now=None):
    now = now or timezone.now()
    headers = [
        _("Mentor"),
        _("Home region"),
        _("Mentees"),
        _("Capacity"),
        _("Load (%)"),
        _("Waiting for grading"),
        _("Oldest wait (days)"),
    ]
    table = [
        [
            str(p.user),
            str(p.user.home_region or ""),
            p.mentee_count,
            p.capacity,
            p.load_percent,
            p.waiting,
            (now - p.oldest_wait).days if p.oldest_wait else "",
        ]
        for p in profiles
    ]
    return headers, table


def grading_backlog(user, now=None) -> tuple[list, list]:
    """Per home region of the learners (two villages of one name stay two rows):
    submissions waiting for grading and the oldest wait. Learners without a mentor count
    too: nobody grades their work. Two queries."""
    now = now or timezone.now()
    rows = list(
        Submission.objects.filter(
            status=SubmissionStatus.SUBMITTED, learner__in=learners_managed_by(user)
        )
        .values("learner__home_region_id")
        .annotate(
            n=Count("pk"),
            oldest=Min("submitted_at"),
            unmentored=Count(
                "pk",
                filter=~Q(
                    learner__in=MentorAssignment.objects.filter(ended_at__isnull=True).values(
                        "learner_id"
                    )
                ),
            ),
        )
        .order_by("oldest", "learner__home_region_id")
    )
    regions = Region.objects.in_bulk([row["learner__home_region_id"] for row in rows])
    headers = [
        _("Region"),
        _("Waiting for grading"),
        _("Of learners without a mentor"),
        _("Oldest wait (days)"),
    ]
    table = [
        [
            str(regions.get(row["learner__home_region_id"]) or ""),
            row["n"],
            row["unmentored"],
            (now - row["oldest"]).days if row["oldest"] else "",
        ]
        for row in rows
    ]
    return headers, table
