"""Settings shared by every environment. Everything that differs between machines is read
from the environment, with embedded defaults that need no services (SQLite, in-process tasks,
console email and SMS)."""

import tempfile
from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()

SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-dev-key-change-me")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# The project's apps, bottom layer first: an app imports only from the apps listed before it
# (README: Architecture).
INSTALLED_APPS = [
    "lms.core",
    "lms.accounts",
    "lms.notifications",
    "courses",
    "lms.mentoring",
    "lms.programme",
    "assessments",
    "certificates",
    "lms.engagement",
    "lms.dashboards",
    "cms",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "lms.accounts.apps.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lms.core.middleware.ContentSecurityPolicyMiddleware",
    # Pages are text: a 20 KB lesson is 5 KB on the wire (Django pads the compressed length
    # against BREACH).
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "lms.core.caching.RequestMemoMiddleware",
    "lms.core.pages.CurrentSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "lms.core.middleware.AdminForbiddenMiddleware",
    "lms.core.middleware.LanguageChoiceMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

# `manage.py benchmark_pages` only: a bare "ok" view at /bench/ok and a per-request query
# count (lms/core/middleware.py). Never set in production.
BENCHMARK_MODE = env.bool("BENCHMARK_MODE", default=False)
if BENCHMARK_MODE:
    MIDDLEWARE.insert(0, "lms.core.middleware.QueryCountMiddleware")

# Content-Security-Policy (django-csp): scripts only from the site's own files, nothing inline
# (the admin adds what Wagtail's editors need: lms/core/middleware.py); styles may be inline
# (progress bars are drawn with a width).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        # The offline support's service worker (/sw.js) and the app's manifest.
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "frame-src": ["'self'", "https:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}

ROOT_URLCONF = "lms.urls"
WSGI_APPLICATION = "lms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "lms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "lms.accounts.context_processors.roles",
                "lms.notifications.context_processors.notifications",
                "lms.mentoring.context_processors.mentoring",
                "assessments.context_processors.grading",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Connections are kept between requests (checked before reuse), not opened for each one.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://companion")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # The same, but a Redis outage slows pages down instead of failing them.
    CACHES["default"]["BACKEND"] = "lms.core.cache.ResilientRedisCache"
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    # The dashboards cache a few entries per cohort; the default (300) would evict them.
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 100_000)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Django's and allauth's, with her account kept in memory between her requests.
    "lms.accounts.backends.ModelBackend",
    "lms.accounts.backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Chinese first and default, English second. Unprefixed URLs are Chinese,
# /en/... is English.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The project's catalog first; then the Chinese of Wagtail's own strings that Wagtail's
# catalogs lack (cms/wagtail_locale, kept apart so that makemessages leaves it alone).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "cms" / "wagtail_locale"]
TIME_ZONE = env("TIME_ZONE", default="Asia/Shanghai")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "lms" / "static"]
MEDIA_URL = env("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Assessments: a submit this late after a quiz's time limit still counts (a slow network).
QUIZ_DEADLINE_GRACE_SECONDS = env.int("QUIZ_DEADLINE_GRACE_SECONDS", default=30)

# Offline: how often, at most, her phone asks whether a saved course changed (when a page opens
# online). Each check costs one small request per saved course on a slow network.
OFFLINE_REFRESH_SECONDS = env.int("OFFLINE_REFRESH_SECONDS", default=300)

# Email and SMS: printed to the console unless configured.
EMAIL_CONFIG = env.email("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Companion Academy <noreply@localhost>")
SMS_BACKEND = env("SMS_BACKEND", default="lms.accounts.sms.ConsoleSMSBackend")
SMS_GATEWAY_URL = env("SMS_GATEWAY_URL", default="")
SMS_GATEWAY_TOKEN = env("SMS_GATEWAY_TOKEN", default="")

# Celery: without a broker, tasks run in-process right after the transaction commits.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
# The outbox (lms/core/outbox.py): how often a worker hands waiting work to the broker, when it
# hands again work not done (a lost message), and how many failures before it gives up.
OUTBOX_POLL_SECONDS = env.float("OUTBOX_POLL_SECONDS", default=1.0)
OUTBOX_REPUBLISH_SECONDS = env.int("OUTBOX_REPUBLISH_SECONDS", default=300)
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=8)
CELERY_BEAT_SCHEDULE = {
    # A timed quiz whose time ran out is scored even if she never comes back to it.
    "close-expired-quiz-attempts": {
        "task": "assessments.tasks.attempts_close_expired_task",
        "schedule": crontab(minute="*/5"),
    },
    "weekly-mentor-digest": {
        "task": "lms.engagement.tasks.send_mentor_digests_task",
        "schedule": crontab(hour=8, minute=0, day_of_week="mon"),
    },
    "nightly-certificate-expiry": {
        "task": "certificates.tasks.certificates_expire_task",
        "schedule": crontab(hour=1, minute=10),
    },
    "daily-certificate-reminders": {
        "task": "certificates.tasks.certificate_reminders_task",
        "schedule": crontab(hour=9, minute=0),
    },
    "nightly-export-cleanup": {
        "task": "lms.dashboards.tasks.export_jobs_purge_task",
        "schedule": crontab(hour=2, minute=30),
    },
    # The readiness overview is counted per day: count it before staff arrive (after the
    # certificate expiry at 01:10, which changes it).
    # The engagement facts the at-risk list reads are kept current by events; counted again
    # each night as a safety net.
    "nightly-engagement-facts": {
        "task": "lms.engagement.tasks.facts_refresh_all_task",
        "schedule": crontab(hour=1, minute=25),
    },
    "nightly-overview-warm-up": {
        "task": "lms.dashboards.tasks.overview_warm_task",
        "schedule": crontab(hour=1, minute=40),
    },
}
# Dashboard exports of more rows than this are made by a task, with progress and a download.
EXPORT_INLINE_ROWS = env.int("EXPORT_INLINE_ROWS", default=2000)

