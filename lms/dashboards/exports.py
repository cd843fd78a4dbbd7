"""Every dashboard table as a download, built by one function per table from the filters in
the address. Small tables are answered in the request; one that would have more than
settings.EXPORT_INLINE_ROWS rows becomes an ExportJob that a task writes to a file, as the
staff member who asked would see it now (her regions, her role) and in her language."""

import datetime
import logging
import tempfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from courses.levels import Level
from lms.accounts.models import Region, User
from lms.accounts.permissions import is_programme_staff, regions_visible_to
from lms.accounts.spreadsheets import FORMATS, spreadsheet_response, write_spreadsheet
from lms.programme.models import CohortMembership, MembershipStatus

from . import selectors
from .models import DashboardSettings, ExportJob, ExportStatus, ExportTable

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
        "reason": choice(params.get("reason"), selectors.RISK_REASONS),
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
    config = DashboardSettings.load()
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


def export_or_queue(request, table, fmt, **extra):
    """The download itself (an HttpResponse) for a small table; a queued ExportJob for a
    large one, whose page the caller shows. `extra` are parameters from the path."""
    params = {**request.GET.dict(), **{key: str(value) for key, value in extra.items()}}
    if is_large(request.user, table, params):
        return export_job_create(
            user=request.user,
            table=table,
            file_format=fmt,
            filters=export_filters(table, params),
            language=translation.get_language() or "",
        )
    built = build_table(request.user, table, params)
    return spreadsheet_response(built.headers, built.rows, built.filename, fmt)


# --- Jobs -------------------------------------------------------------------------------------


def export_job_create(*, user, table, file_format, filters, language="") -> ExportJob:
    """Queue an export. The same export asked for again while it is still being made (a
    double click) is the same job."""
    if not is_programme_staff(user):
        raise PermissionDenied
    with transaction.atomic():
        # Her row is the lock: two clicks at once queue one export.
        User.objects.select_for_update().filter(pk=user.pk).first()
        for waiting in ExportJob.objects.filter(
            requested_by=user,
            table=table,
            file_format=file_format,
            language=language,
            status__in=[ExportStatus.PENDING, ExportStatus.RUNNING],
        ):
            if waiting.filters == filters:
                return waiting
        job = ExportJob.objects.create(
            requested_by=user,
            table=table,
            file_format=file_format,
            filters=filters,
            language=language,
        )
        from .tasks import export_job_run_task

        export_job_run_task.delay_on_commit(job.pk)
    return job


def export_jobs_of(user):
    return ExportJob.objects.filter(requested_by=user)


def export_still_hers(job, user) -> bool:
    """A finished file is hers while she still sees every region she was staff of when it
    was made (moved to another county, she no longer downloads the old one's learners)."""
    if not job.regions:
        return True
    return not (
        Region.objects.filter(pk__in=job.regions)
        .exclude(pk__in=regions_visible_to(user).values("pk"))
        .exists()
    )


def export_job_run(*, job_id: int) -> ExportJob | None:
    """Make the file of a queued export. Idempotent: an export done or failed is left as it
    is; one left running by a lost worker is made again; of two runs at once, the first to
    finish keeps its file and the other's is deleted. A crash marks the export failed."""
    with transaction.atomic():
        job = ExportJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.is_over:
            return job
        job.status = ExportStatus.RUNNING
        job.started_at = timezone.now()
        job.save(update_fields=["status", "started_at"])
    try:
        return _export_write(job)
    except ExportRefused as exc:
        return _export_fail(job_id, exc.code)
    except Exception:
        logger.exception("export %s failed", job_id)
        return _export_fail(job_id, ERROR_CRASHED)


def _export_write(job):
    user = job.requested_by
    if not user.is_active or not is_programme_staff(user):
        raise ExportRefused(ERROR_NO_ACCESS)
    language = job.language or user.preferred_language or settings.LANGUAGE_CODE
    running = ExportJob.objects.filter(pk=job.pk, status=ExportStatus.RUNNING)
    regions = sorted(user.staff_regions.values_list("pk", flat=True))
    with translation.override(language):
        built = build_table(user, job.table, job.filters)
        running.update(total=len(built.rows), done=0)
        with tempfile.TemporaryFile() as out:
            write_spreadsheet(
                out,
                built.headers,
                built.rows,
                job.file_format,
                # Never past the total another run of the same export may have counted.
                progress=lambda n: running.filter(total__gte=n).update(done=n),
                every=PROGRESS_EVERY,
            )
            out.seek(0)
            name = job.file.field.generate_filename(job, "")
            stored = job.file.storage.save(name, File(out))
    with transaction.atomic():
        job = ExportJob.objects.select_for_update().get(pk=job.pk)
        if job.is_over:  # another run finished first
            job.file.storage.delete(stored)
            return job
        job.file.name = stored
        job.file_name = f"{built.filename}.{job.file_format}"
        job.status = ExportStatus.DONE
        job.regions = regions
        job.total = job.done = len(built.rows)
        job.error = ""
        job.finished_at = timezone.now()
        job.save()
    return job


def _export_fail(job_id, code):
    ExportJob.objects.filter(pk=job_id).exclude(status=ExportStatus.DONE).update(
        status=ExportStatus.FAILED, error=code, finished_at=timezone.now()
    )
    return ExportJob.objects.filter(pk=job_id).first()


def export_jobs_purge(*, now=None) -> int:
    """Delete exports older than KEEP_DAYS with their files, and files of the exports folder
    no export names (a run that lost the race, a deleted user's) as old. Returns how many
    exports were deleted."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=KEEP_DAYS)
    old = ExportJob.objects.filter(created_at__lt=cutoff)
    deleted = 0
    for job in old.iterator():
        if job.file:
            job.file.storage.delete(job.file.name)
        job.delete()
        deleted += 1
    _purge_orphan_files(cutoff)
    return deleted


def _purge_orphan_files(cutoff):
    storage = ExportJob._meta.get_field("file").storage
    try:
        _dirs, names = storage.listdir("exports")
    except (FileNotFoundError, NotImplementedError):
        return
    paths = [f"exports/{name}" for name in names]
    kept = set(ExportJob.objects.filter(Q(file__in=paths)).values_list("file", flat=True))
    for path in paths:
        if path in kept:
            continue
        try:
            if storage.get_modified_time(path) < cutoff:
                storage.delete(path)
        except (FileNotFoundError, NotImplementedError):
            continue
