"""Reads for the staff dashboards. Readiness comes from the readiness engine only; every
selector costs a fixed number of queries whatever the number of cohorts, learners or mentors
(the overview: a fixed number per ladder level its cohorts aim at)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, Max, Min, OuterRef, Q, Subquery, When
from django.utils import timezone
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from assessments.models import QuizAttempt, Submission, SubmissionStatus
from assessments.selectors import localized, localized_many
from certificates.models import (
    COUNTED_KINDS,
    Certificate,
    CertificateStatus,
    RequirementKind,
    current_certificates_q,
)
from certificates.readiness import held_levels_bulk, ladder, readiness_bulk
from courses.models import Enrolment
from lms.accounts.models import Region
from lms.accounts.permissions import learners_managed_by
from lms.mentoring.models import CoachingContact, MentorAssignment
from lms.mentoring.permissions import mentor_profiles_visible_to
from lms.mentoring.selectors import mentor_load_queryset
from lms.programme.models import BookingStatus, Cohort, CohortMembership, MembershipStatus
from lms.programme.permissions import cohorts_visible_to, sessions_visible_to

from . import freshness
from .models import DashboardSettings


def visible_cohorts(user):
    return cohorts_visible_to(user).select_related("region").order_by("target_date", "name")


def _levels_by_slug():
    return {level.slug: level for level in ladder()}


def _active_members(cohorts):
    return CohortMembership.objects.filter(cohort__in=cohorts, status=MembershipStatus.ACTIVE)


# --- Readiness overview -------------------------------------------------------------------


def forecast_percent(*, ready, active, recent, window_days, days_left) -> int:
    """Ready now plus the recent pace (`recent` certificates over `window_days`) carried on
    linearly for `days_left` days, as a percent of the active members, at most 100."""
    if not active:
        return 0
    expected = ready
    if window_days > 0 and days_left > 0:
        expected += recent / window_days * days_left
    return min(100, round(100 * expected / active))


@dataclass
class CohortReadiness:
    cohort: object
    level: object  # the target level, or None when the ladder has no level of that slug
    level_name: str = ""  # in the reader's language
    active: int = 0
    ready: int = 0
    recent: int = 0  # target-level certificates issued to members within the window
    window_days: int = 0
    days_left: int = 0
    funnel: list = field(default_factory=list)  # [(label, count, percent of active)]

    @property
    def ready_percent(self):
        return round(100 * self.ready / self.active) if self.active else 0

    @property
    def forecast(self):
        return forecast_percent(
            ready=self.ready,
            active=self.active,
            recent=self.recent,
            window_days=self.window_days,
            days_left=self.days_left,
        )

    @property
    def per_week(self):
        return round(7 * self.recent / self.window_days, 1) if self.window_days else 0


def readiness_overview(cohorts, *, today=None, weeks=None, cached=True) -> list[CohortReadiness]:
    """Per cohort: the funnel of highest levels held by its active members, how many are
    ready for the target level now, and the forecast for the target date.

    Each cohort's numbers come from the cache when nothing of it changed (see freshness.py);
    the others are counted together. Queries: the ladder (three), the level names in the
    reader's language, and for the stale cohorts: members, held levels, recent certificates,
    and one readiness_bulk per target level among them."""
    today = today or timezone.localdate()
    weeks = weeks or DashboardSettings.load().forecast_weeks
    cohorts = list(cohorts)
    ordered = ladder()
    if cached:
        keys = freshness.overview_keys(cohorts, today=today, weeks=weeks)
        numbers = freshness.cached_numbers(keys)
        stale = [c for c in cohorts if c.pk not in numbers]
        if stale:
            fresh = _overview_numbers(stale, ordered, today=today, weeks=weeks)
            freshness.store_numbers(keys, fresh)
            numbers.update(fresh)
    else:
        numbers = _overview_numbers(cohorts, ordered, today=today, weeks=weeks)
    names = {pk: level.name for pk, level in localized_many(ordered).items()}
    levels = {level.slug: level for level in ordered}
    rows = []
    for cohort in cohorts:
        counted = numbers[cohort.pk]
        level = levels.get(cohort.level)
        row = CohortReadiness(
            cohort=cohort,
            level=level,
            level_name=names[level.pk] if level else cohort.get_level_display(),
            active=counted["active"],
            ready=counted["ready"],
            recent=counted["recent"],
            window_days=counted["window_days"],
            days_left=counted["days_left"],
        )
        for target in [None, *ordered]:
            count = counted["highest"].get(target.pk if target else None, 0)
            label = pgettext("certificate held", "none yet") if target is None else names[target.pk]
            percent = round(100 * count / row.active) if row.active else 0
            row.funnel.append((label, count, percent))
        rows.append(row)
    return rows


def overview_warm(today=None) -> int:
    """Count the overview of every cohort not past its target date into the cache, so that
    the first visitor of the day does not wait (run nightly after midnight). Returns how
    many cohorts were counted."""
    today = today or timezone.localdate()
    cohorts = Cohort.objects.filter(target_date__gte=today).order_by("pk")
    rows = readiness_overview(cohorts, today=today)
    return len(rows)


def _overview_numbers(cohorts, ordered, *, today, weeks) -> dict:
    """{cohort id: the overview's numbers}, plain data for the cache."""
    levels = {level.slug: level for level in ordered}
    cohort_ids = [c.pk for c in cohorts]
    members = {}
    for cohort_id, learner_id in _active_members(cohort_ids).values_list("cohort_id", "learner_id"):
        members.setdefault(cohort_id, []).append(learner_id)
    member_ids = _active_members(cohort_ids).values_list("learner_id", flat=True)
    held = held_levels_bulk(member_ids, today=today)

    ready_by_level = {}
    for slug in {c.level for c in cohorts}:
        level = levels.get(slug)
        if level is None:
            continue
        ids = _active_members([c.pk for c in cohorts if c.level == slug]).values_list(
            "learner_id", flat=True
        )
        ready_by_level[slug] = {
            pk
            for pk, readiness in readiness_bulk(ids, level, today=today).items()
            if readiness.is_held_or_ready
        }

    window_start = today - datetime.timedelta(weeks=weeks)
    issued = {}
    # The pace: certificates issued in the window and not revoked since (an expired one was
    # still earned then).
    for learner_id, level_id, issued_on in (
        Certificate.objects.filter(
            learner_id__in=member_ids,
            level__in=[levels[slug] for slug in ready_by_level],
            issued_on__gt=window_start,
            issued_on__lte=today,
        )
        .exclude(status=CertificateStatus.REVOKED)
        .values_list("learner_id", "level_id", "issued_on")
    ):
        issued.setdefault((learner_id, level_id), []).append(issued_on)

    numbers = {}
    for cohort in cohorts:
        level = levels.get(cohort.level)
        ids = members.get(cohort.pk, [])
        highest = {}
        for pk in ids:
            top = None
            for candidate in ordered:
                if candidate.pk in held.get(pk, ()):
                    top = candidate.pk
            highest[top] = highest.get(top, 0) + 1
        counted = {
            "active": len(ids),
            "highest": highest,
            "ready": 0,
            "recent": 0,
            "window_days": 0,
            "days_left": 0,
        }
        if level is not None:
            since = max(window_start, cohort.start_date)
            counted["ready"] = len(ready_by_level[cohort.level] & set(ids))
            counted["window_days"] = max((today - since).days, 0)
            counted["days_left"] = max((cohort.target_date - today).days, 0)
            counted["recent"] = sum(
                1 for pk in ids for day in issued.get((pk, level.pk), ()) if day > since
            )
        numbers[cohort.pk] = counted
    return numbers


# --- Cohort page: the requirement matrix --------------------------------------------------


def requirement_label(requirement):
    """The requirement as a column heading, naming its course, quiz or task in the reader's
    language (one query for the language, one for the translation)."""
    # Only course, quiz and task requirements name a target (LevelRequirement.clean).
    target = requirement.course or requirement.quiz or requirement.task
    if target is not None:
        return _("%(kind)s: %(title)s") % {
            "kind": requirement.get_kind_display(),
            "title": localized(target).title,
        }
    if requirement.kind in COUNTED_KINDS:
        return f"{requirement.get_kind_display()} ({requirement.count})"
    return requirement.get_kind_display()


def _check_cell(check):
    if check.met:
        return "✓"
    if check.have is not None and check.need is not None and check.kind != RequirementKind.QUIZ:
        return f"✗ {check.have}/{check.need}"
    if check.kind == RequirementKind.QUIZ and check.have is not None:
        return f"✗ {check.have}%"
    return "✗"


@dataclass
class MatrixRow:
    membership: object
    readiness: object
    mentor_name: str
    mentor_id: int | None

    @property
    def learner(self):
        return self.membership.learner

    @property
    def met_count(self):
        return sum(1 for c in self.readiness.checks if c.met)

    @property
    def is_ready(self):
        return self.readiness.is_held_or_ready


MATRIX_SORTS = ("name", "village", "mentor", "status", "progress", "-progress")


@dataclass
class CohortMatrix:
    cohort: object
    level: object
    level_name: str  # in the reader's language
    requirements: list
    labels: list  # the requirements' column headings
    rows: list
    villages: list  # [(id, name)] for the filter
    mentors: list  # [(id, name)]


def cohort_matrix(cohort, *, village=None, mentor=None, status=None, sort="name", today=None):
    """Every member × every requirement of the cohort's target level, from readiness_bulk.
    Filters and sorting happen on the loaded rows, so the choices list the whole cohort.
    Queries: members (with their mentor), three for the ladder, and readiness_bulk's."""
    today = today or timezone.localdate()
    level = _levels_by_slug().get(cohort.level)
    current = MentorAssignment.objects.filter(learner=OuterRef("learner_id"), ended_at__isnull=True)
    memberships = list(
        CohortMembership.objects.filter(cohort=cohort)
        .select_related("learner__home_region")
        .annotate(
            mentor_id=Subquery(current.values("mentor_id")[:1]),
            mentor_display=Subquery(current.values("mentor__display_name")[:1]),
            mentor_username=Subquery(current.values("mentor__username")[:1]),
        )
        .order_by("learner__display_name", "pk")
    )
    readiness = (
        readiness_bulk(
            CohortMembership.objects.filter(cohort=cohort).values_list("learner_id", flat=True),
            level,
            today=today,
        )
        if level is not None
        else {}
    )
    rows = [
        MatrixRow(
            membership=m,
            readiness=readiness.get(m.learner_id),
            mentor_name=m.mentor_display or m.mentor_username or "",
            mentor_id=m.mentor_id,
        )
        for m in memberships
        if m.learner_id in readiness
    ]
    villages = sorted(
        {
            (r.learner.home_region_id, str(r.learner.home_region))
            for r in rows
            if r.learner.home_region_id
        },
        key=lambda v: v[1],
    )
    mentors = sorted(
        {(r.mentor_id, r.mentor_name) for r in rows if r.mentor_id}, key=lambda v: v[1]
    )
    if village:
        rows = [r for r in rows if r.learner.home_region_id == village]
    if mentor:
        rows = [r for r in rows if r.mentor_id == mentor]
    if status:
        rows = [r for r in rows if r.membership.status == status]
    keys = {
        "name": lambda r: str(r.learner),
        "village": lambda r: str(r.learner.home_region or ""),
        "mentor": lambda r: r.mentor_name,
        "status": lambda r: r.membership.status,
        "progress": lambda r: (r.is_ready, r.met_count, r.readiness.percent),
    }
    if sort in ("progress", "-progress"):
        rows.sort(key=keys["progress"], reverse=sort == "-progress")
    else:
        rows.sort(key=keys.get(sort, keys["name"]))
    requirements = list(rows[0].readiness.level.reqs if rows else (level.reqs if level else []))
    return CohortMatrix(
        cohort,
        level,
        localized(level).name if level else cohort.get_level_display(),
        requirements,
        [requirement_label(r) for r in requirements],
        rows,
        villages,
        mentors,
    )


def matrix_table(matrix):
    """(headers, rows) as shown and exported: a fresh sign-off some learners need is shown
    in the last column."""
    headers = [
        _("Learner"),
        _("Village"),
        _("Mentor"),
        _("Status"),
        *matrix.labels,
        _("Extra sign-off"),
        _("Ready"),
    ]
    table = []
    for row in matrix.rows:
        by_requirement = {id(c.requirement): c for c in row.readiness.checks}
        extra = [
            c
            for c in row.readiness.checks
            if id(c.requirement) not in {id(r) for r in matrix.requirements}
        ]
        table.append(
            [
                str(row.learner),
                str(row.learner.home_region or ""),
                row.mentor_name,
                row.membership.get_status_display(),
                *[
                    _check_cell(by_requirement[id(r)]) if id(r) in by_requirement else ""
                    for r in matrix.requirements
                ],
                _check_cell(extra[0]) if extra else "",
                _held_or_ready(row.readiness),
            ]
        )
    return headers, table


def _held_or_ready(readiness):
    if readiness.is_held:
        return str(_("certified"))
    if readiness.is_ready:
        return str(_("ready"))
    return f"{readiness.percent}%"


# --- At risk ------------------------------------------------------------------------------

RISK_REASONS = ("inactive", "quiz_failures", "task_waiting", "no_mentor", "no_contact", "expiring")


def risk_labels(config):
    return {
        "inactive": _("No activity for %(days)s days") % {"days": config.inactive_days},
        "quiz_failures": _("%(n)s or more failed attempts at a quiz") % {"n": config.quiz_failures},
        "task_waiting": _("Practical task waiting more than %(days)s days")
        % {"days": config.task_wait_days},
        "no_mentor": _("No mentor"),
        "no_contact": _("No coaching contact for %(days)s days") % {"days": config.no_contact_days},
        "expiring": _("Certificate expiring within %(days)s days")
        % {"days": config.expiry_warning_days},
    }


@dataclass
class Person:
    """A learner as the at-risk list shows her: plain values, not a model instance (a
    province has tens of thousands)."""

    pk: int
    name: str
    village: str

    def __str__(self):
        return self.name


@dataclass
class RiskRow:
    learner: Person
    cohorts: list
    joined_on: datetime.date
    reasons: dict = field(default_factory=dict)  # code: detail


def at_risk_rows(cohorts, *, reason=None, today=None, now=None, config=None) -> list[RiskRow]:
    """Active members of `cohorts` with at least one reason to worry, each reason with its
    detail. One query per reason, plus the members, their cohorts and the settings."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    config = config or DashboardSettings.load()
    members = {}
    cohort_ids = cohorts.values("pk") if hasattr(cohorts, "values") else [c.pk for c in cohorts]
    cohort_by_id = {c.pk: c for c in Cohort.objects.filter(pk__in=cohort_ids).only("name")}
    english = get_language() == "en"
    for learner_id, cohort_id, joined_on, name, username, village, village_en in (
        _active_members(cohorts)
        .order_by("learner__display_name", "learner_id", "cohort__name")
        .values_list(
            "learner_id",
            "cohort_id",
            "joined_on",
            "learner__display_name",
            "learner__username",
            "learner__home_region__name",
            "learner__home_region__name_en",
        )
    ):
        row = members.get(learner_id)
        if row is None:
            person = Person(learner_id, name or username, (english and village_en) or village or "")
            row = members[learner_id] = RiskRow(person, [], joined_on)
        row.cohorts.append(cohort_by_id[cohort_id])
        row.joined_on = min(row.joined_on, joined_on)
    ids = _active_members(cohorts).values_list("learner_id", flat=True)

    def grace_over(row, days):
        return row.joined_on < today - datetime.timedelta(days=days)

    # No activity: her latest lesson activity, or none since she joined, N days back.
    activity = dict(
        Enrolment.objects.filter(learner_id__in=ids)
        .values_list("learner_id", flat=True)
        .annotate(last=Max("last_activity_at"))
        .values_list("learner_id", "last")
    )
    inactive_since = now - datetime.timedelta(days=config.inactive_days)
    last_active, never_active = _("last active %(date)s"), _("no activity since she joined")
    for pk, row in members.items():
        last = activity.get(pk)
        if last is not None and last < inactive_since:
            row.reasons["inactive"] = last_active % {
                "date": timezone.localtime(last).date().isoformat()
            }
        elif last is None and grace_over(row, config.inactive_days):
            row.reasons["inactive"] = never_active

    # Repeated failures at a quiz she has not passed.
    for pk, title, fails in (
        QuizAttempt.objects.filter(learner_id__in=ids, submitted_at__isnull=False)
        .values("learner_id", "quiz_id")
        .annotate(
            fails=Count("pk", filter=Q(passed=False)), passes=Count("pk", filter=Q(passed=True))
        )
        .filter(passes=0, fails__gte=config.quiz_failures)
        .order_by("learner_id", "quiz__title")
        .values_list("learner_id", "quiz__title", "fails")
    ):
        if pk in members and "quiz_failures" not in members[pk].reasons:
            members[pk].reasons["quiz_failures"] = _("“%(quiz)s”: %(n)s failed attempts") % {
                "quiz": title,
                "n": fails,
            }

    # Practical work waiting: for the mentor's grade, or for her revision.
    waiting_since = now - datetime.timedelta(days=config.task_wait_days)
    for pk, title, status, since in (
        Submission.objects.filter(learner_id__in=ids)
        .filter(
            Q(status=SubmissionStatus.SUBMITTED, submitted_at__lt=waiting_since)
            | Q(status=SubmissionStatus.NEEDS_REVISION, updated_at__lt=waiting_since)
        )
        .annotate(since=_waiting_since())
        .order_by("learner_id", "since")
        .values_list("learner_id", "task__title", "status", "since")
    ):
        if pk in members and "task_waiting" not in members[pk].reasons:
            text = (
                _("“%(task)s” waiting for grading since %(date)s")
                if status == SubmissionStatus.SUBMITTED
                else _("“%(task)s” waiting for her revision since %(date)s")
            )
            members[pk].reasons["task_waiting"] = text % {
                "task": title,
                "date": timezone.localtime(since).date().isoformat(),
            }

    # No mentor now.
    mentored = set(
        MentorAssignment.objects.filter(learner_id__in=ids, ended_at__isnull=True).values_list(
            "learner_id", flat=True
        )
    )
    no_mentor = _("no current mentor")
    for pk, row in members.items():
        if pk not in mentored:
            row.reasons["no_mentor"] = no_mentor

    # No coaching contact (from anyone) for N days, after a grace period since she joined.
    contacts = dict(
        CoachingContact.objects.filter(learner_id__in=ids)
        .values_list("learner_id", flat=True)
        .annotate(last=Max("contact_date"))
        .values_list("learner_id", "last")
    )
    no_contact_since = today - datetime.timedelta(days=config.no_contact_days)
    last_contact, never_contacted = _("last contact %(date)s"), _("no contact since she joined")
    for pk, row in members.items():
        last = contacts.get(pk)
        if last is not None and last < no_contact_since:
            row.reasons["no_contact"] = last_contact % {"date": last.isoformat()}
        elif last is None and grace_over(row, config.no_contact_days):
            row.reasons["no_contact"] = never_contacted

    # A certificate that expires soon (one she holds now), its level named in her language.
    level_names = {pk: level.name for pk, level in localized_many(ladder()).items()}
    for pk, level_id, expires_on in (
        Certificate.objects.filter(
            current_certificates_q(today),
            learner_id__in=ids,
            expires_on__lte=today + datetime.timedelta(days=config.expiry_warning_days),
        )
        .order_by("learner_id", "expires_on")
        .values_list("learner_id", "level_id", "expires_on")
    ):
        if pk in members and "expiring" not in members[pk].reasons:
            members[pk].reasons["expiring"] = _("%(level)s expires %(date)s") % {
                "level": level_names.get(level_id, ""),
                "date": expires_on.isoformat(),
            }

    rows = [row for row in members.values() if row.reasons]
    if reason:
        rows = [row for row in rows if reason in row.reasons]
    return rows


def _waiting_since():
    return Case(
        When(status=SubmissionStatus.SUBMITTED, then=F("submitted_at")), default=F("updated_at")
    )


def at_risk_table(rows, config):
    labels = risk_labels(config)
    headers = [_("Learner"), _("Village"), _("Cohort"), _("Reasons"), _("Details")]
    table = [
        [
            row.learner.name,
            row.learner.village,
            ", ".join(c.name for c in row.cohorts),
            "; ".join(str(labels[code]) for code in RISK_REASONS if code in row.reasons),
            "; ".join(str(row.reasons[code]) for code in RISK_REASONS if code in row.reasons),
        ]
        for row in rows
    ]
    return headers, table


# --- Mentor load and grading backlog ------------------------------------------------------


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


# --- Face-to-face training ----------------------------------------------------------------

SESSION_PERIODS = ("past", "upcoming")


def training_rows(user, *, period=None, level=None, now=None):
    """Sessions of the staff member's regions with seats taken and attendance. One query."""
    now = now or timezone.now()
    sessions = sessions_visible_to(user).select_related("region")
    if period == "past":
        sessions = sessions.filter(starts_at__lte=now)
    elif period == "upcoming":
        sessions = sessions.filter(starts_at__gt=now)
    if level:
        sessions = sessions.filter(level=level)
    return list(
        sessions.annotate(
            seats_taken=Count(
                "bookings", filter=Q(bookings__status=BookingStatus.BOOKED), distinct=True
            ),
            waiting=Count(
                "bookings", filter=Q(bookings__status=BookingStatus.WAITING), distinct=True
            ),
            present=Count("attendances", filter=Q(attendances__present=True), distinct=True),
        ).order_by("-starts_at", "pk")
    )


def attendance_rate(session, now=None):
    """Present over seats taken, for a session that has started and was not cancelled."""
    now = now or timezone.now()
    if session.is_cancelled or session.starts_at > now or not session.seats_taken:
        return None
    return round(100 * session.present / session.seats_taken)


def training_totals(sessions, now=None) -> dict:
    """Sessions, seats and seats taken of the listed sessions, and attendance at those held
    (present over seats taken), in percent, or None when none was held."""
    held = [s for s in sessions if attendance_rate(s, now) is not None]
    booked = sum(s.seats_taken for s in held)
    return {
        "sessions": len(sessions),
        "seats": sum(s.capacity for s in sessions),
        "taken": sum(s.seats_taken for s in sessions),
        "rate": round(100 * sum(s.present for s in held) / booked) if booked else None,
    }


def training_table(sessions, now=None):
    headers = [
        _("Session"),
        _("Level"),
        _("Region"),
        _("Starts"),
        _("Seats"),
        _("Seats taken"),
        _("Waiting list"),
        _("Present"),
        _("Attendance rate (%)"),
        _("Cancelled"),
    ]
    table = []
    for s in sessions:
        rate = attendance_rate(s, now)
        table.append(
            [
                s.title,
                s.get_level_display(),
                str(s.region),
                timezone.localtime(s.starts_at).strftime("%Y-%m-%d %H:%M"),
                s.capacity,
                s.seats_taken,
                s.waiting,
                s.present,
                "" if rate is None else rate,
                _("yes") if s.is_cancelled else "",
            ]
        )
    return headers, table


def overview_table(rows):
    """(headers, rows) of the readiness overview, as shown beside the charts and exported."""
    funnel_labels = [label for label, _count, _percent in rows[0].funnel] if rows else []
    headers = [
        _("Cohort"),
        _("Region"),
        _("Target level"),
        _("Target date"),
        _("Active learners"),
        *[_("Highest held: %(level)s") % {"level": label} for label in funnel_labels],
        _("Ready now"),
        _("Ready now (%)"),
        _("Certificates per week"),
        _("Forecast at target date (%)"),
    ]
    table = [
        [
            row.cohort.name,
            str(row.cohort.region),
            row.level_name,
            row.cohort.target_date.isoformat(),
            row.active,
            *[count for _label, count, _percent in row.funnel],
            row.ready,
            row.ready_percent,
            row.per_week,
            row.forecast,
        ]
        for row in rows
    ]
    return headers, table
