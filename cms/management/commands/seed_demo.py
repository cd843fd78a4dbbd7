"""Load the demo: regions, a course catalogue in Chinese and English with quizzes and practical
tasks, the certification ladder, users of every role, a cohort with varied progress, quiz
results and work waiting to be graded, face-to-face training sessions, and learners at each
step of the ladder. Safe to run again: it adds only what is missing.

What the demo contains is in cms/demo/data/*.yaml; how each part is made, in the modules of
cms/demo. The order below is the order things depend on each other; each step dates what it
writes through the demo's clock (cms/demo/clock.py)."""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale

from assessments.models import PracticalTask, Quiz, QuizAttempt, Submission
from certificates.models import Certificate
from cms.demo import assessments, ladder, learning, mentoring, pages, people
from cms.demo.clock import Clock
from courses.models import CoursePage, Enrolment, LessonPage
from lms.accounts import roles
from lms.accounts.models import Region, User
from lms.engagement.facts import facts_refresh_all
from lms.programme.models import TrainingSession


class Command(BaseCommand):
    help = "Load the demo data (idempotent)."

    def handle(self, *args, **options):
        clock = Clock()
        with transaction.atomic():
            roles.sync_role_groups()
            zh = Locale.get_default()
            en, _created = Locale.objects.get_or_create(language_code="en")
            regions = people.seed_regions()
            home = pages.seed_site(zh, en)
            # Before the lessons: the lessons' quiz and task blocks point at them.
            found = assessments.seed_assessments(zh, en)
            index = pages.seed_catalogue(home, en, found)
            everyone = people.seed_accounts(regions, clock)
            levels = ladder.seed_ladder(zh, en, found)
            # Before the mentoring: holding the trainer certificate is what makes a mentor.
            ladder.seed_mentor_certificates(everyone, levels, clock)
            mentoring.seed_mentor_profiles(everyone, regions, clock)
            people.seed_cohort(regions, everyone, clock)
            learning.seed_cohort_progress(everyone, clock)
            mentoring.seed_mentoring(everyone, clock)
            # After the mentoring: handing in a task notifies the learner's mentor.
            learning.seed_assessment_activity(everyone, found, clock)
            ladder.seed_ladder_activity(everyone, regions, levels, found, clock)
            # The demo's history is written with its dates set afterwards: count the
            # engagement facts the at-risk list reads from what was written.
            facts_refresh_all()
        counts = {
            "regions": Region.objects.count(),
            "courses": CoursePage.objects.filter(locale=zh).count(),
            "lessons": LessonPage.objects.filter(locale=zh).count(),
            "users": User.objects.count(),
            "enrolments": Enrolment.objects.count(),
            "quizzes": Quiz.objects.filter(locale=zh).count(),
            "tasks": PracticalTask.objects.filter(locale=zh).count(),
            "quiz attempts": QuizAttempt.objects.count(),
            "submissions": Submission.objects.count(),
            "certificates": Certificate.objects.count(),
            "training sessions": TrainingSession.objects.count(),
        }
        self.stdout.write(self.style.SUCCESS(f"Demo ready ({index.title}): {counts}"))
