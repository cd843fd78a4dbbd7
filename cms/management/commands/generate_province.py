"""Generate a province-sized data set for dashboards and benchmarks.

    python manage.py seed_demo                 # courses, quizzes, tasks and the ladder
    python manage.py generate_province --learners 50000 --villages 2000 --mentors 500 \
        --cohorts 200

Adds one new province (its code is `--code`, default `gen`) with counties, townships and
villages; mentors holding the trainer certificate; cohorts of the three learning levels;
learners in them with mentors, lesson progress, quiz attempts, practical-task submissions,
coaching contacts, training sessions with attendance, and certificates, in proportions like
the field's. Rows are written in bulk, straight into the tables: this is a benchmark fixture
of 50,000 made-up people, so it skips the services (checks, notifications, history, events:
the engagement facts are counted at the end). `--delete` removes a province made earlier with
the same code (and everything of its people).
"""

import datetime
import random
import time
import uuid

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from assessments.models import PracticalTask, Quiz, QuizAttempt, Submission
from certificates.models import Certificate, CertificationLevel
from certificates.readiness import ladder
from courses.levels import Level
from courses.models import CoursePage, Enrolment, LessonCompletion
from courses.selectors import required_lessons
from lms.accounts import roles
from lms.accounts.models import Region, RegionKind, User
from lms.core.dates import add_months
from lms.engagement.facts import facts_refresh
from lms.mentoring.models import CoachingContact, MentorAssignment, MentorProfile
from lms.programme.models import (
    Attendance,
    Cohort,
    CohortMembership,
    MembershipStatus,
    SessionBooking,
    TrainingSession,
)

LEVEL_MIX = [(Level.PRIMARY, 0.6), (Level.INTERMEDIATE, 0.25), (Level.ADVANCED, 0.15)]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"  # noqa: E501
GIVEN = "秀英桂英秀兰玉兰桂兰秀珍凤英玉梅凤兰丽华春梅海燕小红金凤丽娟玉珍春兰红梅晓燕丽萍美华"


