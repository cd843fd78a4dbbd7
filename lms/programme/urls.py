from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path("", views.sessions, name="sessions"),
    path("<int:session_id>/", views.session_detail, name="session"),
    path("<int:session_id>/book/", views.session_book_view, name="book"),
    path("<int:session_id>/cancel/", views.booking_cancel_view, name="cancel"),
    path("<int:session_id>/attendance/", views.attendance, name="attendance"),
]
