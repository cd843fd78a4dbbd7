from django.urls import path

from . import views

app_name = "learn"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("learners/<int:user_id>/", views.learner_detail, name="learner_detail"),
    path("lessons/<int:page_id>/complete/", views.lesson_complete_view, name="lesson_complete"),
    path("courses/<int:page_id>/enrol/", views.course_enrol_view, name="course_enrol"),
]
