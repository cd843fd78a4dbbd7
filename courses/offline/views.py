"""The offline support's addresses: the service worker and the web app manifest (at the root, so
that the worker's scope covers every learner page in both languages), the page shown for a page
not saved on the phone, the list of what "save this course" keeps, and the sync endpoint."""

import hashlib
import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from ..models import CoursePage
from . import assets
from .saving import course_offline_manifest
from .sync import offline_action_accept

# Navigations the service worker leaves alone: staff, mentors, editors and signing in are
# never answered from the phone.
NEVER_CACHED = ("/admin/", "/documents/", "/i18n/", "mentor/", "accounts/")


def _languages():
    return [code for code, _name in settings.LANGUAGES]


def _offline_pages() -> dict:
    pages = {}
    for language in _languages():
        with translation.override(language):
            url = reverse("learn:offline")
            html = render_to_string("courses/offline/offline.html", {"LANGUAGE_CODE": language})
        pages[language] = (url, hashlib.sha256(html.encode()).hexdigest()[:12])
    return pages


@require_GET
@never_cache
def service_worker(request):
    """/sw.js: a short script that names this version's files and loads them (js/offline-sw.js
    does the work). Never cached by the browser, so a new version is found at once."""
    version = assets.sw_version()
    offline = _offline_pages()
    prefixes = []
    for language in _languages():
        with translation.override(language):
            prefixes.append(reverse("learn:dashboard").removesuffix("learn/"))
    config = {
        "version": version,
        "modules": assets.module_urls(),
        "precache": [{"url": url, "revision": rev} for url, rev in offline.values()]
        + [{"url": static(name), "revision": version} for name in assets.SHELL_FILES],
        "offline": {language: url for language, (url, _rev) in offline.items()},
        "kept": _kept_pages(),
        "refreshEvery": settings.OFFLINE_REFRESH_SECONDS * 1000,
        "never": [p for p in NEVER_CACHED if p.startswith("/")]
        + [prefix + p for prefix in prefixes for p in NEVER_CACHED if not p.startswith("/")],
    }
    scripts = ", ".join(json.dumps(static(name)) for name in assets.SW_SCRIPTS)
    body = f"self.CA_CONFIG = {json.dumps(config)};\nimportScripts({scripts});\n"
    response = HttpResponse(body, content_type="application/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


def _kept_pages():
    urls = []
    for language in _languages():
        with translation.override(language):
            urls += [reverse(name) for name in assets.KEPT_PAGES]
    return urls


@require_GET
def web_manifest(request):
    """The installable app: Chinese name, starts at her /learn/ page."""
    with translation.override(settings.LANGUAGE_CODE):
        manifest = {
            "name": _("Companion Academy"),
            "short_name": _("Academy"),
            "lang": "zh-Hans",
            "start_url": reverse("learn:dashboard"),
            "scope": "/",
            "display": "standalone",
            "background_color": "#fffaf5",
            "theme_color": "#c0392b",
            "icons": [
                {
                    "src": static(f"img/icon-{size}.png"),
                    "sizes": f"{size}x{size}",
                    "type": "image/png",
                    "purpose": "any maskable",
                }
                for size in (192, 512)
            ],
        }
    response = JsonResponse(manifest, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    response["Cache-Control"] = "max-age=3600"
    return response


@require_GET
def offline_page(request):
    """What the phone shows for a page she has not saved, with no network. The same for
    everyone (it is kept with the app, not with her pages): her saved courses are listed by
    the page's script from her phone."""
    return render(request, "courses/offline/offline.html")


def _login_needed():
    return JsonResponse(
        {"error": _("Please log in to continue. Nothing has been changed.")}, status=401
    )


@require_GET
def course_manifest(request, page_id):
    if not request.user.is_authenticated:
        return _login_needed()
    course = get_object_or_404(CoursePage.objects.live(), pk=page_id)
    return JsonResponse(course_offline_manifest(request, course))


MAX_ACTIONS = 20


@require_POST
def sync(request):
    """POST the actions her phone queued: a JSON body {"actions": [...]}, or a form with the
    same JSON in "actions" and the photos as files named by the actions. Each action is
    {"id", "kind", ...}; the answer lists each one's outcome in the same order."""
    if not request.user.is_authenticated:
        return _login_needed()
    try:
        if request.content_type == "application/json":
            actions = json.loads(request.body or b"{}").get("actions")
        else:
            actions = json.loads(request.POST.get("actions", "null"))
    except (ValueError, AttributeError):
        actions = None
    if not isinstance(actions, list) or not 0 < len(actions) <= MAX_ACTIONS:
        return JsonResponse(
            {"error": _("This phone sent something the platform does not know.")}, status=400
        )
    results = []
    for action in actions:
        action = action if isinstance(action, dict) else {}
        client_id = action.get("id")
        try:
            outcome = offline_action_accept(
                learner=request.user,
                client_id=client_id,
                kind=action.get("kind"),
                payload=action,
                files=request.FILES,
            )
        except ValidationError as exc:  # not an id
            results.append(
                {"id": str(client_id)[:64], "status": "invalid", "message": exc.messages[0]}
            )
            continue
        results.append(outcome.as_json(client_id))
    return JsonResponse({"results": results})
