"""Production: everything from the environment; refuses to start without a secret key and
allowed hosts. Secure (HTTPS) defaults; each can be turned off behind a proxy that needs it."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

DEBUG = False

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY or SECRET_KEY.startswith("insecure") or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a random string of 50+ characters.")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS (comma-separated host names).")

# Web and worker processes share the cache: rate limits, and the progress of a learner import
# that a worker writes and the web page reads. A per-process memory cache would not be shared.
_cache_backend = CACHES["default"]["BACKEND"]  # noqa: F405
if not env("CACHE_URL", default="") or _cache_backend.endswith(("LocMemCache", "DummyCache")):
    raise ImproperlyConfigured(
        "Set CACHE_URL to a cache shared by every web and worker process "
        "(e.g. redis://redis:6379/1), not a per-process memory cache."
    )

# Links in QR codes, texts and emails: a mother's phone must be able to open them.
_public = env("PUBLIC_BASE_URL", default="")
if not _public.startswith(("https://", "http://")) or any(
    local in _public for local in ("127.0.0.1", "localhost")
):
    raise ImproperlyConfigured(
        "Set PUBLIC_BASE_URL to the site's public address (e.g. https://academy.example.org): "
        "it is drawn into every certificate's QR code and put in texts and emails."
    )

# Every certificate is also a credential signed with the academy's key: it must be the same
# key on every machine, and kept (a lost key means re-issuing every credential).
OPEN_BADGES_GENERATE_KEY = False
if not (
    env("OPEN_BADGES_SIGNING_KEY", default="")
    or Path(env("OPEN_BADGES_SIGNING_KEY_FILE", default="/nonexistent")).is_file()
):
    raise ImproperlyConfigured(
        "Set OPEN_BADGES_SIGNING_KEY (an Ed25519 private key in PEM) or "
        "OPEN_BADGES_SIGNING_KEY_FILE (the path of one): certificates are signed with it. "
        "Make one with: python manage.py credentials_key"
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = env.bool("DJANGO_SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("DJANGO_CSRF_COOKIE_SECURE", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

STORAGES = {
    "default": {"BACKEND": env("DEFAULT_FILE_STORAGE", default=STORAGES["default"]["BACKEND"])},  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
