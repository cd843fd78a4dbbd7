"""Benchmark the readiness engine and certificate PDFs. Everything it creates is rolled back.

    python manage.py benchmark_certificates --learners 10000 --pdfs 100

Builds a ladder level like the primary one (a 10-lesson course, a quiz, a practical task, 2
sessions, 3 coaching contacts, a sign-off) and N learners with random progress on it, then
measures: readiness for one learner (queries and milliseconds), readiness in bulk for all N
(seconds and queries), and PDF rendering: certificates per second in one process, the first PDF
of the process (which prepares the font) and a PDF whose name needs the full font.
"""

import random
import statistics
import time
import uuid

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from assessments.models import PracticalTask, Quiz, QuizAttempt, Rubric, Submission
from assessments.models import SubmissionStatus as S
from certificates import fonts, prepared_font
from certificates.models import CertificationLevel, LevelRequirement, SignOff
from certificates.readiness import readiness_bulk, readiness_for
from certificates.services import (
    certificate_issue,
    certificate_pdf_bytes,
    certificate_render_pdf,
)
from courses.models import CoursePage, LessonCompletion, LessonPage, ModulePage
from lms.accounts.models import Region, RegionKind, User
from lms.mentoring.models import CoachingContact
from lms.programme.models import Attendance, TrainingSession


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time readiness (one learner, bulk) and certificate PDFs (rolled back afterwards)."

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=10000)
        parser.add_argument("--pdfs", type=int, default=100)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, learners, pdfs, seed, **options):
        self.rng = random.Random(seed)
        try:
            with transaction.atomic():
                level, ids = self.build(learners)
                self.measure(level, ids, pdfs)
                raise Rollback
        except Rollback:
            self.stdout.write("(all benchmark data rolled back)")

    # --- data -------------------------------------------------------------------------------

    def build(self, n):
        started = time.perf_counter()
        rng = self.rng
        region = Region.add_root(
            instance=Region(name="基准县", kind=RegionKind.COUNTY, code=f"bench-{uuid.uuid4().hex}")
        )
        root = Page.get_first_root_node()
        course = root.add_child(
            instance=CoursePage(
                title="基准课程",
                slug=f"bench-{uuid.uuid4().hex[:8]}",
                level="primary",
                summary="基准",
            )
        )
        module = course.add_child(instance=ModulePage(title="单元", slug="m"))
        lessons = [
            module.add_child(instance=LessonPage(title=f"第{i}课", slug=f"l{i}")) for i in range(10)
        ]
        quiz = Quiz.objects.create(title="基准测验", pass_mark=80)
        rubric = Rubric.objects.create(title="基准评分", pass_points=1)
        task = PracticalTask.objects.create(title="基准任务", rubric=rubric, instructions="x")
        level = CertificationLevel.objects.filter(slug="primary").first()
        if level is None:
            level = CertificationLevel.objects.create(slug="primary", order=1, name="初级")
        level.requirements.all().delete()
        for order, (kind, extra) in enumerate(
            [
                ("course", {"course": course}),
                ("quiz", {"quiz": quiz}),
                ("task", {"task": task}),
                ("sessions", {"count": 2}),
                ("contacts", {"count": 3}),
                ("sign_off", {}),
            ]
        ):
            LevelRequirement.objects.create(level=level, kind=kind, sort_order=order, **extra)

        stamp = uuid.uuid4().hex[:6]
        User.objects.bulk_create(
            [
                User(username=f"bench-{stamp}-{i}", display_name=f"学员{i}", home_region=region)
                for i in range(n)
            ],
            batch_size=2000,
        )
        users = list(User.objects.filter(username__startswith=f"bench-{stamp}-"))
        mentor = User.objects.create(username=f"bench-{stamp}-mentor", display_name="导师")
        now = timezone.now()
        sessions = [
            TrainingSession.objects.create(
                level="primary",
                title=f"面授{i}",
                region=region,
                starts_at=now - timezone.timedelta(days=10 + i),
                ends_at=now - timezone.timedelta(days=10 + i, hours=-3),
                venue="文化站",
                capacity=500,
            )
            for i in range(3)
        ]
        completions, attempts, submissions, attendance, contacts, sign_offs = [], [], [], [], [], []
        for user in users:
            for lesson in lessons[: rng.randint(0, 10)]:
                completions.append(LessonCompletion(learner=user, lesson=lesson))
            for number in range(1, rng.randint(0, 3) + 1):
                score = rng.choice([40, 60, 80, 100])
                attempts.append(
                    QuizAttempt(
                        learner=user,
                        quiz=quiz,
                        number=number,
                        submitted_at=now,
                        score=score,
                        passed=score >= 80,
                        question_count=10,
                    )
                )
            if rng.random() < 0.6:
                submissions.append(
                    Submission(
                        learner=user,
                        task=task,
                        status=rng.choice([S.DRAFT, S.SUBMITTED, S.PASSED, S.PASSED]),
                    )
                )
            for session in sessions[: rng.randint(0, 3)]:
                attendance.append(Attendance(session=session, learner=user, present=True))
            for _ in range(rng.randint(0, 4)):
                contacts.append(
                    CoachingContact(
                        mentor=mentor,
                        learner=user,
                        contact_date=now.date(),
                        mode="phone_call",
                        minutes=20,
                        summary="x",
                        client_token=uuid.uuid4(),
                    )
                )
            if rng.random() < 0.2:
                sign_offs.append(SignOff(learner=user, level=level, mentor=mentor, comment="好"))
        for model, rows in (
            (LessonCompletion, completions),
            (QuizAttempt, attempts),
            (Submission, submissions),
            (Attendance, attendance),
            (CoachingContact, contacts),
            (SignOff, sign_offs),
        ):
            model.objects.bulk_create(rows, batch_size=5000)
        self.stdout.write(
            f"built {n} learners: {len(completions)} lesson completions, {len(attempts)} quiz "
            f"attempts, {len(submissions)} submissions, {len(attendance)} attendances, "
            f"{len(contacts)} contacts, {len(sign_offs)} sign-offs "
            f"in {time.perf_counter() - started:.1f} s"
        )
        return level, [u.pk for u in users]

    # --- measurements -----------------------------------------------------------------------

    def measure(self, level, ids, pdfs):
        vendor = connection.vendor
        self.stdout.write(f"database: {vendor}")
        learner = User.objects.get(pk=ids[0])

        times = []
        for _ in range(20):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                readiness_for(learner, level)
                times.append(time.perf_counter() - start)
        self.stdout.write(
            f"readiness, one learner: {len(queries)} queries, "
            f"median {1000 * statistics.median(times):.1f} ms over 20 runs"
        )

        times = []
        for _ in range(3):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                result = readiness_bulk(
                    User.objects.filter(home_region=learner.home_region_id).values_list(
                        "pk", flat=True
                    ),
                    level,
                )
                times.append(time.perf_counter() - start)
        ready = sum(1 for r in result.values() if r.is_ready)
        self.stdout.write(
            f"readiness, bulk for {len(ids)} learners: {len(queries)} queries, "
            f"median {statistics.median(times):.2f} s over 3 runs ({ready} ready)"
        )

        if pdfs:
            self.measure_pdfs(level, ids, pdfs)

    def measure_pdfs(self, level, ids, pdfs):
        certificates = [
            certificate_issue(learner=User.objects.get(pk=pk), level=level)[0] for pk in ids[:pdfs]
        ]
        # The first PDF of the process also finds and prepares the font (and makes the reduced
        # font file if no process on this machine has made it yet).
        start = time.time()
        certificate_render_pdf(certificate=certificates[0])
        first = time.time() - start
        begin = time.perf_counter()
        for certificate in certificates:
            certificate_render_pdf(certificate=certificate, force=True)
        elapsed = time.perf_counter() - begin
        font = fonts.find_cjk_font()
        if prepared_font.prepared_font(font) is None:
            preparation = "no prepared font: the slow way"
        elif prepared_font.reduced_font_path(font).stat().st_mtime >= start:
            preparation = "reduced font made"
        else:
            preparation = "reduced font read from the cache"
        self.stdout.write(
            f"PDF rendering: {len(certificates) / elapsed:.1f} certificates per second in one "
            f"process ({len(certificates)} in {elapsed:.2f} s, rendered and stored); "
            f"the first PDF of the process {first:.2f} s ({preparation})"
        )

        # A rare character in the name (not in GB2312) takes the full font: the slow way.
        certificate = certificates[0]
        certificate.holder_name = "王龘"
        start = time.perf_counter()
        certificate_pdf_bytes(certificate)
        self.stdout.write(
            f"PDF with a character outside the prepared font: {time.perf_counter() - start:.2f} s"
        )
