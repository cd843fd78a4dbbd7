from django.urls import path

from . import offline, views

app_name = "assessments"

urlpatterns = [
    path("quizzes/<int:quiz_id>/", views.quiz_detail, name="quiz"),
    path("quizzes/<int:quiz_id>/start/", views.quiz_start, name="quiz_start"),
    path("quizzes/<int:quiz_id>/offline/", offline.quiz_offline, name="quiz_offline"),
    path("attempts/<int:attempt_id>/", views.attempt_take, name="attempt"),
    path("attempts/<int:attempt_id>/result/", views.attempt_result, name="result"),
    path("tasks/<int:task_id>/", views.task_detail, name="task"),
    path("photos/<int:photo_id>/<str:variant>/", views.photo, name="photo"),
]
