"""Requests per second of the pages people use most, each beside a bare view, in one run.

Serves the project with gunicorn (production settings, PostgreSQL, Redis for the cache and the
broker, no worker: what follows a write waits in the queue, off the request path) and drives it
with wrk. For each page, in alternating pairs, wrk first loads a bare view that returns "ok"
behind the same middleware (/bench/ok, routed only in benchmark mode), then the page; the
figure that counts is the page's requests per second as a share of the bare view's, the median
of the pairs (the machine is shared: absolute figures drift, the ratio much less). Queries per
request are counted inside gunicorn for one request of each page.

    make benchmark-pages    # its own database (BENCH_DB), migrated, with the demo

Pages: a lesson with a quiz block and /learn/ (the demo learner), /mentor/ and the grading
queue (the demo mentor), the public certificate check page and the CMS home (anonymous), and
quiz submission (a POST per learner, each with an open attempt, whose page she opened a moment
before, as she must to answer it; --cold submits without).
"""

import statistics
import urllib.request
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.urls import reverse
from django.utils.crypto import get_random_string

from assessments.management.commands.benchmark_quiz_submit import (
    clean_up,
    learners_with_open_attempts,
    load_quiz,
    open_attempt_pages,
    submit_load,
)
from certificates.models import Certificate, CertificateStatus
from courses.models import LessonPage
from lms.accounts.models import User
from lms.core import loadtest

LEARNER, MENTOR = "+8613800000001", "+8613800000002"  # the demo's 王小梅 and 张丽华


@dataclass
class Target:
    name: str
    path: str
    cookie: str = ""
    queries: int | None = None
    kilobytes: float = 0.0
    pairs: list = field(default_factory=list)  # [(bare Run, page Run)]

    @property
    def ratio(self):
        return statistics.median(page.rps / bare.rps for bare, page in self.pairs if bare.rps)

    def median(self, attribute, of_page=True):
        return statistics.median(getattr(p if of_page else b, attribute) for b, p in self.pairs)


