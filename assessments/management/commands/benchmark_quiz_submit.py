"""Requests per second for quiz submission under concurrent load.

Creates learners, each with a logged-in session and an open attempt at a 10-question quiz,
starts gunicorn on loopback against the same database, and lets wrk submit the attempts
(each request one learner's answers, as the page posts them: CSRF token, session cookie,
q<question>=<choice> fields). Afterwards it checks in the database that every 302 was a real
submission scored once, and removes what it created.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/companion_bench \\
        python manage.py benchmark_quiz_submit --learners 6000 --connections 16 --seconds 15
"""

import os
import random
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
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string

from assessments.models import AttemptAnswer, Question, Quiz, QuizAttempt
from lms.accounts.models import User

LUA = r"""
-- Each wrk thread takes every n-th request line, so no attempt is submitted twice.
-- thread_id is a global: setup() sets it in each thread's own Lua state.
lines = {}
threads, position = 1, 0
local counter = 0

function setup(thread)
  thread:set("thread_id", counter)
  counter = counter + 1
end

function init(args)
  threads = tonumber(args[1])
  for line in io.lines(args[2]) do table.insert(lines, line) end
  position = thread_id + 1
end

request = function()
  local line = lines[position]
  if line == nil then line = lines[1] end
  position = position + threads
  local path, cookie, token, body = line:match("([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)")
  return wrk.format("POST", path, {
    ["Cookie"] = cookie,
    ["X-CSRFToken"] = token,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("REQUESTS %d\nNON2XX3XX %d\n", summary.requests, summary.errors.status))
  io.write(string.format("P50_MS %.1f\nP99_MS %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Command(BaseCommand):
    help = "Benchmark quiz submission (gunicorn + wrk on loopback, PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=6000)
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--threads", type=int, default=2)
        parser.add_argument("--seconds", type=int, default=15)
        parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
        parser.add_argument("--allow-sqlite", action="store_true")

    def handle(self, *args, **options):
        if connection.vendor != "postgresql" and not options["allow_sqlite"]:
            raise CommandError("Run it on PostgreSQL: set DATABASE_URL=postgres://...")
        for tool in ("wrk", "gunicorn"):
            if not shutil.which(tool) and not (Path(sys.executable).parent / tool).exists():
                raise CommandError(f"{tool} is not installed (apt-get install wrk).")
        tag = f"bench{secrets.token_hex(3)}"
        self.session_keys = []
        quiz = self._make_quiz(tag)
        try:
            lines = self._make_learners(quiz, tag, options["learners"])
            result = self._load(lines, options)
            self._report(quiz, result)
        finally:
            self._clean(quiz, tag)

    def _make_quiz(self, tag):
        quiz = Quiz.objects.create(title=f"{tag} 测验", pass_mark=70, show_answers=True)
        for i in range(10):
            Question.objects.create(
                quiz=quiz,
                sort_order=i,
                kind="single",
                text=f"第{i + 1}题",
                choices=[
                    {"type": "choice", "value": {"text": f"答案{j}", "is_correct": j == 0}}
                    for j in range(4)
                ],
            )
        return quiz

    def _make_learners(self, quiz, tag, count):
        self.stdout.write(f"Creating {count} learners with sessions and open attempts…")
        users = User.objects.bulk_create(
            [
                User(username=f"{tag}-{i}", display_name=f"学员{i}", password="!")
                for i in range(count)
            ],
            batch_size=1000,
        )
        questions = list(quiz.questions.order_by("sort_order"))
        options = {q.pk: [cid for cid, _t in q.choice_options()] for q in questions}
        now = timezone.now()
        QuizAttempt.objects.bulk_create(
            [
                QuizAttempt(
                    learner=user,
                    quiz=quiz,
                    number=1,
                    started_at=now,
                    question_ids=[q.pk for q in questions],
                    choice_order={str(pk): ids for pk, ids in options.items()},
                    question_count=len(questions),
                )
                for user in users
            ],
            batch_size=1000,
        )
        attempts = dict(QuizAttempt.objects.filter(quiz=quiz).values_list("learner_id", "pk"))
        backend = settings.AUTHENTICATION_BACKENDS[0]
        sessions = []
        lines = []
        rng = random.Random(1)
        for user in users:
            store = SessionStore()
            store[SESSION_KEY] = str(user.pk)
            store[BACKEND_SESSION_KEY] = backend
            store[HASH_SESSION_KEY] = user.get_session_auth_hash()
            key = store._get_new_session_key()
            sessions.append(
                Session(
                    session_key=key,
                    session_data=store.encode(store._session),
                    expire_date=now + timezone.timedelta(days=1),
                )
            )
            csrf = get_random_string(32)  # Django's CSRF secret: 32 letters and digits
            fields = ["submit=1"]
            for pk, ids in options.items():
                right = rng.random() < 0.8
                fields.append(f"q{pk}={ids[0] if right else ids[1]}")
            path = reverse("assessments:attempt", args=[attempts[user.pk]])
            lines.append(f"{path}\tsessionid={key}; csrftoken={csrf}\t{csrf}\t{'&'.join(fields)}")
        Session.objects.bulk_create(sessions, batch_size=1000)
        self.session_keys = [s.session_key for s in sessions]
        return lines

    def _load(self, lines, options):
        port = _free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
            "DJANGO_DEBUG": "false",
            "DATABASE_URL": os.environ.get("DATABASE_URL", ""),
            "DATABASE_CONN_MAX_AGE": "60",
            "LOG_LEVEL": "WARNING",
            "PYTHONWARNINGS": "ignore::UserWarning",
        }
        gunicorn = shutil.which("gunicorn") or str(Path(sys.executable).parent / "gunicorn")
        server = subprocess.Popen(  # noqa: S603
            [
                gunicorn,
                "lms.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(options["workers"]),
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=settings.BASE_DIR,
        )
        try:
            self._wait_for(port, options["workers"])
            with tempfile.TemporaryDirectory() as tmp:
                script = Path(tmp) / "submit.lua"
                data = Path(tmp) / "requests.tsv"
                script.write_text(LUA)
                data.write_text("\n".join(lines) + "\n")
                self.stdout.write(
                    f"wrk: {options['threads']} threads, {options['connections']} connections, "
                    f"{options['seconds']} s, gunicorn {options['workers']} workers"
                )
                run = subprocess.run(  # noqa: S603
                    [
                        "wrk",
                        "-t",
                        str(options["threads"]),
                        "-c",
                        str(options["connections"]),
                        "-d",
                        f"{options['seconds']}s",
                        "--latency",
                        "-s",
                        str(script),
                        f"http://127.0.0.1:{port}",
                        "--",
                        str(options["threads"]),
                        str(data),
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                if run.stderr.strip():
                    raise CommandError(f"wrk: {run.stderr.strip()}")
                output = run.stdout
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        values = dict(re.findall(r"^([A-Z0-9_]+) ([\d.]+)$", output, re.M))
        rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
        return {
            "rps": float(rps.group(1)) if rps else 0.0,
            "requests": int(values.get("REQUESTS", 0)),
            "bad_status": int(values.get("NON2XX3XX", 0)),
            "p50": values.get("P50_MS"),
            "p99": values.get("P99_MS"),
            "raw": output,
        }

    def _wait_for(self, port, workers):
        """Until every worker has imported the project and answered (the first requests of a
        fresh worker are slow and would count against the figure)."""
        deadline = time.monotonic() + 90
        answered = 0
        while time.monotonic() < deadline and answered < workers * 4:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10):
                    answered += 1
            except OSError:
                time.sleep(0.3)
        if answered < workers * 4:
            raise CommandError("gunicorn did not start")

    def _report(self, quiz, result):
        submitted = QuizAttempt.objects.filter(quiz=quiz, submitted_at__isnull=False).count()
        total = QuizAttempt.objects.filter(quiz=quiz).count()
        answers = AttemptAnswer.objects.filter(attempt__quiz=quiz, is_correct__isnull=False)
        if answers.count() != submitted * quiz.questions.count():
            raise CommandError("Some submitted attempts were not scored completely.")
        self.stdout.write(result["raw"])
        self.stdout.write(
            self.style.SUCCESS(
                f"{result['rps']:.0f} quiz submissions per second "
                f"(p50 {result['p50']} ms, p99 {result['p99']} ms); "
                f"{result['requests']} requests, {result['bad_status']} with an error status; "
                f"{submitted} of {total} attempts submitted in the database"
            )
        )
        if result["requests"] > total:
            self.stdout.write(
                self.style.WARNING(
                    "More requests than attempts: the extra ones re-submitted a submitted "
                    "attempt (changes nothing). Use more --learners for a clean figure."
                )
            )

    def _clean(self, quiz, tag):
        Session.objects.filter(session_key__in=self.session_keys).delete()
        QuizAttempt.objects.filter(quiz=quiz).delete()
        User.objects.filter(username__startswith=f"{tag}-").delete()
        quiz.delete()
