"""Whole pages kept for the person who asked, until something they show changes.

A page (a GET that answers 200) is kept in the shared cache with the generations it read
(caching.py): her progress, the pages, the ladder, the settings… The next time the same
person (the same login, the same CSRF cookie) asks for the same address in the same
language, the kept page is sent if none of those generations has been bumped since and
nothing it shows has run out of date (`caching.valid_until`, and KEEP_SECONDS at most).

It is safe by construction: while a page is made, every database query is watched, and a
page that read anything except through generation-keyed data (`cached`, `memoized`) is not
kept. So a view can be marked `kept_response` without proving it reads only kept data; if
it does not, it is simply made every time. Nor is a page kept that showed or queued a
message, changed the session, or used a CSRF token the person has no cookie for; a request
with messages waiting is always made afresh.

What makes a kept page stale: a bump of any generation it read (publishing, a change to her
rows, her mentees' rows, her roles or her account: lms/core/signals.py and the apps'
receivers), the moment it named with valid_until, or KEEP_SECONDS.
"""

import contextlib
import functools
import hashlib
import logging
import time
import zlib

from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from . import caching

logger = logging.getLogger(__name__)

# At most this long, so the cache holds the pages of the last minutes' visitors only (about
# 2 KB each, compressed).
KEEP_SECONDS = 10 * 60
_SKIPPED_HEADERS = {"set-cookie", "content-length"}


def _key(request):
    session = request.session
    parts = [
        request.get_host(),
        request.get_full_path(),
        get_language(),
        str(session.get(SESSION_KEY, "")),
        str(session.get(HASH_SESSION_KEY, "")),
        request.COOKIES.get(settings.CSRF_COOKIE_NAME, ""),
    ]
    return "kept-page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _messages_waiting(request):
    return bool(request.COOKIES.get("messages")) or "_messages" in request.session


def _kept(request, key):
    try:
        entry = cache.get(key)
    except Exception:  # noqa: BLE001 - the resilient cache already said so
        return None
    if not entry or entry["until"] <= time.time():
        return None
    tokens = caching.generations(*entry["depends_on"])
    if tokens is None or tokens != entry["depends_on"]:
        return None
    if entry["csrf"]:
        get_token(request)  # the cookie is sent again, as the page itself would
    return HttpResponse(zlib.decompress(entry["content"]), headers=entry["headers"])


def _watch(execute, sql, params, many, context):
    recording = caching._recording.get()
    if recording is not None and not recording.computing:
        recording.untracked.append(sql[:120])
    return execute(sql, params, many, context)


def _keepable(request, response, recording, had_csrf_cookie):
    reasons = list(recording.untracked)
    if response.status_code != 200 or response.streaming:
        reasons.append(f"status {response.status_code}")
    if response.cookies:
        reasons.append("sets cookies")
    if request.session.modified:
        reasons.append("changes the session")
    messages = getattr(request, "_messages", None)
    if messages is not None and (messages.used or getattr(messages, "_queued_messages", [])):
        reasons.append("messages")
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") and not had_csrf_cookie:
        reasons.append("a new CSRF cookie")
    if reasons:
        logger.debug("%s not kept: %s", request.path, reasons[:3])
    return not reasons


def kept(request, make_response):
    """make_response(), or the page kept from an earlier request of hers."""
    if request.method != "GET" or _messages_waiting(request):
        return make_response()
    key = _key(request)
    response = _kept(request, key)
    if response is not None:
        return response
    user = request.user
    if user.is_authenticated:  # loaded before the watch: her account has a generation
        caching.generations(caching.learner_generation(user.pk))
    had_csrf_cookie = bool(request.COOKIES.get(settings.CSRF_COOKIE_NAME))
    recording = caching.Recording()
    if user.is_authenticated:
        recording.names.add(caching.learner_generation(user.pk))
    token = caching._recording.set(recording)
    try:
        with connection.execute_wrapper(_watch):
            response = make_response()
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
    finally:
        caching._recording.reset(token)
    if not _keepable(request, response, recording, had_csrf_cookie):
        return response
    depends_on = caching.generations(*sorted(recording.names))
    if depends_on is None:
        return response
    until = time.time() + KEEP_SECONDS
    if recording.until is not None:
        until = min(until, recording.until)
    entry = {
        "depends_on": depends_on,
        "until": until,
        "csrf": bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE")),
        "content": zlib.compress(response.content),  # a fifth of the size in the cache
        "headers": {
            name: value
            for name, value in response.headers.items()
            if name.lower() not in _SKIPPED_HEADERS
        },
    }
    with contextlib.suppress(Exception):  # the resilient cache already said so
        cache.set(key, entry, max(1, int(until - time.time())))
    return response


def kept_response(view):
    """The view's pages are kept per person (see the module's docstring)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        return kept(request, lambda: view(request, *args, **kwargs))

    return wrapper
