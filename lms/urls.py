from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from courses.offline import views as offline_views

from . import views
from .core import pages

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    # At the root, so that the service worker's scope covers the learner's pages in every
    # language (courses/offline).
    path("sw.js", offline_views.service_worker, name="service_worker"),
    path("manifest.webmanifest", offline_views.web_manifest, name="web_manifest"),
    # Before Wagtail's admin URLs, so these win: the site history spans every region.
    path("admin/reports/site-history/", views.superusers_only(LogEntriesView.as_view())),
    path(
        "admin/reports/site-history/results/",
        views.superusers_only(LogEntriesView.as_view(results_only=True)),
    ),
    # Staff and editors log in where everyone does (by mobile number or email, in their
    # language): Wagtail's own login page would refuse a mobile number.
    path("admin/login/", views.admin_login, name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    # Open Badges: the issuer's DID document, credentials and revocation lists.
    path("", include("certificates.credentials.urls")),
]

if settings.BENCHMARK_MODE:
    # The bare view every page is compared with, behind the same middleware.
    urlpatterns.append(path("bench/ok", views.bench_ok))

if settings.DEBUG:
    # Images and documents of the site only: learners' photos, certificates and exports are
    # served by their own views after a permission check, never by their file name.
    urlpatterns += static(
        settings.MEDIA_URL, view=views.public_media, document_root=settings.MEDIA_ROOT
    )

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("learn/training/", include("lms.programme.urls")),
    path("learn/", include("courses.urls")),
    path("learn/", include("assessments.urls")),
    path("mentor/grading/", include("assessments.urls_grading")),
    path("mentor/", include("lms.engagement.urls")),
    path("mentor/", include("lms.mentoring.urls")),
    path("notifications/", include("lms.notifications.urls")),
    path("certificates/", include("certificates.urls")),
    # Wagtail's pages, found by their URL path (lms/core/pages.py); the same pattern as
    # Wagtail's own, which stays below for its other views.
    re_path(serve_pattern, pages.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
