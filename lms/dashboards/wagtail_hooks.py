"""Admin: the staff dashboards (readiness, cohort matrix, at risk, mentor load, training) and
the exports a task makes of the large ones."""

from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail import hooks

from lms.accounts.staff_admin import StaffViewSet

from . import views


class DashboardsViewSet(StaffViewSet):
    name = "dashboards"
    url_prefix = "dashboards"
    icon = "view"
    menu_label = gettext_lazy("Dashboards")
    menu_order = 199

    def get_urlpatterns(self):
        return [
            path("", views.overview, name="index"),
            path("cohorts/<int:cohort_id>/", views.cohort, name="cohort"),
            path("at-risk/", views.at_risk, name="at_risk"),
            path("mentors/", views.mentors, name="mentors"),
            path("training/", views.training, name="training"),
            path("exports/", views.export_index, name="exports"),
            path("exports/<int:job_id>/", views.export_job, name="export"),
            path("exports/<int:job_id>/download/", views.export_download, name="export_download"),
        ]


@hooks.register("register_admin_viewset")
def register_dashboards_viewset():
    return DashboardsViewSet()
