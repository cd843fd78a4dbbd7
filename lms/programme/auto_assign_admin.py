"""Admin: the automatic assignment of mentors to a cohort's members (a preview, then apply
exactly what was previewed)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy, ngettext

from lms.accounts.staff_admin import StaffViewSet, require_programme_staff

from .permissions import cohorts_visible_to
from .services import auto_assign_apply, auto_assign_plan


def auto_assign_index(request):
    require_programme_staff(request)
    cohorts = cohorts_visible_to(request.user).select_related("region").order_by("-start_date")
    return TemplateResponse(request, "programme/admin/auto_assign_index.html", {"cohorts": cohorts})


def auto_assign_preview(request, cohort_id):
    require_programme_staff(request)
    cohort = get_object_or_404(cohorts_visible_to(request.user), pk=cohort_id)
    if request.method == "POST":
        try:
            count = auto_assign_apply(
                cohort=cohort, token=request.POST.get("plan", ""), actor=request.user
            )
        except (ValidationError, PermissionDenied) as exc:
            for message in getattr(exc, "messages", [str(exc)]):
                messages.error(request, message)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s learner was given a mentor.",
                    "%(count)s learners were given a mentor.",
                    count,
                )
                % {"count": count},
            )
            return redirect("cohort_auto_assign:preview", cohort_id=cohort.pk)
    plan = auto_assign_plan(cohort=cohort, actor=request.user)
    return TemplateResponse(
        request,
        "programme/admin/auto_assign_preview.html",
        {"cohort": cohort, "plan": plan, "token": plan.token()},
    )


class AutoAssignViewSet(StaffViewSet):
    name = "cohort_auto_assign"
    url_prefix = "auto-assign"
    icon = "resubmit"
    menu_label = gettext_lazy("Auto-assign mentors")

    def get_urlpatterns(self):
        return [
            path("", auto_assign_index, name="index"),
            path("<int:cohort_id>/", auto_assign_preview, name="preview"),
        ]
