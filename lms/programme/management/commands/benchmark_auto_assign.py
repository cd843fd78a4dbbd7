"""Benchmark automatic mentor assignment: a cohort of N learners over M mentors spread over a
province's villages. Everything it creates is rolled back at the end.

    python manage.py benchmark_auto_assign --learners 2000 --mentors 100
"""

import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from lms.accounts.models import Region, RegionKind, User
from lms.mentoring.models import MentorAssignment, MentorProfile
from lms.programme.models import Cohort, CohortMembership
from lms.programme.services import auto_assign_apply, auto_assign_plan


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time auto-assign preview and apply for a large cohort (rolled back afterwards)."

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=2000)
        parser.add_argument("--mentors", type=int, default=100)
        parser.add_argument("--capacity", type=int, default=25)

    def handle(self, *args, learners, mentors, capacity, **options):
        try:
            with transaction.atomic():
                cohort = self.build(learners, mentors, capacity)
                self.measure(cohort)
                raise Rollback
        except Rollback:
            self.stdout.write("(all benchmark data rolled back)")

    def build(self, n_learners, n_mentors, capacity):
        started = time.perf_counter()
        province = Region.add_root(
            instance=Region(name="基准省", kind=RegionKind.PROVINCE, code="bench")
        )
        villages = []
        for c in range(4):
            county = province.add_child(
                instance=Region(name=f"县{c}", kind=RegionKind.COUNTY, code=f"bench-{c}")
            )
            for t in range(5):
                township = county.add_child(
                    instance=Region(
                        name=f"乡{c}{t}", kind=RegionKind.TOWNSHIP, code=f"bench-{c}-{t}"
                    )
                )
                for v in range(5):
                    villages.append(
                        township.add_child(
                            instance=Region(
                                name=f"村{c}{t}{v}",
                                kind=RegionKind.VILLAGE,
                                code=f"bench-{c}-{t}-{v}",
                            )
                        )
                    )
        users = User.objects.bulk_create(
            [
                User(
                    username=f"bench-l{i}",
                    display_name=f"学员{i}",
                    home_region=villages[i % len(villages)],
                )
                for i in range(n_learners)
            ]
            + [
                User(
                    username=f"bench-m{i}",
                    display_name=f"老师{i}",
                    home_region=villages[(i * 7) % len(villages)],
                )
                for i in range(n_mentors)
            ],
            batch_size=1000,
        )
        learners, mentors = users[:n_learners], users[n_learners:]
        profiles = MentorProfile.objects.bulk_create(
            [
                MentorProfile(user=m, is_eligible=True, is_active=True, capacity=capacity)
                for m in mentors
            ]
        )
        MentorProfile.regions.through.objects.bulk_create(
            [
                MentorProfile.regions.through(mentorprofile_id=p.pk, region_id=province.pk)
                for p in profiles
            ]
        )
        cohort = Cohort.objects.create(
            name="基准班",
            level="primary",
            region=province,
            start_date="2026-09-01",
            target_date="2027-06-30",
        )
        CohortMembership.objects.bulk_create(
            [CohortMembership(cohort=cohort, learner=u) for u in learners], batch_size=1000
        )
        self.stdout.write(
            f"built {n_learners} learners, {n_mentors} mentors (capacity {capacity}), "
            f"{len(villages)} villages in {time.perf_counter() - started:.1f}s "
            f"on {connection.vendor}"
        )
        return cohort

    def measure(self, cohort):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            plan = auto_assign_plan(cohort=cohort)
            preview = time.perf_counter() - started
        self.stdout.write(
            f"preview: {preview:.2f}s, {len(queries)} queries, "
            f"{len(plan.placements)} placed, {len(plan.unplaced)} unplaced"
        )
        token = plan.token()
        started = time.perf_counter()
        created = auto_assign_apply(cohort=cohort, token=token)
        apply = time.perf_counter() - started
        self.stdout.write(f"apply: {apply:.2f}s, {created} assignments created")
        started = time.perf_counter()
        again = auto_assign_apply(cohort=cohort, token=token)
        self.stdout.write(
            f"apply again: {time.perf_counter() - started:.2f}s, {again} created (idempotent)"
        )
        per_mentor = list(
            MentorAssignment.objects.filter(
                ended_at__isnull=True, learner__username__startswith="bench-"
            )
            .values("mentor_id")
            .annotate(n=Count("pk"))
            .values_list("n", flat=True)
        )
        if per_mentor:
            self.stdout.write(f"mentees per mentor: min {min(per_mentor)}, max {max(per_mentor)}")
