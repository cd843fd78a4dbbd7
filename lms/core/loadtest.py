"""Load tests from outside, for the benchmark commands: gunicorn serving the project on
loopback with the production settings, and wrk driving it. Figures are printed as ratios to a
bare view measured in the same run, because the machine is shared and absolute figures drift.

Used by `manage.py benchmark_pages` and `manage.py benchmark_quiz_submit`; nothing here runs in
the site itself."""

import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

# Prints what wrk's summary leaves out: latency percentiles and error statuses.
DONE_LUA = r"""
done = function(summary, latency, requests)
  io.write(string.format("REQUESTS %d\nNON2XX3XX %d\n", summary.requests, summary.errors.status))
  io.write(string.format("P50_MS %.2f\nP99_MS %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def require_tools(*tools):
    for tool in tools:
        if not shutil.which(tool) and not (Path(sys.executable).parent / tool).exists():
            raise CommandError(f"{tool} is not installed (apt-get install wrk).")


STATIC_ROOT = Path(tempfile.gettempdir()) / "companion-bench-static"


BENCH_SECRET_KEY = secrets.token_urlsafe(50)  # sessions made here must match gunicorn's
# Certificates issued while benchmarking are signed with a key of the benchmark's own.
BENCH_SIGNING_KEY = Path(tempfile.gettempdir()) / "companion-bench-signing-key.pem"


def production_environment(*, cache_url, broker_url="", **extra):
    """What the production settings need on loopback (no TLS in front), against the database
    of DATABASE_URL, with the static files collected once into STATIC_ROOT."""
    if not BENCH_SIGNING_KEY.exists():
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "credentials_key", "--out", str(BENCH_SIGNING_KEY)],
            cwd=settings.BASE_DIR,
            check=True,
            capture_output=True,
        )
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        raise CommandError("Set DATABASE_URL=postgres://… (the benchmark's own database).")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "DJANGO_SECRET_KEY": BENCH_SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SESSION_COOKIE_SECURE": "false",
        "DJANGO_CSRF_COOKIE_SECURE": "false",
        "DATABASE_URL": database_url,
        "CACHE_URL": cache_url,
        "PUBLIC_BASE_URL": "http://academy.example.org",
        "OPEN_BADGES_SIGNING_KEY_FILE": str(BENCH_SIGNING_KEY),
        "CELERY_BROKER_URL": broker_url,
        "STATIC_ROOT": str(STATIC_ROOT),
        "LOG_LEVEL": "WARNING",
        "PYTHONWARNINGS": "ignore",
        **{key: str(value) for key, value in extra.items()},
    }
    # Always (a few seconds): the manifest must name the static files of the code as it is.
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        env=env,
        cwd=settings.BASE_DIR,
        check=True,
    )
    return env


@contextlib.contextmanager
def gunicorn(env, *, workers=2, timeout=120):
    """gunicorn serving lms.wsgi with `env`; yields its base URL once every worker answers."""
    port = free_port()
    binary = shutil.which("gunicorn") or str(Path(sys.executable).parent / "gunicorn")
    server = subprocess.Popen(  # noqa: S603
        [binary, "lms.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
        + ["--log-level", "warning", "--timeout", str(timeout)],
        env=env,
        cwd=settings.BASE_DIR,
    )
    try:
        _wait_for(port, workers, server)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def _wait_for(port, workers, server):
    """Until every worker has imported the project and answered a few times (the first requests
    of a fresh worker are slow and would count against the figure)."""
    deadline = time.monotonic() + 120
    answered = 0
    while time.monotonic() < deadline and answered < workers * 4:
        if server.poll() is not None:
            raise CommandError("gunicorn stopped: see its output above")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10):
                answered += 1
        except OSError:
            time.sleep(0.3)
    if answered < workers * 4:
        raise CommandError("gunicorn did not start")


def signed_in(user):
    """A session cookie value for `user` that gunicorn (production_environment) accepts:
    signed with its secret key, stored in the database."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.test.utils import override_settings

    with override_settings(SECRET_KEY=BENCH_SECRET_KEY):
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
    return store.session_key


@dataclass
class Run:
    rps: float
    p50: float
    p99: float
    requests: int
    bad_status: int


def wrk(url, *, seconds, connections=16, threads=2, script="", script_args=()):
    """Drive `url` with wrk; `script` is Lua run before DONE_LUA (set `request` or headers)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "run.lua"
        path.write_text(script + "\n" + DONE_LUA)
        command = ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s"]
        command += ["--latency", "-s", str(path), url]
        if script_args:
            command += ["--", *map(str, script_args)]
        run = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    if run.stderr.strip():
        raise CommandError(f"wrk: {run.stderr.strip()}")
    values = dict(re.findall(r"^([A-Z0-9_]+) ([\d.]+)$", run.stdout, re.M))
    rps = re.search(r"Requests/sec:\s+([\d.]+)", run.stdout)
    return Run(
        rps=float(rps.group(1)) if rps else 0.0,
        p50=float(values.get("P50_MS", 0)),
        p99=float(values.get("P99_MS", 0)),
        requests=int(values.get("REQUESTS", 0)),
        bad_status=int(values.get("NON2XX3XX", 0)),
    )


def headers_lua(headers: dict) -> str:
    """A wrk script sending these headers with every request."""
    lines = [f'wrk.headers["{name}"] = "{value}"' for name, value in headers.items()]
    return "\n".join(lines)
