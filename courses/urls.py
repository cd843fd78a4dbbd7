from django.urls import path

from . import views
from .offline import views as offline_views

app_name = "learn"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("learners/<int:user_id>/", views.learner_detail, name="learner_detail"),
    path("lessons/<int:page_id>/complete/", views.lesson_complete_view, name="lesson_complete"),
    path("courses/<int:page_id>/enrol/", views.course_enrol_view, name="course_enrol"),
    path("courses/<int:page_id>/offline/", offline_views.course_manifest, name="course_offline"),
    path("offline/", offline_views.offline_page, name="offline"),
    path("sync/", offline_views.sync, name="sync"),
]
