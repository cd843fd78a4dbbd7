"""Time the staff dashboards on a generated province, as a staff member of it sees them.

    python manage.py generate_province --code gen            # 50,000 learners (once)
    python manage.py benchmark_dashboards --code gen

Each page is requested through Django's test client (middleware, templates and all) by a
programme staff member of the whole province; the first request warms up, then the median
of `--runs` requests and the query count are reported. The staff user it creates is removed
afterwards.
"""

import statistics
import time

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from lms.accounts import roles
from lms.accounts.models import Region, User
from lms.dashboards import freshness
from lms.dashboards.models import ExportJob, ExportStatus, LearnerReadiness
from lms.dashboards.readiness_rows import readiness_rows_refresh_all
from lms.programme.models import Cohort, CohortMembership


class Command(BaseCommand):
    help = "Time the dashboards (overview, a cohort, at-risk, an export) for a province."

    def add_arguments(self, parser):
        parser.add_argument("--code", default="gen", help="the province's region code")
        parser.add_argument("--runs", type=int, default=3)

    def handle(self, *args, code, runs, **options):
        province = Region.objects.filter(code=code).first()
        if province is None:
            raise CommandError(f"No region {code!r}: run generate_province first.")
        learners = CohortMembership.objects.filter(
            cohort__region__path__startswith=province.path
        ).count()
        cohort = (
            Cohort.objects.filter(region__path__startswith=province.path).order_by("pk").first()
        )
        roles.sync_role_groups()
        staff = User.objects.create(username=f"bench-staff-{code}", display_name="基准")
        staff.groups.add(*roles_groups())
        staff.staff_regions.add(province)
        try:
            # The test client's host; the benchmark is about the server side.
            with override_settings(ALLOWED_HOSTS=["testserver", "*"]):
                client = Client()
                client.force_login(staff)
                self.stdout.write(
                    f"province {province.name}: {learners} memberships, database "
                    f"{connection.vendor}"
                )
                overview = reverse("dashboards:index")
                # The overview's numbers are cached per cohort: time it with nothing changed,
                # after one learner's progress (her cohort is counted again) and cold.
                one_learner = CohortMembership.objects.filter(cohort=cohort).first().learner_id
                self.measure(client, "overview (cached)", overview, runs)
                self.measure(
                    client,
                    "overview (1 cohort changed)",
                    overview,
                    runs,
                    before=lambda: freshness.learners_changed([one_learner]),
                )
                # Cold: the cached numbers lost; who is ready is read from the rows the
                # nightly count keeps (timed here as it runs then), and, once, without them
                # (after a ladder change, until the night): every member counted afresh.
                start = time.perf_counter()
                rows = readiness_rows_refresh_all()
                self.stdout.write(
                    f"{'nightly readiness count':28} {time.perf_counter() - start:7.3f} s "
                    f"for {rows} rows"
                )
                self.measure(client, "overview (cold cache)", overview, runs, before=cache.clear)
                LearnerReadiness.objects.all().delete()
                self.measure(client, "overview (cold, no rows)", overview, runs, before=cache.clear)
                readiness_rows_refresh_all()
                pages = [
                    ("cohort page", reverse("dashboards:cohort", args=[cohort.pk])),
                    ("at-risk list", reverse("dashboards:at_risk")),
                ]
                for label, url in pages:
                    self.measure(client, label, url, runs)
                # Over EXPORT_INLINE_ROWS the export is a job: the time is from the click to
                # the file being ready (the task runs in-process on the embedded defaults, or
                # on a worker when CELERY_BROKER_URL is set).
                export = reverse("dashboards:at_risk") + "?export=xlsx"
                self.measure(client, "at-risk export (xlsx)", export, runs, staff=staff)
        finally:
            for job in ExportJob.objects.filter(requested_by=staff):
                job.file.delete(save=False)
            staff.delete()

    def measure(self, client, label, url, runs, before=None, staff=None):
        self.get(client, label, url, staff)
        times, queries, size = [], 0, 0
        for _ in range(runs):
            if before is not None:
                before()
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                size, note = self.get(client, label, url, staff)
                times.append(time.perf_counter() - start)
            queries = len(captured)
        self.stdout.write(
            f"{label:28} median {statistics.median(times):7.3f} s over {runs}, "
            f"{queries} queries, {size // 1024} KB{note}"
        )

    def get(self, client, label, url, staff):
        """(size of what the staff member gets, a note)."""
        response = client.get(url)
        if response.status_code == 302 and staff is not None:
            job = ExportJob.objects.filter(requested_by=staff).latest("pk")
            deadline = time.monotonic() + 600
            while not job.is_over and time.monotonic() < deadline:
                time.sleep(0.2)
                job.refresh_from_db()
            if job.status != ExportStatus.DONE:
                raise CommandError(f"{label}: the export job ended {job.status}")
            return job.file.size, f" (a job: {job.total} rows)"
        if response.status_code != 200:
            raise CommandError(f"{label}: HTTP {response.status_code}")
        return len(response.content), ""


def roles_groups():
    from django.contrib.auth.models import Group

    return Group.objects.filter(name=roles.PROGRAMME_STAFF)
