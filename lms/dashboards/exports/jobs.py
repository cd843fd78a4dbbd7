"""A table too large to answer in the request (more than settings.EXPORT_INLINE_ROWS rows)
becomes an ExportJob that a task writes to a file, as the staff member who asked would see it
then and in her language; only she downloads it, and only while she still sees its regions."""

import datetime
import logging
import tempfile

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from lms.accounts.models import Region, User
from lms.accounts.permissions import is_programme_staff, regions_visible_to
from lms.core.spreadsheets import spreadsheet_response, write_spreadsheet
from lms.core.tasks import enqueue_on_commit

from ..models import ExportJob, ExportStatus
from .tables import (
    ERROR_CRASHED,
    ERROR_NO_ACCESS,
    KEEP_DAYS,
    PROGRESS_EVERY,
    ExportRefused,
    build_table,
    export_filters,
    is_large,
)

logger = logging.getLogger(__name__)

RUN_TASK = "lms.dashboards.tasks.export_job_run_task"


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
        enqueue_on_commit(RUN_TASK, job.pk)
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
