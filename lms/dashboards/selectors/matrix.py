"""A cohort's requirement matrix: every member × every requirement of the target level,
from the readiness engine; each cell as the requirement's unit shows it."""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.readiness import readiness_bulk
from certificates.requirements import UNITS
from lms.core.translation import localized
from lms.mentoring.models import MentorAssignment
from lms.programme.models import CohortMembership, MembershipStatus

from .common import levels_by_slug


def requirement_label(requirement):
    """The requirement as a column heading, in the reader's language (its unit decides)."""
    return UNITS[requirement.kind].heading(requirement)


def _check_cell(check):
    return check.unit.cell(check)


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
    level = levels_by_slug().get(cohort.level)
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
    # The statuses' names looked up once: the model's get_status_display makes a dict of
    # the choices again for each row.
    statuses = {value: str(label) for value, label in MembershipStatus.choices}
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
                statuses.get(row.membership.status, row.membership.status),
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
