"""Admin: quizzes, rubrics and practical tasks for editors (translatable snippets), and quiz
and task results per cohort for staff of its region, exportable."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from lms.accounts.staff_admin import StaffViewSet, require_programme_staff
from lms.core.hooks import LESSON_COMPLETION_GATE, OFFLINE_ACTIONS, OFFLINE_PAGE_EXTRAS
from lms.core.spreadsheets import spreadsheet_response
from lms.programme.models import CohortMembership
from lms.programme.permissions import cohorts_visible_to

from . import offline
from .models import PracticalTask, Quiz, Rubric
from .selectors import lesson_quiz_blockers, quiz_results_rows, quiz_summaries, task_results


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "form"
    menu_label = gettext_lazy("Quizzes")
    list_display = ["title", "pass_mark", "max_attempts", "time_limit_minutes", "locale"]
    list_filter = ["locale"]
    search_fields = ["title"]


class RubricViewSet(SnippetViewSet):
    model = Rubric
    icon = "list-ol"
    menu_label = gettext_lazy("Rubrics")
    list_display = ["title", "pass_points", "locale"]
    list_filter = ["locale"]
    search_fields = ["title"]


class PracticalTaskViewSet(SnippetViewSet):
    model = PracticalTask
    icon = "clipboard-list"
    menu_label = gettext_lazy("Practical tasks")
    list_display = ["title", "rubric", "max_photos", "locale"]
    list_filter = ["locale"]
    search_fields = ["title"]


class AssessmentsGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Assessments")
    menu_icon = "form"
    menu_order = 210
    items = (QuizViewSet, RubricViewSet, PracticalTaskViewSet)


register_snippet(AssessmentsGroup)


# Results per cohort ------------------------------------------------------------------------


def _cohort_learner_ids(cohort):
    return CohortMembership.objects.filter(cohort=cohort).values("learner_id")


def results_index(request):
    require_programme_staff(request)
    cohorts = cohorts_visible_to(request.user).select_related("region").order_by("-start_date")
    return TemplateResponse(request, "assessments/admin/results_index.html", {"cohorts": cohorts})


def _learner_rows(cohort):
    return [
        [
            row["learner__display_name"] or row["learner__username"],
            row["quiz__title"],
            row["attempt_count"],
            row["best_score"],
            _("yes") if row["passed_count"] else _("no"),
            timezone.localtime(row["last_submitted"]).strftime("%Y-%m-%d %H:%M"),
        ]
        for row in quiz_results_rows(_cohort_learner_ids(cohort))
    ]


def _learner_headers():
    return [_("Learner"), _("Quiz"), _("Attempts"), _("Best score (%)"), _("Passed"), _("Last")]


def results_cohort(request, cohort_id):
    require_programme_staff(request)
    cohort = get_object_or_404(cohorts_visible_to(request.user), pk=cohort_id)
    fmt = request.GET.get("export")
    if fmt in ("csv", "xlsx"):
        filename = f"quiz-results-{cohort.pk}-{slugify(cohort.name) or 'cohort'}"
        return spreadsheet_response(_learner_headers(), _learner_rows(cohort), filename, fmt)
    learner_ids = _cohort_learner_ids(cohort)
    return TemplateResponse(
        request,
        "assessments/admin/results_cohort.html",
        {
            "cohort": cohort,
            "summaries": quiz_summaries(learner_ids),
            "tasks": task_results(learner_ids),
            "headers": _learner_headers(),
            "rows": _learner_rows(cohort),
            "member_count": CohortMembership.objects.filter(cohort=cohort).count(),
        },
    )


class ResultsViewSet(StaffViewSet):
    name = "assessment_results"
    url_prefix = "assessment-results"
    icon = "table"
    menu_label = gettext_lazy("Results by cohort")
    menu_order = 206

    def get_urlpatterns(self):
        return [
            path("", results_index, name="index"),
            path("<int:cohort_id>/", results_cohort, name="cohort"),
        ]


@hooks.register("register_admin_viewset")
def register_results_viewset():
    return ResultsViewSet()


@hooks.register(LESSON_COMPLETION_GATE)
def lesson_quizzes_passed(learner, lesson):
    """A lesson with a quiz is complete only when its quizzes are passed."""
    return lesson_quiz_blockers(learner, lesson)


# The learner's offline support (courses/offline): the quiz and task pages a saved lesson keeps,
# and what her phone sends about them.
hooks.register(OFFLINE_PAGE_EXTRAS, offline.offline_page_extras)
hooks.register(OFFLINE_ACTIONS, offline.offline_actions)
