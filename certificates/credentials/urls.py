"""Addresses of the credentials that verifiers elsewhere fetch: no language prefix, stable."""

from django.urls import path

from . import views

app_name = "credentials"

urlpatterns = [
    path(".well-known/did.json", views.did_json, name="did"),
    path("credentials/<uuid:uid>.json", views.credential_json, name="credential"),
    path("credentials/status/<int:number>", views.status_list, name="status_list"),
    path("credentials/achievements/<slug:slug>", views.achievement_json, name="achievement"),
]
