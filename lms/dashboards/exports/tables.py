"""Every dashboard table as a download, built by one function per table from the filters in
the address, as the staff member who asks sees it now (her regions, her role)."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from courses.levels import Level
from lms.core.spreadsheets import FORMATS
from lms.engagement.models import EngagementSettings
from lms.engagement.rules import REASONS
from lms.programme.models import CohortMembership, MembershipStatus

from .. import selectors
from ..models import DashboardSettings, ExportTable

logger = logging.getLogger(__name__)

KEEP_DAYS = 7  # exports (rows and files) are deleted after this many days
PROGRESS_EVERY = 1000  # rows written between two progress updates

ERROR_NO_ACCESS = "no_access"
ERROR_CRASHED = "crashed"


def error_message(code: str) -> str:
    messages = {
        ERROR_NO_ACCESS: _(
            "This export was not made: you no longer have access to these learners. Ask an "
            "administrator to give you back your programme staff role or region."
        ),
        ERROR_CRASHED: _(
            "This export could not be made because of an error on the platform. Please try "
            "again; if it fails again, tell the platform team."
        ),
    }
    return messages.get(code, messages[ERROR_CRASHED])


class ExportRefused(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


# --- Filters, as the screens read them -----------------------------------------------------


def to_int(value):
    """A positive id from the address, or None (a number no database id can be is None too:
    SQLite cannot compare with it)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


def choice(value, choices):
    return value if value in choices else ""


def cohort_filters(params) -> dict:
    # Active members unless the filter asks for another status or for all ("").
    return {
        "village": to_int(params.get("village")),
        "mentor": to_int(params.get("mentor")),
        "status": choice(params.get("status", MembershipStatus.ACTIVE), MembershipStatus.values),
        "sort": choice(params.get("sort"), selectors.MATRIX_SORTS) or "name",
    }


def at_risk_filters(params) -> dict:
    return {
        "cohort": to_int(params.get("cohort")),
        "reason": choice(params.get("reason"), REASONS),
    }


def training_filters(params) -> dict:
    return {
        "period": choice(params.get("period"), selectors.SESSION_PERIODS),
        "level": choice(params.get("level"), Level.values),
    }


# --- The tables -----------------------------------------------------------------------------


@dataclass
class Table:
    headers: list
    rows: list
    filename: str  # without the extension


def overview_rows(user, params, config):
    """The overview's rows as the screen shows them: the visible cohorts, of one region if
    the address names one."""
    cohorts = selectors.visible_cohorts(user)
    if region := to_int(params.get("region")):
        cohorts = cohorts.filter(region_id=region)
    return selectors.readiness_overview(
        cohorts, today=timezone.localdate(), weeks=config.forecast_weeks
    )


def _overview(user, params):
    rows = overview_rows(user, params, DashboardSettings.load())
    return Table(*selectors.overview_table(rows), "readiness-overview")


def _visible_cohort(user, params):
    cohort = selectors.visible_cohorts(user).filter(pk=to_int(params.get("cohort"))).first()
    if cohort is None:
        raise ExportRefused(ERROR_NO_ACCESS)
    return cohort


def _cohort(user, params):
    cohort = _visible_cohort(user, params)
    matrix = selectors.cohort_matrix(cohort, **cohort_filters(params))
    filename = f"cohort-{cohort.pk}-{slugify(cohort.name) or 'matrix'}"
    return Table(*selectors.matrix_table(matrix), filename)


def _cohort_size(user, params):
    """At least the rows of the matrix: the members of the chosen status and village."""
    cohort = _visible_cohort(user, params)
    filters = cohort_filters(params)
    members = CohortMembership.objects.filter(cohort=cohort)
    if filters["status"]:
        members = members.filter(status=filters["status"])
    if filters["village"]:
        members = members.filter(learner__home_region_id=filters["village"])
    return members.count()


def _risk_cohorts(user, params):
    cohorts = selectors.visible_cohorts(user)
    cohort_id = at_risk_filters(params)["cohort"]
    return cohorts.filter(pk=cohort_id) if cohort_id else cohorts


def at_risk_rows(user, params, config):
    """The at-risk rows as the screen lists them, every page of them."""
    return selectors.at_risk_rows(
        _risk_cohorts(user, params),
        reason=at_risk_filters(params)["reason"] or None,
        config=config,
    )


def _at_risk(user, params):
    config = EngagementSettings.load()
    return Table(*selectors.at_risk_table(at_risk_rows(user, params, config), config), "at-risk")


def _at_risk_size(user, params):
    """At least the rows of the list: its active members (one count, not the six rules)."""
    return (
        CohortMembership.objects.filter(
            cohort__in=_risk_cohorts(user, params).values("pk"), status=MembershipStatus.ACTIVE
        )
        .values("learner_id")
        .distinct()
        .count()
    )


def _mentor_load(user, params):
    now = timezone.now()
    return Table(*selectors.mentor_table(selectors.mentor_load_rows(user), now), "mentor-load")


def _grading_backlog(user, params):
    return Table(*selectors.grading_backlog(user, timezone.now()), "grading-backlog")


def training_sessions(user, params, now):
    return selectors.training_rows(user, now=now, **training_filters(params))


def _training(user, params):
    now = timezone.now()
    return Table(
        *selectors.training_table(training_sessions(user, params, now), now), "training-sessions"
    )


@dataclass(frozen=True)
class TableExport:
    build: object  # (user, params) -> Table
    keys: tuple  # the GET parameters that choose its rows
    size: object = None  # (user, params) -> a cheap upper bound of its rows; None: always small


TABLES = {
    ExportTable.OVERVIEW: TableExport(_overview, ("region",)),
    ExportTable.COHORT: TableExport(
        _cohort, ("cohort", "village", "mentor", "status", "sort"), _cohort_size
    ),
    ExportTable.AT_RISK: TableExport(_at_risk, ("cohort", "reason"), _at_risk_size),
    ExportTable.MENTOR_LOAD: TableExport(_mentor_load, ()),
    ExportTable.GRADING_BACKLOG: TableExport(_grading_backlog, ()),
    ExportTable.TRAINING: TableExport(_training, ("period", "level")),
}


def build_table(user, table, params) -> Table:
    return TABLES[table].build(user, params)


# --- From the request -----------------------------------------------------------------------


def wanted_format(request):
    fmt = request.GET.get("export")
    return fmt if fmt in FORMATS else None


def export_filters(table, params) -> dict:
    """The parameters that choose the rows, as given (a missing one keeps its default)."""
    return {key: params[key] for key in TABLES[table].keys if key in params}


def is_large(user, table, params) -> bool:
    size = TABLES[table].size
    return size is not None and size(user, params) > settings.EXPORT_INLINE_ROWS
