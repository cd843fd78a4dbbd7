from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("<int:certificate_id>/pdf/", views.download, name="download"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("sign-off/<int:learner_id>/", views.sign_off, name="sign_off"),
    path("observations/", views.observations, name="observations"),
    path("observations/<int:session_id>/<int:candidate_id>/", views.observe, name="observe"),
]
