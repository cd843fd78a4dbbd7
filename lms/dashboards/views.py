"""Staff dashboards in the Wagtail admin: read-only, limited to the staff member's regions,
each table downloadable as CSV or Excel with the filters on screen."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from courses.levels import Level
from lms.accounts.admin_scoping import require_programme_staff
from lms.accounts.spreadsheets import FORMATS
from lms.accounts.spreadsheets import spreadsheet_response as export_response
from lms.programme.models import MembershipStatus

from . import selectors
from .models import DashboardSettings


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _choice(value, choices):
    return value if value in choices else ""


def _export_query(request):
    query = request.GET.copy()
    query.pop("export", None)
    query.pop("p", None)
    return query.urlencode()


def _render(request, template, context):
    context.setdefault("export_query", _export_query(request))
    return TemplateResponse(request, f"dashboards/{template}", context)


def _wants_export(request):
    fmt = request.GET.get("export")
    return fmt if fmt in FORMATS else None


def overview(request):
    require_programme_staff(request)
    region = _int(request.GET.get("region"))
    cohorts = selectors.visible_cohorts(request.user)
    if region:
        cohorts = cohorts.filter(region_id=region)
    config = DashboardSettings.load()
    rows = selectors.readiness_overview(
        cohorts, today=timezone.localdate(), weeks=config.forecast_weeks
    )
    headers, table = selectors.overview_table(rows)
    if fmt := _wants_export(request):
        return export_response(headers, table, "readiness-overview", fmt)
    return _render(
        request,
        "overview.html",
        {"rows": rows, "headers": headers, "table": table, "weeks": config.forecast_weeks},
    )


def cohort(request, cohort_id):
    require_programme_staff(request)
    cohort = get_object_or_404(selectors.visible_cohorts(request.user), pk=cohort_id)
    # Active members unless the filter asks for another status or for all ("").
    status = _choice(request.GET.get("status", MembershipStatus.ACTIVE), MembershipStatus.values)
    sort = _choice(request.GET.get("sort"), selectors.MATRIX_SORTS) or "name"
    matrix = selectors.cohort_matrix(
        cohort,
        village=_int(request.GET.get("village")),
        mentor=_int(request.GET.get("mentor")),
        status=status,
        sort=sort,
    )
    headers, table = selectors.matrix_table(matrix)
    if fmt := _wants_export(request):
        filename = f"cohort-{cohort.pk}-{slugify(cohort.name) or 'matrix'}"
        return export_response(headers, table, filename, fmt)
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
            "selected": {
                "village": _int(request.GET.get("village")),
                "mentor": _int(request.GET.get("mentor")),
                "status": status,
                "sort": sort,
            },
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
    config = DashboardSettings.load()
    cohorts = selectors.visible_cohorts(request.user)
    cohort_id = _int(request.GET.get("cohort"))
    chosen = cohorts.filter(pk=cohort_id) if cohort_id else cohorts
    reason = _choice(request.GET.get("reason"), selectors.RISK_REASONS)
    rows = selectors.at_risk_rows(chosen, reason=reason or None, config=config)
    if fmt := _wants_export(request):
        headers, table = selectors.at_risk_table(rows, config)
        return export_response(headers, table, "at-risk", fmt)
    # A province can have thousands at risk: the screen shows them a page at a time (the
    # export has them all).
    page = Paginator(rows, AT_RISK_PAGE_SIZE).get_page(request.GET.get("p"))
    headers, table = selectors.at_risk_table(page.object_list, config)
    labels = selectors.risk_labels(config)
    links = [reverse("learn:learner_detail", args=[row.learner.pk]) for row in page]
    return _render(
        request,
        "at_risk.html",
        {
            "headers": headers,
            "page": page,
            "table": list(zip(links, table, strict=True)),
            "reasons": [(code, labels[code]) for code in selectors.RISK_REASONS],
            "cohorts": list(cohorts),
            "selected": {"reason": reason, "cohort": cohort_id},
        },
    )


def mentors(request):
    require_programme_staff(request)
    now = timezone.now()
    load_headers, load_rows = selectors.mentor_table(selectors.mentor_load_rows(request.user), now)
    backlog_headers, backlog_rows = selectors.grading_backlog(request.user, now)
    if fmt := _wants_export(request):
        if request.GET.get("table") == "backlog":
            return export_response(backlog_headers, backlog_rows, "grading-backlog", fmt)
        return export_response(load_headers, load_rows, "mentor-load", fmt)
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
    period = _choice(request.GET.get("period"), selectors.SESSION_PERIODS)
    level = _choice(request.GET.get("level"), Level.values)
    now = timezone.now()
    sessions = selectors.training_rows(request.user, period=period, level=level, now=now)
    headers, table = selectors.training_table(sessions, now)
    if fmt := _wants_export(request):
        return export_response(headers, table, "training-sessions", fmt)
    return _render(
        request,
        "training.html",
        {
            "headers": headers,
            "table": table,
            "levels": Level.choices,
            "periods": [("past", _("Held")), ("upcoming", _("Upcoming"))],
            "selected": {"period": period, "level": level},
            "totals": selectors.training_totals(sessions, now),
        },
    )