class Command(BaseCommand):
    help = "Generate a province of learners, mentors and cohorts with realistic progress."

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=50000)
        parser.add_argument("--villages", type=int, default=2000)
        parser.add_argument("--mentors", type=int, default=500)
        parser.add_argument("--cohorts", type=int, default=200)
        parser.add_argument("--code", default="gen")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--delete", action="store_true")
        parser.add_argument(
            "--if-missing", action="store_true", help="do nothing when the province exists"
        )

    def handle(
        self, *args, learners, villages, mentors, cohorts, code, seed, delete, if_missing, **opts
    ):
        self.rng = random.Random(seed)
        self.code = code
        existing = Region.objects.filter(code=code).first()
        if delete:
            if existing is None:
                raise CommandError(f"No province with code {code!r}.")
            self.delete(existing)
            return
        if existing is not None and if_missing:
            self.stdout.write(f"Province {code!r} exists: nothing generated.")
            return
        if existing is not None:
            raise CommandError(
                f"A province with code {code!r} exists: pass --delete first, or another --code."
            )
        levels = {level.slug: level for level in ladder()}
        if not levels:
            raise CommandError("No certification ladder: run `manage.py seed_demo` first.")
        self.levels = levels
        self.started = time.perf_counter()
        with transaction.atomic():
            self.province, self.villages = self.make_regions(villages)
            self.mentors = self.make_mentors(mentors)
            self.cohorts = self.make_cohorts(cohorts)
            self.learners = self.make_learners(learners)
            self.make_progress()
            self.say(f"{facts_refresh([u.pk for u in self.learners])} learners' facts counted")
        if connection.vendor == "postgresql":
            # Fresh statistics, as a running database has them: the planner needs the new
            # row counts to choose its joins (the dashboards slowed tenfold without).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            self.say("statistics updated (ANALYZE)")
        self.say(f"done: province {self.province.name} ({code})")

    def say(self, text):
        self.stdout.write(f"[{time.perf_counter() - self.started:6.1f} s] {text}")

    # --- regions, people ------------------------------------------------------------------

    def make_regions(self, n_villages):
        province = Region.add_root(
            instance=Region(
                name="生成省", name_en="Generated", kind=RegionKind.PROVINCE, code=self.code
            )
        )
        counties = max(1, n_villages // 200)
        per_township = 20
        villages = []
        for c in range(counties):
            county = province.add_child(
                instance=Region(name=f"{c + 1}县", kind=RegionKind.COUNTY, code=f"{self.code}-{c}")
            )
            county_villages = n_villages // counties + (1 if c < n_villages % counties else 0)
            for t in range((county_villages + per_township - 1) // per_township):
                township = county.add_child(
                    instance=Region(
                        name=f"{c + 1}县{t + 1}镇",
                        kind=RegionKind.TOWNSHIP,
                        code=f"{self.code}-{c}-{t}",
                    )
                )
                for v in range(min(per_township, county_villages - t * per_township)):
                    villages.append(
                        township.add_child(
                            instance=Region(
                                name=f"{t + 1}镇{v + 1}村",
                                kind=RegionKind.VILLAGE,
                                code=f"{self.code}-{c}-{t}-{v}",
                            )
                        )
                    )
        self.say(f"{counties} counties, {len(villages)} villages")
        return province, villages

    def _people(self, n, kind):
        rng = self.rng
        stamp = uuid.uuid4().hex[:6]
        # Numbers in a block of their own (166… learners, 165… mentors), after any used.
        base = 16600000000 if kind == "learner" else 16500000000
        offset = User.objects.filter(phone__startswith=f"+86{str(base)[:3]}").count()
        users = [
            User(
                username=f"{self.code}-{kind}-{stamp}-{i}",
                display_name=rng.choice(SURNAMES) + rng.choice(GIVEN[::2]) + rng.choice(GIVEN),
                phone=f"+86{base + offset + i}",
                home_region=rng.choice(self.villages),
                password="!",  # no password: they log in with an SMS code
            )
            for i in range(n)
        ]
        User.objects.bulk_create(users, batch_size=5000)
        return list(
            User.objects.filter(username__startswith=f"{self.code}-{kind}-{stamp}-").order_by("pk")
        )

    def make_mentors(self, n):
        mentors = self._people(n, "mentor")
        MentorProfile.objects.bulk_create(
            [MentorProfile(user=m, is_eligible=True, capacity=120) for m in mentors],
            batch_size=5000,
        )
        from django.contrib.auth.models import Group

        group = Group.objects.get_or_create(name=roles.MENTOR)[0]
        group.user_set.add(*mentors)
        self.make_certificates(
            [(m, slug) for m in mentors for slug in self.levels],
            issued_days_ago=lambda: self.rng.randint(200, 700),
        )
        self.say(f"{n} mentors holding the trainer certificate")
        return mentors

    def make_cohorts(self, n):
        rng = self.rng
        counties = list(self.province.get_children())
        today = timezone.localdate()
        cohorts = []
        for i in range(n):
            level = rng.choices([lv for lv, _w in LEVEL_MIX], [w for _lv, w in LEVEL_MIX])[0]
            start = today - datetime.timedelta(days=rng.randint(30, 300))
            cohorts.append(
                Cohort(
                    name=f"{level}-{i + 1}班",
                    level=level,
                    region=counties[i % len(counties)],
                    start_date=start,
                    target_date=start + datetime.timedelta(days=rng.choice([180, 270, 365])),
                )
            )
        Cohort.objects.bulk_create(cohorts)
        self.say(f"{n} cohorts")
        return list(Cohort.objects.filter(region__in=counties).order_by("pk"))

    def make_learners(self, n):
        rng = self.rng
        learners = self._people(n, "learner")
        memberships, assignments = [], []
        load = {m.pk: 0 for m in self.mentors}
        for learner in learners:
            learner.cohort = rng.choice(self.cohorts)
            status = rng.choices(
                [MembershipStatus.ACTIVE, MembershipStatus.PAUSED, MembershipStatus.WITHDRAWN],
                [0.9, 0.05, 0.05],
            )[0]
            memberships.append(
                CohortMembership(cohort=learner.cohort, learner=learner, status=status)
            )
            if rng.random() < 0.88:
                mentor = rng.choice(self.mentors)
                if load[mentor.pk] < 120:
                    load[mentor.pk] += 1
                    assignments.append(
                        MentorAssignment(
                            learner=learner,
                            mentor=mentor,
                            started_at=timezone.now()
                            - datetime.timedelta(days=rng.randint(5, 250)),
                        )
                    )
        CohortMembership.objects.bulk_create(memberships, batch_size=5000)
        MentorAssignment.objects.bulk_create(assignments, batch_size=5000)
        self.say(f"{n} learners, {len(assignments)} with a mentor")
        return learners

    # --- progress ----------------------------------------------------------------------------

    def make_progress(self):
        rng = self.rng
        now = timezone.now()
        default_courses = CoursePage.objects.live().filter(locale__language_code="zh-hans")
        lessons_by_level, courses_by_level = {}, {}
        for course in default_courses:
            courses_by_level.setdefault(course.level, []).append(course)
            lessons_by_level.setdefault(course.level, []).extend(
                required_lessons().descendant_of(course)
            )
        quizzes = list(Quiz.objects.filter(locale__language_code="zh-hans")[:3])
        tasks = list(PracticalTask.objects.filter(locale__language_code="zh-hans")[:2])
        sessions = self.make_sessions()

        enrolments, completions, attempts, submissions, contacts = [], [], [], [], []
        bookings, attendance, holders = [], [], []
        for learner in self.learners:
            level = learner.cohort.level
            pace = rng.betavariate(2, 2)  # how far along she is
            for course in courses_by_level.get(level, []):
                enrolments.append(
                    Enrolment(
                        learner=learner,
                        course=course,
                        source="cohort",
                        last_activity_at=now - datetime.timedelta(days=rng.randint(0, 60)),
                    )
                )
            lessons = lessons_by_level.get(level, [])
            for lesson in lessons[: int(len(lessons) * pace)]:
                completions.append(LessonCompletion(learner=learner, lesson=lesson))
            for quiz in quizzes:
                for number in range(1, rng.choice([0, 1, 1, 2, 3]) + 1):
                    score = rng.choice([40, 60, 80, 90, 100]) if pace > 0.3 else 40
                    attempts.append(
                        QuizAttempt(
                            learner=learner,
                            quiz=quiz,
                            number=number,
                            submitted_at=now,
                            score=score,
                            passed=score >= quiz.pass_mark,
                            question_count=5,
                        )
                    )
            for task in tasks:
                if rng.random() < pace:
                    status = rng.choices(
                        ["draft", "submitted", "needs_revision", "passed"], [1, 2, 1, 5]
                    )[0]
                    submissions.append(
                        Submission(
                            learner=learner,
                            task=task,
                            status=status,
                            submitted_at=now - datetime.timedelta(days=rng.randint(0, 20))
                            if status == "submitted"
                            else None,
                        )
                    )
            for _ in range(rng.choice([0, 1, 2, 3, 4, 6])):
                contacts.append(
                    CoachingContact(
                        mentor=rng.choice(self.mentors),
                        learner=learner,
                        contact_date=(now - datetime.timedelta(days=rng.randint(0, 120))).date(),
                        mode=rng.choice(["home_visit", "phone_call", "message"]),
                        minutes=30,
                        summary="生成的记录",
                        client_token=uuid.uuid4(),
                    )
                )
            for session in sessions.get(learner.cohort.pk, []):
                if rng.random() < 0.7:
                    bookings.append(SessionBooking(session=session, learner=learner))
                    if session.starts_at < now:
                        attendance.append(
                            Attendance(
                                session=session, learner=learner, present=rng.random() < 0.85
                            )
                        )
            # Levels below the cohort's are held; some primary learners already finished.
            order = [Level.PRIMARY, Level.INTERMEDIATE, Level.ADVANCED]
            held = order[: order.index(level)]
            if pace > 0.9 and rng.random() < 0.5:
                held.append(level)
            holders += [(learner, slug) for slug in held if slug in self.levels]
        for model, rows in (
            (Enrolment, enrolments),
            (LessonCompletion, completions),
            (QuizAttempt, attempts),
            (Submission, submissions),
            (CoachingContact, contacts),
            (SessionBooking, bookings),
            (Attendance, attendance),
        ):
            model.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=model is Enrolment)
            self.say(f"{len(rows)} {model._meta.model_name} rows")
        self.make_certificates(holders, issued_days_ago=lambda: self.rng.randint(1, 400))
        self.say(f"{len(holders)} learner certificates")

    def make_sessions(self):
        rng = self.rng
        now = timezone.now()
        by_cohort = {}
        sessions = []
        for cohort in self.cohorts:
            for days in (rng.randint(-60, -5), rng.randint(5, 60)):
                start = now + datetime.timedelta(days=days)
                sessions.append(
                    TrainingSession(
                        level=cohort.level,
                        title=f"{cohort.name}面授",
                        region=cohort.region,
                        starts_at=start,
                        ends_at=start + datetime.timedelta(hours=3),
                        venue="乡镇文化站",
                        capacity=300,
                    )
                )
        TrainingSession.objects.bulk_create(sessions, batch_size=2000)
        for session, cohort in zip(
            sessions, [c for c in self.cohorts for _ in (0, 1)], strict=True
        ):
            by_cohort.setdefault(cohort.pk, []).append(session)
        self.say(f"{len(sessions)} training sessions")
        return by_cohort

    def make_certificates(self, pairs, *, issued_days_ago):
        today = timezone.localdate()
        start = Certificate.objects.count()
        rows = []
        for i, (user, slug) in enumerate(pairs):
            level: CertificationLevel = self.levels[slug]
            issued = today - datetime.timedelta(days=issued_days_ago())
            expires = add_months(issued, level.validity_months) if level.validity_months else None
            rows.append(
                Certificate(
                    learner=user,
                    level=level,
                    serial=f"CA-{issued:%Y}-G{start + i:07d}",
                    holder_name=user.display_name,
                    issued_on=issued,
                    expires_on=expires,
                    issued_at=timezone.now() - datetime.timedelta(days=(today - issued).days),
                    status="valid" if expires is None or expires >= today else "expired",
                    design={"programme_name": "陪伴妈妈学堂", "level_name": level.name},
                )
            )
        Certificate.objects.bulk_create(rows, batch_size=5000)

    # --- delete --------------------------------------------------------------------------------

    def delete(self, province):
        started = time.perf_counter()
        people = User.objects.filter(username__startswith=f"{self.code}-")
        with transaction.atomic():
            Certificate.objects.filter(learner__in=people).delete()
            for model in (CoachingContact, MentorAssignment):
                model.objects.filter(mentor__in=people).delete()
            TrainingSession.objects.filter(region__path__startswith=province.path).delete()
            Cohort.objects.filter(region__path__startswith=province.path).delete()
            User.objects.filter(pk__in=people.values("pk")).delete()
            Region.objects.filter(path__startswith=province.path).delete()
        self.stdout.write(f"deleted province {self.code} in {time.perf_counter() - started:.1f} s")
