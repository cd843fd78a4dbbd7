"""Requests per second for quiz submission under concurrent load.

Creates learners, each with a logged-in session and an open attempt at a 10-question quiz,
starts gunicorn on loopback (production settings) against the same database, and lets wrk
submit the attempts (each request one learner's answers, as the page posts them: CSRF token,
session cookie, q<question>=<choice> fields). Afterwards it checks in the database that every
302 was a real submission scored once, and removes what it created. `manage.py benchmark_pages`
measures the same submission beside the other pages.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/companion_bench \\
        python manage.py benchmark_quiz_submit --learners 6000 --connections 16 --seconds 15
"""

import random
import tempfile
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string

from assessments.models import AttemptAnswer, Question, Quiz, QuizAttempt
from lms.accounts.models import User
from lms.core import loadtest

SUBMIT_LUA = r"""
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
"""


def load_quiz(tag):
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


def learners_with_open_attempts(quiz, tag, count, *, stdout=None):
    if stdout:
        stdout.write(f"Creating {count} learners with sessions and open attempts…")
    users = User.objects.bulk_create(
        [User(username=f"{tag}-{i}", display_name=f"学员{i}", password="!") for i in range(count)],
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
        # Signed with the key gunicorn runs with (loadtest.production_environment).
        with override_settings(SECRET_KEY=loadtest.BENCH_SECRET_KEY):
            store = SessionStore()
            store[SESSION_KEY] = str(user.pk)
            store[BACKEND_SESSION_KEY] = backend
            store[HASH_SESSION_KEY] = user.get_session_auth_hash()
            key = store._get_new_session_key()
            data = store.encode(store._session)
        sessions.append(
            Session(
                session_key=key,
                session_data=data,
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
    return lines, [s.session_key for s in sessions]


def clean_up(quiz, tag, session_keys):
    Session.objects.filter(session_key__in=session_keys).delete()
    QuizAttempt.objects.filter(quiz=quiz).delete()
    User.objects.filter(username__startswith=f"{tag}-").delete()
    quiz.delete()


def open_attempt_pages(base_url, lines, *, threads=8):
    """Each learner opens her attempt page once, as she must before she can submit it: her
    login is then in the cache as it is when her answers arrive minutes later (the cache
    keeps a login for five minutes: lms/core/sessions.py)."""

    def get(line):
        path, cookie, _token, _body = line.split("\t")
        request = urllib.request.Request(base_url + path, headers={"Cookie": cookie})
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback
            if response.status != 200:
                raise CommandError(f"{path}: {response.status}")
            response.read()

    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(get, lines))


def submit_load(base_url, lines, *, seconds, connections=16, threads=2):
    """wrk posting `lines` (learners_with_open_attempts), each attempt once."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "requests.tsv"
        data.write_text("\n".join(lines) + "\n")
        return loadtest.wrk(
            base_url,
            seconds=seconds,
            connections=connections,
            threads=threads,
            script=SUBMIT_LUA,
            script_args=(threads, data),
        )


class Command(BaseCommand):
    help = "Benchmark quiz submission (gunicorn + wrk on loopback, PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=6000)
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--threads", type=int, default=2)
        parser.add_argument("--seconds", type=int, default=15)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--cache-url", default="redis://127.0.0.1:6379/14")
        # A broker and no worker, as in production: what follows a submission (readiness, a
        # certificate, notifications) waits in the outbox, off the request path. Empty: it runs
        # in-process after each commit (the embedded defaults of `make run`).
        parser.add_argument("--broker-url", default="redis://127.0.0.1:6379/13")
        parser.add_argument(
            "--cold", action="store_true", help="submit without opening the attempt pages first"
        )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Run it on PostgreSQL: set DATABASE_URL=postgres://...")
        loadtest.require_tools("wrk", "gunicorn")
        tag = f"bench{get_random_string(6).lower()}"
        quiz = load_quiz(tag)
        session_keys = []
        try:
            lines, session_keys = learners_with_open_attempts(
                quiz, tag, options["learners"], stdout=self.stdout
            )
            env = loadtest.production_environment(
                cache_url=options["cache_url"], broker_url=options["broker_url"]
            )
            with loadtest.gunicorn(env, workers=options["workers"]) as base_url:
                if not options["cold"]:
                    open_attempt_pages(base_url, lines)
                result = submit_load(
                    base_url,
                    lines,
                    seconds=options["seconds"],
                    connections=options["connections"],
                    threads=options["threads"],
                )
            self._report(quiz, result)
        finally:
            clean_up(quiz, tag, session_keys)

    def _report(self, quiz, result):
        submitted = QuizAttempt.objects.filter(quiz=quiz, submitted_at__isnull=False).count()
        total = QuizAttempt.objects.filter(quiz=quiz).count()
        answers = AttemptAnswer.objects.filter(attempt__quiz=quiz, is_correct__isnull=False)
        if answers.count() != submitted * quiz.questions.count():
            raise CommandError("Some submitted attempts were not scored completely.")
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.rps:.0f} quiz submissions per second "
                f"(p50 {result.p50} ms, p99 {result.p99} ms); "
                f"{result.requests} requests, {result.bad_status} with an error status; "
                f"{submitted} of {total} attempts submitted in the database"
            )
        )
