from django.urls import path

from . import views

app_name = "grading"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("<int:submission_id>/", views.grade, name="grade"),
]
