from django.urls import path

from . import views

app_name = "mentoring"

# Her list of mentees, /mentor/ itself, is the engagement app's caseload.
urlpatterns = [
    path("mentees/<int:learner_id>/", views.mentee, name="mentee"),
    path("mentees/<int:learner_id>/contacts/new/", views.contact_new, name="contact_new"),
    path("contacts/<int:contact_id>/", views.contact_detail, name="contact_detail"),
]
