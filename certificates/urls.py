from django.urls import path

from . import views
from .credentials import views as credential_views

app_name = "certificates"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("<int:certificate_id>/pdf/", views.download, name="download"),
    path("<int:certificate_id>/credential.json", credential_views.download_json, name="credential"),
    path("<int:certificate_id>/badge.png", credential_views.download_badge, name="badge"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("check/", credential_views.check, name="check_credential"),
    path("sign-off/<int:learner_id>/", views.sign_off, name="sign_off"),
    path("observations/", views.observations, name="observations"),
    path("observations/<int:session_id>/<int:candidate_id>/", views.observe, name="observe"),
]
