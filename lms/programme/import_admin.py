"""Admin: programme staff import learners from a CSV or Excel file. Upload → preview with
every row's problems → import (a task, with a progress bar) → result and a printable sheet of
the new learners' way in. Every page is for programme staff only, and each sees only her own
uploads; what a file may touch is limited to her regions by the services."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.accounts.permissions import learners_visible_to
from lms.accounts.staff_admin import StaffViewSet, require_programme_staff
from lms.core.spreadsheets import spreadsheet_response

from . import imports
from .models import ImportStatus
from .permissions import import_batches_visible_to
from .services import (
    IMPORT_ERROR_CHANGED,
    IMPORT_ERROR_NO_ACTOR,
    import_preview,
    import_progress_key,
    import_start,
)

ROWS_PER_PAGE = 200


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        allow_empty_file=True,  # the service says "the file is empty" in its own words
        label=gettext_lazy("CSV or Excel file"),
        help_text=gettext_lazy(
            "Columns: name, mobile number, village, cohort; email and mentor are optional."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,.txt"}),
    )


def index(request):
    require_programme_staff(request)
    form = ImportUploadForm()
    if request.method == "POST":
        form = ImportUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            # Read one byte more than allowed, so that the service can say "too big".
            data = upload.read(imports.MAX_FILE_BYTES + 1)
            try:
                batch = import_preview(actor=request.user, file_name=upload.name, data=data)
            except (ValidationError, PermissionDenied) as exc:
                form.add_error("file", getattr(exc, "messages", [str(exc)]))
            else:
                return redirect("programme_import:batch", batch_id=batch.pk)
    batches = import_batches_visible_to(request.user).defer("rows")[:20]
    return TemplateResponse(
        request,
        "programme/import/index.html",
        {"form": form, "batches": batches, "max_rows": imports.MAX_ROWS},
    )


def template_download(request, fmt):
    require_programme_staff(request)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    headings = imports.template_headings(get_language() or "zh-hans")
    return spreadsheet_response(
        headings, [], "learner-import-template", fmt, sheet_title=_("Learners")
    )


def _error_message(code):
    return {
        IMPORT_ERROR_CHANGED: _(
            "Nothing was imported: since the preview, something changed (a mobile number, "
            "village, cohort or mentor). The rows below show the problems now. Correct the "
            "file and upload it again."
        ),
        IMPORT_ERROR_NO_ACTOR: _(
            "Nothing was imported: the person who uploaded the file can no longer import."
        ),
    }.get(
        code,
        _(
            "Nothing was imported: the import stopped with an error. Press “Try again” to "
            "check the rows again and import them, or ask for help if it fails again."
        ),
    )


def _result_message(batch) -> str:
    added = ngettext("%(count)s learner added", "%(count)s learners added", batch.created_count) % {
        "count": batch.created_count
    }
    updated = ngettext("%(count)s updated", "%(count)s updated", batch.updated_count) % {
        "count": batch.updated_count
    }
    return _("Imported: %(added)s, %(updated)s.") % {"added": added, "updated": updated}


def batch_detail(request, batch_id):
    """While the import runs, the page refreshes itself and reads only the batch's counts and
    the progress; the rows (up to MAX_ROWS of them) are loaded only for the table of the
    preview or of a failed import."""
    require_programme_staff(request)
    batch = get_object_or_404(import_batches_visible_to(request.user).defer("rows"), pk=batch_id)
    running = batch.status in (ImportStatus.PENDING, ImportStatus.RUNNING)
    show_rows = batch.status in (ImportStatus.VALIDATED, ImportStatus.FAILED)
    only_problems = request.GET.get("problems") == "1"
    page = None
    if show_rows:
        rows = batch.rows
        if only_problems:
            rows = [row for row in rows if row["problems"]]
        page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("page"))
        for row in page.object_list:
            row["messages"] = [
                imports.problem_message(code, params) for code, params in row["problems"]
            ]
    done = cache.get(import_progress_key(batch.pk), 0) if running else batch.done
    return TemplateResponse(
        request,
        "programme/import/batch.html",
        {
            "batch": batch,
            "page": page,
            "show_rows": show_rows,
            "only_problems": only_problems,
            "counts": {
                "create": batch.to_create,
                "update": batch.to_update,
                "same": batch.unchanged,
            },
            "running": running,
            "progress_done": done,
            "progress_percent": int(100 * done / batch.total) if batch.total else 0,
            "can_import": batch.status == ImportStatus.VALIDATED and not batch.problem_count,
            "can_retry": batch.status == ImportStatus.FAILED,
            "problems_message": imports.rows_with_problems_message(batch.problem_count),
            "error_message": _error_message(batch.error) if batch.error else "",
            "result_message": _result_message(batch),
            "columns": imports.COLUMN_LABELS,
        },
    )


@require_POST
def batch_import(request, batch_id):
    require_programme_staff(request)
    batch = get_object_or_404(import_batches_visible_to(request.user), pk=batch_id)
    try:
        import_start(batch=batch, actor=request.user)
    except (ValidationError, PermissionDenied) as exc:
        for message in getattr(exc, "messages", [str(exc)]):
            messages.error(request, message)
    return redirect("programme_import:batch", batch_id=batch.pk)


def batch_sheet(request, batch_id):
    """A printable page per new learner: her name and number, where to go and how to log in."""
    require_programme_staff(request)
    batch = get_object_or_404(import_batches_visible_to(request.user).defer("rows"), pk=batch_id)
    learners = (
        learners_visible_to(request.user)
        .filter(pk__in=batch.created_user_ids)
        .order_by("display_name", "pk")
    )
    base = settings.PUBLIC_BASE_URL
    return TemplateResponse(
        request,
        "programme/import/sheet.html",
        {
            "batch": batch,
            "learners": learners,
            "site_url": base + "/",
            "login_url": base + reverse("account_request_login_code"),
        },
    )


class LearnerImportViewSet(StaffViewSet):
    name = "programme_import"
    url_prefix = "learner-import"
    icon = "upload"
    menu_label = gettext_lazy("Import learners")
    menu_order = 201

    def get_urlpatterns(self):
        return [
            path("", index, name="index"),
            path("template.<str:fmt>", template_download, name="template"),
            path("<int:batch_id>/", batch_detail, name="batch"),
            path("<int:batch_id>/import/", batch_import, name="import"),
            path("<int:batch_id>/sheet/", batch_sheet, name="sheet"),
        ]
