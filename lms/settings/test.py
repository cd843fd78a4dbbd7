"""Test settings: SQLite in memory by default; DATABASE_URL (set by `make test` under CI)
points the suite at PostgreSQL."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SMS_BACKEND = "lms.accounts.sms.LocmemSMSBackend"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}
CELERY_BROKER_URL = ""
CELERY_TASK_ALWAYS_EAGER = True
# With TEST_PROCESSES=2 `make test` runs the suite in two processes (pytest-xdist): each has
# its own test database (pytest-django adds the worker's name), and here its own files and
# Redis database.
_WORKER = env("PYTEST_XDIST_WORKER", default="")
_WORKER_NUMBER = int(_WORKER[2:] or 0) if _WORKER.startswith("gw") else 0
# The broker a real worker uses in the Celery round-trip test.
TEST_CELERY_BROKER_URL = env(
    "TEST_CELERY_BROKER_URL", default=f"redis://127.0.0.1:6379/{15 - _WORKER_NUMBER}"
)
MEDIA_ROOT = env.path("MEDIA_ROOT", default=f"/tmp/companion-test-media{_WORKER}")
PUBLIC_BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
OPEN_BADGES_SIGNING_KEY_FILE = env.path(
    "OPEN_BADGES_SIGNING_KEY_FILE", default=f"/tmp/companion-test-open-badges-key{_WORKER}.pem"
)

# A real Celery worker started by the tests (tests/test_celery_worker.py) runs with these
# settings and a broker of its own: its tasks and the outbox rows they write go through that
# broker, on the test's own queue, handed over by the worker's relay.
TEST_WORKER_BROKER = env("TEST_WORKER_BROKER", default="")
if TEST_WORKER_BROKER:
    CELERY_BROKER_URL = TEST_WORKER_BROKER
    CELERY_TASK_ALWAYS_EAGER = False
    CELERY_TASK_DEFAULT_QUEUE = env("TEST_WORKER_QUEUE", default="celery")
    # A fault the test wants the worker to meet (tests/worker_faults.py).
    if env("TEST_WORKER_FAULT", default=""):
        CELERY_IMPORTS = ["tests.worker_faults"]
