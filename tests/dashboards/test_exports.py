"""Exports of large tables: a job a task makes as the staff member who asked (her regions now,
her language), with a progress page, a download only she may fetch, idempotent runs, a clear
failure, and a clean-up after a week. Small exports stay immediate."""

import csv
import datetime
import io
import os
import tempfile
import tracemalloc

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from lms.accounts import roles
from lms.accounts.models import User
from lms.core.spreadsheets import XLSX_TYPE, write_spreadsheet
from lms.dashboards import exports, selectors
from lms.dashboards.models import ExportJob, ExportStatus, ExportTable
from lms.dashboards.tasks import export_job_run_task, export_jobs_purge_task
from lms.engagement.models import EngagementSettings, LearnerFacts
from lms.mentoring.services import mentor_assign
from lms.programme.models import Cohort, CohortMembership
from tests.factories import (
    CohortFactory,
    cohort_member,
    make_ladder,
    make_mentor,
    staff_user,
    zh,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def small_limit(settings):
    settings.EXPORT_INLINE_ROWS = 2


def _at_risk_cohort(county, name="初级班", prefix="妈妈"):
    """Three active members, two of them at risk: {prefix}1 (joined 60 days ago: no
    activity, no mentor, no contact), {prefix}2 (joined today: no mentor yet); {prefix}3
    has a mentor and is in her first days. As after their commit: the engagement facts the
    list reads follow the writes then."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        cohort = CohortFactory(name=name, region=county)
        cohort_member(cohort, f"{prefix}1", joined_days_ago=60)
        cohort_member(cohort, f"{prefix}2")
        fine = cohort_member(cohort, f"{prefix}3")
        mentor_assign(learner=fine, mentor=make_mentor(county))
    return cohort


def _headers():
    return [zh("Learner"), zh("Village"), zh("Cohort"), zh("Reasons"), zh("Details")]


def _long_row(name="妈妈1", village="七星关区", cohort="初级班"):
    reasons = [
        zh("No activity for %(days)s days", days=14),
        zh("No mentor"),
        zh("No coaching contact for %(days)s days", days=30),
    ]
    details = [
        zh("no activity since she joined"),
        zh("no current mentor"),
        zh("no contact since she joined"),
    ]
    return [name, village, cohort, "; ".join(reasons), "; ".join(details)]


def _new_row(name="妈妈2", village="七星关区", cohort="初级班"):
    return [name, village, cohort, zh("No mentor"), zh("no current mentor")]


def _download(client, job):
    response = client.get(reverse("dashboards:export_download", args=[job.pk]))
    assert response.status_code == 200
    # Reading it to the end closes the file (closing the response again would close the
    # test's database connection).
    content = b"".join(response.streaming_content)
    return response, content


def _workbook_rows(content):
    book = load_workbook(io.BytesIO(content))
    return [
        ["" if cell is None else cell for cell in row]
        for row in book.active.iter_rows(values_only=True)
    ]


def _csv_rows(content):
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def _export_files():
    folder = os.path.join(django_settings.MEDIA_ROOT, "exports")
    return set(os.listdir(folder)) if os.path.isdir(folder) else set()


def _ask(client, django_capture_on_commit_callbacks, url, query, *, execute=True):
    with django_capture_on_commit_callbacks(execute=execute) as callbacks:
        response = client.get(url, query)
    return response, callbacks


# --- The large export, from the link to the file --------------------------------------------


def test_a_large_at_risk_export_is_made_by_a_task_and_downloads(
    client, counties, small_limit, django_capture_on_commit_callbacks
):
    province, county, _other = counties
    _at_risk_cohort(county)
    staff = staff_user(province)
    client.force_login(staff)

    response, _callbacks = _ask(
        client,
        django_capture_on_commit_callbacks,
        reverse("dashboards:at_risk"),
        {"export": "xlsx"},
    )

    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboards:export", args=[job.pk])
    assert (job.requested_by, job.table, job.file_format) == (staff, ExportTable.AT_RISK, "xlsx")
    assert job.status == ExportStatus.DONE
    assert (job.done, job.total, job.percent) == (2, 2, 100)
    assert job.file.name.startswith("exports/") and job.file.name.endswith(".xlsx")
    assert "at-risk" not in job.file.name  # a random name

    page = client.get(response["Location"]).content.decode()
    download_url = reverse("dashboards:export_download", args=[job.pk])
    assert download_url in page
    assert 'http-equiv="refresh"' not in page

    response, content = _download(client, job)
    assert response["Content-Type"] == XLSX_TYPE
    assert 'filename="at-risk.xlsx"' in response["Content-Disposition"]
    assert _workbook_rows(content) == [_headers(), _long_row(), _new_row()]

    # Her list of exports names it.
    index = client.get(reverse("dashboards:exports")).content.decode()
    assert reverse("dashboards:export", args=[job.pk]) in index and download_url in index


def test_the_task_keeps_the_filters_of_the_screen(
    client, counties, small_limit, django_capture_on_commit_callbacks
):
    province, county, _other = counties
    cohort = _at_risk_cohort(county)
    _at_risk_cohort(county, name="另一班", prefix="阿姨")
    client.force_login(staff_user(province))
    _ask(
        client,
        django_capture_on_commit_callbacks,
        reverse("dashboards:at_risk"),
        {"export": "csv", "cohort": cohort.pk, "reason": "inactive", "p": "2"},
    )
    job = ExportJob.objects.get()
    assert job.filters == {"cohort": str(cohort.pk), "reason": "inactive"}
    _response, content = _download(client, job)
    assert _csv_rows(content) == [_headers(), _long_row()]


def test_a_large_cohort_matrix_export_keeps_its_cohort_and_filters(
    client, site_pages, counties, small_limit, django_capture_on_commit_callbacks
):
    make_ladder(site_pages[1])
    province, county, _other = counties
    cohort = _at_risk_cohort(county)
    client.force_login(staff_user(province))
    url = reverse("dashboards:cohort", args=[cohort.pk])
    response, _callbacks = _ask(
        client, django_capture_on_commit_callbacks, url, {"export": "csv", "sort": "-name"}
    )
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert job.filters == {"cohort": str(cohort.pk), "sort": "-name"}
    _response, content = _download(client, job)
    rows = _csv_rows(content)
    assert rows[0][:4] == [zh("Learner"), zh("Village"), zh("Mentor"), zh("Status")]
    assert [row[0] for row in rows[1:]] == ["妈妈1", "妈妈2", "妈妈3"]  # an unknown sort: by name


def _big_cohort(county, learners, tag):
    """`learners` active members of one cohort, none with a mentor (so each is at risk),
    written in bulk with the engagement facts rows their memberships make."""
    cohort = CohortFactory(name=f"大班{tag}", region=county)
    users = User.objects.bulk_create(
        [
            User(username=f"big{tag}-{n}", display_name=f"妈妈{tag}{n:05}", password="!")
            for n in range(learners)
        ]
    )
    CohortMembership.objects.bulk_create(
        [CohortMembership(cohort=cohort, learner=user) for user in users]
    )
    LearnerFacts.objects.bulk_create(
        [
            LearnerFacts(learner=user, display_name=user.display_name, date_joined=user.date_joined)
            for user in users
        ]
    )
    return cohort


def _export_peak(cohort, *, hold):
    """The most memory the at-risk export of `cohort` takes while it is written to a file
    (tracemalloc), streamed or (`hold`) with its rows read into a list first, and its rows."""
    headers, rows = selectors.at_risk_table(
        selectors.at_risk_rows(Cohort.objects.filter(pk=cohort.pk)), EngagementSettings.load()
    )
    with tempfile.TemporaryFile() as out:
        tracemalloc.start()
        try:
            written = write_spreadsheet(out, headers, list(rows) if hold else rows, "xlsx")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    return peak, written


def test_a_large_export_is_streamed_its_memory_does_not_grow_with_its_rows(counties):
    _province, county, _other = counties
    # Both longer than two of the cursor's chunks (2,000 rows), which the reading holds.
    small, large = _big_cohort(county, 4000, "a"), _big_cohort(county, 10000, "b")
    _export_peak(small, hold=False)  # the first run's one-time costs (the ladder, imports)
    # The least of two runs each: a peak now and then holds something of an earlier query.
    streamed = [min(_export_peak(c, hold=False) for _ in range(2)) for c in (small, large)]
    held = [_export_peak(cohort, hold=True) for cohort in (small, large)]
    assert [written for _peak, written in streamed] == [4000, 10000]
    grows_streamed = streamed[1][0] - streamed[0][0]
    grows_held = held[1][0] - held[0][0]
    # Holding 6,000 more rows costs their cells (megabytes); streamed, they are read, their
    # cohorts looked up and written a batch at a time: the same memory for both.
    assert grows_streamed < grows_held / 4, (grows_streamed, grows_held)


def test_under_the_limit_the_export_is_immediate(client, counties, settings):
    settings.EXPORT_INLINE_ROWS = 3
    province, county, _other = counties
    _at_risk_cohort(county)
    client.force_login(staff_user(province))
    response = client.get(reverse("dashboards:at_risk"), {"export": "csv"})
    assert response.status_code == 200
    assert 'filename="at-risk.csv"' in response["Content-Disposition"]
    assert _csv_rows(response.content) == [_headers(), _long_row(), _new_row()]
    assert not ExportJob.objects.exists()
    # Tables that are always small never make a job.
    settings.EXPORT_INLINE_ROWS = 0
    for name in ("index", "mentors", "training"):
        response = client.get(reverse(f"dashboards:{name}"), {"export": "xlsx"})
        assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert not ExportJob.objects.exists()


def test_a_double_click_makes_one_job(
    client, counties, small_limit, django_capture_on_commit_callbacks
):
    province, county, _other = counties
    _at_risk_cohort(county)
    client.force_login(staff_user(province))
    url = reverse("dashboards:at_risk")
    first, _ = _ask(
        client, django_capture_on_commit_callbacks, url, {"export": "xlsx"}, execute=False
    )
    second, _ = _ask(
        client, django_capture_on_commit_callbacks, url, {"export": "xlsx"}, execute=False
    )
    assert first["Location"] == second["Location"]
    assert ExportJob.objects.count() == 1


# --- Who may see it ------------------------------------------------------------------------


def test_only_the_staff_member_who_asked_sees_and_downloads_her_export(
    client, counties, small_limit, django_capture_on_commit_callbacks
):
    province, county, _other = counties
    cohort = _at_risk_cohort(county)
    client.force_login(staff_user(province))
    _ask(
        client, django_capture_on_commit_callbacks, reverse("dashboards:at_risk"), {"export": "csv"}
    )
    job = ExportJob.objects.get()
    page = reverse("dashboards:export", args=[job.pk])
    download = reverse("dashboards:export_download", args=[job.pk])

    client.force_login(staff_user(province))  # a colleague of the same province
    assert client.get(page).status_code == 404
    assert client.get(download).status_code == 404
    assert (
        reverse("dashboards:export", args=[job.pk])
        not in client.get(reverse("dashboards:exports")).content.decode()
    )

    client.force_login(cohort.memberships.first().learner)
    for url in (page, download, reverse("dashboards:exports")):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "attachment" not in response.get("Content-Disposition", "")


def test_moved_to_another_county_she_no_longer_downloads_the_old_ones_export(
    client, counties, small_limit, django_capture_on_commit_callbacks
):
    _province, county, other = counties
    _at_risk_cohort(county)
    staff = staff_user(county)
    client.force_login(staff)
    _ask(
        client, django_capture_on_commit_callbacks, reverse("dashboards:at_risk"), {"export": "csv"}
    )
    job = ExportJob.objects.get()
    download = reverse("dashboards:export_download", args=[job.pk])
    assert client.get(download).status_code == 200
    staff.staff_regions.set([other])
    assert client.get(download).status_code == 404


def test_county_staff_never_export_another_countys_learners(
    client, counties, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_INLINE_ROWS = 0
    province, a, b = counties
    _at_risk_cohort(a)
    theirs = _at_risk_cohort(b, name="大方班", prefix="外县")
    staff = staff_user(a)
    client.force_login(staff)

    # Naming the other county's cohort in the address: nothing of it, inline or by a task.
    response = client.get(reverse("dashboards:at_risk"), {"export": "csv", "cohort": theirs.pk})
    assert _csv_rows(response.content) == [_headers()]
    job = ExportJob.objects.create(
        requested_by=staff,
        table=ExportTable.AT_RISK,
        file_format="csv",
        filters={"cohort": str(theirs.pk)},
        language="zh-hans",
    )
    export_job_run_task.delay(job.pk)
    job.refresh_from_db()
    assert job.status == ExportStatus.DONE and job.total == 0
    assert _csv_rows(_download(client, job)[1]) == [_headers()]

    # The other county's cohort matrix: she may not export it at all.
    job = ExportJob.objects.create(
        requested_by=staff,
        table=ExportTable.COHORT,
        file_format="csv",
        filters={"cohort": str(theirs.pk)},
    )
    export_job_run_task.delay(job.pk)
    job.refresh_from_db()
    assert (job.status, job.error) == (ExportStatus.FAILED, exports.ERROR_NO_ACCESS)


def test_the_task_exports_what_she_may_see_when_it_runs(
    client, counties, small_limit, django_capture_on_commit_callbacks
):
    province, a, b = counties
    _at_risk_cohort(a)
    _at_risk_cohort(b, name="大方班", prefix="外县")
    staff = staff_user(province)
    client.force_login(staff)
    _response, callbacks = _ask(
        client,
        django_capture_on_commit_callbacks,
        reverse("dashboards:at_risk"),
        {"export": "csv"},
        execute=False,
    )
    # Before the task runs, she is moved to county A only.
    staff.staff_regions.set([a])
    for callback in callbacks:
        callback()
    job = ExportJob.objects.get()
    _response, content = _download(client, job)
    assert _csv_rows(content) == [_headers(), _long_row(), _new_row()]


def test_an_export_of_someone_who_lost_her_staff_role_fails(
    client, counties, small_limit, django_capture_on_commit_callbacks
):
    province, county, _other = counties
    _at_risk_cohort(county)
    staff = staff_user(province)
    client.force_login(staff)
    _response, callbacks = _ask(
        client,
        django_capture_on_commit_callbacks,
        reverse("dashboards:at_risk"),
        {"export": "xlsx"},
        execute=False,
    )
    staff.groups.remove(Group.objects.get(name=roles.PROGRAMME_STAFF))
    for callback in callbacks:
        callback()
    job = ExportJob.objects.get()
    assert (job.status, job.error, job.file.name) == (ExportStatus.FAILED, "no_access", "")
    # Without the role the admin itself turns her away.
    assert client.get(reverse("dashboards:export", args=[job.pk])).status_code in (302, 403)


# --- Language, progress, idempotence, failure -----------------------------------------------


def test_the_file_is_in_the_language_she_saw_the_screen_in(client, counties):
    province, county, _other = counties
    _at_risk_cohort(county)
    staff = staff_user(province)
    client.force_login(staff)
    job = ExportJob.objects.create(
        requested_by=staff, table=ExportTable.AT_RISK, file_format="csv", language="en"
    )
    with translation.override("zh-hans"):  # the worker's own language does not matter
        export_job_run_task.delay(job.pk)
    job.refresh_from_db()
    rows = _csv_rows(_download(client, job)[1])
    assert rows[0] == ["Learner", "Village", "Cohort", "Reasons", "Details"]
    assert rows[2] == ["妈妈2", "Qixingguan", "初级班", "No mentor", "no current mentor"]


def test_the_page_shows_the_progress_while_the_task_runs(client, counties):
    province, _county, _other = counties
    staff = staff_user(province)
    client.force_login(staff)
    job = ExportJob.objects.create(
        requested_by=staff, table=ExportTable.AT_RISK, file_format="xlsx"
    )
    url = reverse("dashboards:export", args=[job.pk])
    page = client.get(url).content.decode()
    assert 'http-equiv="refresh" content="2"' in page
    assert "<progress" in page
    assert reverse("dashboards:export_download", args=[job.pk]) not in page
    # No download before it is done.
    assert client.get(reverse("dashboards:export_download", args=[job.pk])).status_code == 404

    ExportJob.objects.filter(pk=job.pk).update(status=ExportStatus.RUNNING, total=200, done=50)
    page = client.get(url).content.decode()
    assert 'value="50"' in page and 'max="200"' in page and "25%" in page


def test_running_the_task_twice_makes_one_file(client, counties, small_limit):
    province, county, _other = counties
    _at_risk_cohort(county)
    staff = staff_user(province)
    client.force_login(staff)
    job = ExportJob.objects.create(
        requested_by=staff, table=ExportTable.AT_RISK, file_format="xlsx"
    )
    before = _export_files()
    export_job_run_task.delay(job.pk)
    job.refresh_from_db()
    name, finished = job.file.name, job.finished_at
    export_job_run_task.delay(job.pk)
    job.refresh_from_db()
    assert (job.file.name, job.finished_at) == (name, finished)
    assert _export_files() - before == {os.path.basename(name)}

    # A run left "running" by a lost worker is made again, still into one file.
    other = ExportJob.objects.create(
        requested_by=staff,
        table=ExportTable.AT_RISK,
        file_format="csv",
        status=ExportStatus.RUNNING,
        total=2,
        done=1,
    )
    before = _export_files()
    export_job_run_task.delay(other.pk)
    other.refresh_from_db()
    assert (other.status, other.done, other.total) == (ExportStatus.DONE, 2, 2)
    assert _export_files() - before == {os.path.basename(other.file.name)}


def test_a_failing_table_marks_the_export_failed_with_a_clear_message(
    client, counties, small_limit, monkeypatch, django_capture_on_commit_callbacks
):
    province, county, _other = counties
    _at_risk_cohort(county)
    client.force_login(staff_user(province))

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(selectors, "at_risk_rows", broken)
    before = _export_files()
    response, _callbacks = _ask(
        client, django_capture_on_commit_callbacks, reverse("dashboards:at_risk"), {"export": "csv"}
    )
    job = ExportJob.objects.get()
    assert (job.status, job.error, job.file.name) == (ExportStatus.FAILED, "crashed", "")
    assert job.finished_at is not None
    assert _export_files() == before
    page = client.get(response["Location"]).content.decode()
    message = zh(
        "This export could not be made because of an error on the platform. Please try "
        "again; if it fails again, tell the platform team."
    )
    assert message in page
    assert "database went away" not in page
    assert 'http-equiv="refresh"' not in page
    assert reverse("dashboards:export_download", args=[job.pk]) not in page
    # A failed export is not run again by a late duplicate of its task.
    monkeypatch.undo()
    export_job_run_task.delay(job.pk)
    job.refresh_from_db()
    assert job.status == ExportStatus.FAILED


# --- Clean-up --------------------------------------------------------------------------------


def test_exports_older_than_a_week_are_deleted_with_their_files(client, counties):
    province, county, _other = counties
    _at_risk_cohort(county)
    staff = staff_user(province)
    old, recent = (
        ExportJob.objects.create(requested_by=staff, table=ExportTable.AT_RISK, file_format="csv")
        for _ in range(2)
    )
    for job in (old, recent):
        export_job_run_task.delay(job.pk)
        job.refresh_from_db()
    ExportJob.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    assert old.file.storage.exists(old.file.name)

    assert export_jobs_purge_task.delay().get() == 1

    assert list(ExportJob.objects.all()) == [recent]
    assert not old.file.storage.exists(old.file.name)
    assert recent.file.storage.exists(recent.file.name)
    schedule = django_settings.CELERY_BEAT_SCHEDULE["nightly-export-cleanup"]
    assert schedule["task"] == "lms.dashboards.tasks.export_jobs_purge_task"