# The public certificate check: per client address, generous for a person, hard for a
# script guessing codes. Needs a cache shared by all web processes in production.
CERTIFICATE_VERIFY_RATE = env("CERTIFICATE_VERIFY_RATE", default="30/m")
# Open Badges 3.0 credentials (certificates/credentials/) are signed with an Ed25519 key: its
# PEM text in OPEN_BADGES_SIGNING_KEY, or a PEM file. Under `make run` the file is made on first
# use; production refuses to start without one. Rotating: point these at a new key; the old
# public keys stay published (certificates.IssuerKey), so old credentials still verify.
OPEN_BADGES_SIGNING_KEY = env("OPEN_BADGES_SIGNING_KEY", default="")
OPEN_BADGES_SIGNING_KEY_FILE = env.path(
    "OPEN_BADGES_SIGNING_KEY_FILE", default=BASE_DIR / "var" / "open-badges-signing-key.pem"
)
OPEN_BADGES_GENERATE_KEY = env.bool("OPEN_BADGES_GENERATE_KEY", default=True)
# How long a verifier (or a proxy) may keep the revocation list: a revocation shows within it.
OPEN_BADGES_STATUS_LIST_MAX_AGE = env.int("OPEN_BADGES_STATUS_LIST_MAX_AGE", default=60)
# Behind a proxy, the header that carries the client's address (e.g. HTTP_X_REAL_IP), so that
# one client's checks are not counted against everyone behind the proxy.
# Behind a proxy: how many proxies append to X-Forwarded-For, or the header one sets with the
# client's address (e.g. X-Real-IP). One setting for every limit: allauth's, the check page's
# (lms/core/client.py) and the SMS caps; without it, everyone behind the proxy is one client.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
TRUSTED_CLIENT_IP_HEADER = env("TRUSTED_CLIENT_IP_HEADER", default="") or None
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = TRUSTED_CLIENT_IP_HEADER
RATELIMIT_IP_META_KEY = "lms.core.client.client_ip"
# With the cache unreachable the check page's limit cannot be counted: the page serves (what it
# shows is public), and the cache's outage is in the log (lms/core/cache.py).
RATELIMIT_FAIL_OPEN = True
# Codes texted by the log-in pages (anyone can ask): per number and for the whole site, a day.
SMS_DAILY_LIMIT_PER_NUMBER = env.int("SMS_DAILY_LIMIT_PER_NUMBER", default=10)
SMS_DAILY_LIMIT = env.int("SMS_DAILY_LIMIT", default=5000)
CERTIFICATE_FONT_PATH = env("CERTIFICATE_FONT_PATH", default="")
# A local, writable folder for the reduced certificate font each process reads (certificates/
# prepared_font.py): made once per font file, about 2 MB. Shared by the processes of a machine.
CERTIFICATE_FONT_CACHE_DIR = env(
    "CERTIFICATE_FONT_CACHE_DIR",
    default=str(Path(tempfile.gettempdir()) / "companion-academy-fonts"),
)

# django-allauth: phone number or email with a password; codes by SMS or email.
SITE_ID = 1
ACCOUNT_ADAPTER = "lms.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"phone", "email"}
ACCOUNT_SIGNUP_FIELDS = ["phone*", "email", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "lms.accounts.forms.SignupExtraForm"
ACCOUNT_FORMS = {
    "login": "lms.accounts.forms.LoginForm",
    "request_login_code": "lms.accounts.code_forms.RequestLoginCodeForm",
    "confirm_login_code": "lms.accounts.code_forms.ConfirmLoginCodeForm",
}
# Codes texted to log in or to check a number: 6 digits, typed on the number pad.
ALLAUTH_USER_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
ACCOUNT_USER_MODEL_USERNAME_FIELD = "username"
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_PHONE_VERIFICATION_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
# A text can be late or lost: she may ask for a new code, twice (the daily caps still hold).
ACCOUNT_LOGIN_BY_CODE_SUPPORTS_RESEND = 2
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = True
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "login": "30/m/ip",
    "signup": "20/m/ip",
    "confirm_phone": "1/3m/key",
    "request_login_code": "20/m/ip,3/m/key",
    "reset_password": "20/m/ip,5/m/key",
}
# A login lasts SESSION_COOKIE_AGE (30 days) on her phone unless she signs out: no "remember me"
# to miss, and the session does not end when the browser closes.
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_USER_DISPLAY = "lms.accounts.adapter.user_display"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "learn:dashboard"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 24 * 30)
# Read from the cache, written through to the database: a lost cache loses no login.
SESSION_ENGINE = "lms.core.sessions"

# Wagtail
# In the admin reader's language (陪伴妈妈学堂 in Chinese).
WAGTAIL_SITE_NAME = gettext_lazy("Companion Academy")
# The site's public address: every link that leaves the site (the QR code drawn into each
# certificate PDF, texts, emails) starts with it. Required in production.
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default=PUBLIC_BASE_URL)
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "mp3", "m4a", "ogg", "txt"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 8 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

CSRF_FAILURE_VIEW = "lms.views.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Wagtail logs every page action at INFO; the audit log already records them.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        # fontTools reports every table it prunes while subsetting a certificate's font.
        "fontTools": {"level": "WARNING"},
    },
}
