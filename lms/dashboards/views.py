"""Staff dashboards in the Wagtail admin: read-only, limited to the staff member's regions,
each table downloadable as CSV or Excel with the filters on screen (a large one is made by a
task: its page shows the progress, then the download)."""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.levels import Level
from lms.accounts.staff_admin import require_programme_staff
from lms.core.spreadsheets import CONTENT_TYPES
from lms.engagement.models import EngagementSettings
from lms.engagement.rules import REASONS, reason_labels
from lms.programme.models import MembershipStatus

from . import exports, selectors
from .models import DashboardSettings, ExportJob, ExportStatus, ExportTable


def _export(request, table, fmt, **extra):
    """The file, or the page of the export job a large table became."""
    result = exports.export_or_queue(request, table, fmt, **extra)
    if isinstance(result, ExportJob):
        return redirect("dashboards:export", result.pk)
    return result


def _export_query(request):
    query = request.GET.copy()
    query.pop("export", None)
    query.pop("p", None)
    return query.urlencode()


def _render(request, template, context):
    context.setdefault("export_query", _export_query(request))
    return TemplateResponse(request, f"dashboards/{template}", context)


_wants_export = exports.wanted_format


def overview(request):
    require_programme_staff(request)
    if fmt := _wants_export(request):
        return _export(request, ExportTable.OVERVIEW, fmt)
    config = DashboardSettings.load()
    rows = exports.overview_rows(request.user, request.GET, config)
    headers, table = selectors.overview_table(rows)
    return _render(
        request,
        "overview.html",
        {"rows": rows, "headers": headers, "table": table, "weeks": config.forecast_weeks},
    )


def cohort(request, cohort_id):
    require_programme_staff(request)
    cohort = get_object_or_404(selectors.visible_cohorts(request.user), pk=cohort_id)
    if fmt := _wants_export(request):
        return _export(request, ExportTable.COHORT, fmt, cohort=cohort.pk)
    selected = exports.cohort_filters(request.GET)
    matrix = selectors.cohort_matrix(cohort, **selected)
    headers, table = selectors.matrix_table(matrix)
    links = [reverse("learn:learner_detail", args=[row.learner.pk]) for row in matrix.rows]
    sort_query = request.GET.copy()
    sort_query.pop("sort", None)
    sort_query.pop("export", None)
    return _render(
        request,
        "cohort.html",
        {
            "cohort": cohort,
            "matrix": matrix,
            "headers": headers,
            "table": list(zip(links, table, strict=True)),
            "statuses": MembershipStatus.choices,
            "selected": selected,
            "sorts": [
                ("name", _("Name")),
                ("village", _("Village")),
                ("mentor", _("Mentor")),
                ("status", _("Status")),
                ("progress", _("Furthest behind first")),
                ("-progress", _("Furthest ahead first")),
            ],
            "sort_query": sort_query.urlencode(),
        },
    )


AT_RISK_PAGE_SIZE = 100


def at_risk(request):
    require_programme_staff(request)
    if fmt := _wants_export(request):
        return _export(request, ExportTable.AT_RISK, fmt)
    config = EngagementSettings.load(request_or_site=request)
    rows = exports.at_risk_rows(request.user, request.GET, config)
    # A province can have thousands at risk: the screen shows them a page at a time (the
    # export has them all).
    page = Paginator(rows, AT_RISK_PAGE_SIZE).get_page(request.GET.get("p"))
    headers, table = selectors.at_risk_table(page.object_list, config)
    labels = reason_labels(config)
    links = [reverse("learn:learner_detail", args=[row.learner.pk]) for row in page]
    return _render(
        request,
        "at_risk.html",
        {
            "headers": headers,
            "page": page,
            "table": list(zip(links, table, strict=True)),
            "reasons": [(code, labels[code]) for code in REASONS],
            "cohorts": list(selectors.visible_cohorts(request.user)),
            "selected": exports.at_risk_filters(request.GET),
        },
    )


def mentors(request):
    require_programme_staff(request)
    if fmt := _wants_export(request):
        if request.GET.get("table") == "backlog":
            return _export(request, ExportTable.GRADING_BACKLOG, fmt)
        return _export(request, ExportTable.MENTOR_LOAD, fmt)
    now = timezone.now()
    load_headers, load_rows = selectors.mentor_table(selectors.mentor_load_rows(request.user), now)
    backlog_headers, backlog_rows = selectors.grading_backlog(request.user, now)
    return _render(
        request,
        "mentors.html",
        {
            "load_headers": load_headers,
            "load_rows": load_rows,
            "backlog_headers": backlog_headers,
            "backlog_rows": backlog_rows,
        },
    )


def training(request):
    require_programme_staff(request)
    if fmt := _wants_export(request):
        return _export(request, ExportTable.TRAINING, fmt)
    now = timezone.now()
    sessions = exports.training_sessions(request.user, request.GET, now)
    headers, table = selectors.training_table(sessions, now)
    return _render(
        request,
        "training.html",
        {
            "headers": headers,
            "table": table,
            "levels": Level.choices,
            "periods": [("past", _("Held")), ("upcoming", _("Upcoming"))],
            "selected": exports.training_filters(request.GET),
            "totals": selectors.training_totals(sessions, now),
        },
    )


# --- Exports made by a task ---------------------------------------------------------------

RECENT_EXPORTS = 20


def _recent_exports(request):
    return list(exports.export_jobs_of(request.user).defer("filters")[:RECENT_EXPORTS])


def export_index(request):
    require_programme_staff(request)
    return TemplateResponse(
        request,
        "dashboards/export_index.html",
        {"jobs": _recent_exports(request), "keep_days": exports.KEEP_DAYS},
    )


def export_job(request, job_id):
    """While the file is being made, the page refreshes itself; then it offers the download.
    Only the staff member who asked sees it (another gets a 404)."""
    require_programme_staff(request)
    job = get_object_or_404(exports.export_jobs_of(request.user), pk=job_id)
    running = not job.is_over
    return TemplateResponse(
        request,
        "dashboards/export_job.html",
        {
            "job": job,
            "running": running,
            "counting": running and job.total is None,
            "error_message": exports.error_message(job.error)
            if job.status == ExportStatus.FAILED
            else "",
            "jobs": _recent_exports(request),
            "keep_days": exports.KEEP_DAYS,
        },
    )


def export_download(request, job_id):
    require_programme_staff(request)
    job = get_object_or_404(
        exports.export_jobs_of(request.user), pk=job_id, status=ExportStatus.DONE
    )
    if not exports.export_still_hers(job, request.user):
        raise Http404
    try:
        handle = job.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404 from exc
    return FileResponse(
        handle,
        as_attachment=True,
        filename=job.file_name or f"export.{job.file_format}",
        content_type=CONTENT_TYPES[job.file_format],
    )
