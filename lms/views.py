from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache():
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not return the value it was given")


def _check_broker():
    from lms.celery import app

    with app.connection_for_write(settings.CELERY_BROKER_URL) as conn:
        conn.ensure_connection(max_retries=1, timeout=3)


def bench_ok(request):
    """The bare view of `manage.py benchmark_pages` (only routed in benchmark mode)."""
    return HttpResponse("ok")


@never_cache
def healthz(request):
    """JSON health of the database, the cache and (when configured) the Celery broker."""
    checks = {"database": _check_database, "cache": _check_cache}
    if settings.CELERY_BROKER_URL:
        checks["broker"] = _check_broker
    results = {}
    for name, check in checks.items():
        try:
            check()
            results[name] = "ok"
        except Exception as exc:  # noqa: BLE001 - any failure means "down"
            results[name] = f"error: {exc.__class__.__name__}"
    healthy = all(v == "ok" for v in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": results}, status=200 if healthy else 503
    )


def superusers_only(view):
    """Wagtail admin access, and a superuser: for admin screens that cross regions."""

    @require_admin_access
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def csrf_failure(request, reason=""):
    """Shown when a form is sent from a page that has gone stale (often an expired session)."""
    return render(request, "403_csrf.html", status=403)


PRIVATE_MEDIA = ("submissions/", "certificates/", "exports/")


def public_media(request, path, document_root=None, show_indexes=False):
    """Django's development media view, except for the folders of private files."""
    import posixpath

    from django.http import Http404
    from django.views.static import serve

    # As serve() will see it: "x/../exports/a.csv" and "./exports/a.csv" are exports too.
    if posixpath.normpath(path).lstrip("/").startswith(PRIVATE_MEDIA):
        raise Http404
    return serve(request, path, document_root=document_root, show_indexes=show_indexes)


def admin_login(request):
    """Wagtail's login address sends to the site's login page (mobile number or email,
    password or an SMS code, in her language), keeping where she was going."""
    from django.contrib.auth.views import redirect_to_login

    from lms.accounts.decorators import safe_url

    target = safe_url(request, request.GET.get("next", "")) or "/admin/"
    if request.user.is_authenticated:
        return redirect(target)
    return redirect_to_login(target)