class Command(BaseCommand):
    help = "Pages per second as a share of a bare view (gunicorn + wrk, production settings)."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=15)
        parser.add_argument("--pairs", type=int, default=3)
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--only", default="", help="comma-separated page names")
        parser.add_argument("--cache-url", default="redis://127.0.0.1:6379/14")
        parser.add_argument("--broker-url", default="redis://127.0.0.1:6379/13")
        parser.add_argument(
            "--cold",
            action="store_true",
            help="quiz submission without each learner opening her attempt page first",
        )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Run it on PostgreSQL: set DATABASE_URL=postgres://...")
        loadtest.require_tools("wrk", "gunicorn")
        self.session_keys = []
        targets = self._targets()
        if options["only"]:
            wanted = {name.strip() for name in options["only"].split(",")}
            targets = [t for t in targets if t.name in wanted]
        tag = f"bench{get_random_string(6).lower()}"
        quiz = load_quiz(tag)
        quiz_keys = []
        try:
            env = loadtest.production_environment(
                cache_url=options["cache_url"],
                broker_url=options["broker_url"],
                BENCHMARK_MODE="true",
                DATABASE_CONN_MAX_AGE=60,
                CERTIFICATE_VERIFY_RATE="1000000/m",  # the check page's limit is per address
            )
            lines = []
            if not options["only"] or "quiz submission" in options["only"]:
                # Enough open attempts that no pair submits one twice.
                count = options["pairs"] * options["seconds"] * 500 + 10
                lines, quiz_keys = learners_with_open_attempts(quiz, tag, count)
            with loadtest.gunicorn(env, workers=options["workers"]) as base:
                for target in targets:
                    self._measure(base, target, options)
                if lines:
                    targets.append(self._measure_submission(base, lines, options))
        finally:
            clean_up(quiz, tag, quiz_keys)
            Session.objects.filter(session_key__in=self.session_keys).delete()
        self._report(targets, options)

    # --- What is measured --------------------------------------------------------------------

    def _session_cookie(self, phone):
        user = User.objects.filter(phone=phone).first()
        if user is None:
            raise CommandError(f"No user {phone}: load the demo first (manage.py seed_demo).")
        key = loadtest.signed_in(user)
        self.session_keys.append(key)
        # As her phone sends them after the first page: the login and the CSRF cookie.
        csrf = get_random_string(32)
        return f"{settings.SESSION_COOKIE_NAME}={key}; {settings.CSRF_COOKIE_NAME}={csrf}"

    def _targets(self):
        lessons = LessonPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
        lesson = next((p for p in lessons.order_by("path") if p.block_values("quiz")), None)
        certificate = Certificate.objects.filter(status=CertificateStatus.VALID).first()
        if lesson is None or certificate is None:
            raise CommandError("The demo is missing: run manage.py seed_demo first.")
        learner, mentor = self._session_cookie(LEARNER), self._session_cookie(MENTOR)
        return [
            Target("lesson page", lesson.url, learner),
            Target("/learn/", reverse("learn:dashboard"), learner),
            Target("/mentor/", reverse("engagement:caseload"), mentor),
            Target("grading queue", reverse("grading:queue"), mentor),
            Target(
                "check page", reverse("certificates:verify", args=[certificate.verification_code])
            ),
            Target("CMS home", "/"),
        ]

    def _measure(self, base, target, options):
        # As a phone asks: compressed.
        headers = {
            "Accept-Encoding": "gzip",
            **({"Cookie": target.cookie} if target.cookie else {}),
        }
        # Queries of a page already seen by each worker (what is kept in memory is made on a
        # worker's first request): the most of a few requests after a few to warm up.
        counts = []
        for attempt in range(9):
            request = urllib.request.Request(
                base + target.path, headers={**headers, "X-Count-Queries": "1"}
            )
            with urllib.request.build_opener(_NoRedirect).open(request, timeout=60) as response:
                if response.status != 200:
                    raise CommandError(f"{target.name}: {response.status} (signed in?)")
                if attempt >= 6:
                    counts.append(int(response.headers.get("X-Queries", -1)))
                target.kilobytes = len(response.read()) / 1024
        target.queries = max(counts)
        script = loadtest.headers_lua(headers)
        for _pair in range(options["pairs"]):
            bare = loadtest.wrk(base + "/bench/ok", **self._wrk_options(options))
            page = loadtest.wrk(base + target.path, script=script, **self._wrk_options(options))
            if page.bad_status:
                raise CommandError(f"{target.name}: {page.bad_status} error responses")
            target.pairs.append((bare, page))
        self.stdout.write(f"  {target.name}: {target.ratio:.1%} of the bare view")

    def _measure_submission(self, base, lines, options):
        target = Target("quiz submission", "(POST)")
        spare, lines = lines[:10], lines[10:]
        # As for the pages: the most of the last few, once each worker has seen a submission.
        counts = []
        opener = urllib.request.build_opener(_NoRedirect)
        open_attempt_pages(base, spare[:8])  # as she does before she submits
        for line in spare[:8]:
            path, cookie, token, body = line.split("\t")
            request = urllib.request.Request(
                base + path,
                data=body.encode(),
                headers={"Cookie": cookie, "X-CSRFToken": token, "X-Count-Queries": "1"},
            )
            with opener.open(request, timeout=60) as response:
                counts.append(int(response.headers.get("X-Queries", -1)))
        target.queries = max(counts[-3:])
        share = len(lines) // options["pairs"]
        for pair in range(options["pairs"]):
            mine = lines[pair * share : (pair + 1) * share]
            if not options["cold"]:
                # Just before: she submits within minutes of opening the page.
                open_attempt_pages(base, mine)
            bare = loadtest.wrk(base + "/bench/ok", **self._wrk_options(options))
            page = submit_load(
                base,
                mine,
                seconds=options["seconds"],
                connections=options["connections"],
            )
            target.pairs.append((bare, page))
        self.stdout.write(f"  {target.name}: {target.ratio:.1%} of the bare view")
        return target

    def _wrk_options(self, options):
        return {"seconds": options["seconds"], "connections": options["connections"]}

    def _report(self, targets, options):
        self.stdout.write(
            f"\ngunicorn {options['workers']} sync workers, production settings, PostgreSQL; "
            f"wrk -t2 -c{options['connections']} -d{options['seconds']}s; "
            f"{options['pairs']} pairs, medians\n"
        )
        self.stdout.write(
            f"{'page':<18}{'req/s':>8}{'bare':>8}{'share':>8}{'p50 ms':>9}{'p99 ms':>9}"
            f"{'queries':>9}{'KB':>7}"
        )
        for t in targets:
            self.stdout.write(
                f"{t.name:<18}{t.median('rps'):>8.0f}{t.median('rps', of_page=False):>8.0f}"
                f"{t.ratio:>8.1%}{t.median('p50'):>9.1f}{t.median('p99'):>9.1f}"
                f"{t.queries if t.queries is not None else '':>9}{t.kilobytes:>7.1f}"
            )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_302(self, req, fp, code, msg, headers):
        return fp
