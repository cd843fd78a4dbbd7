"""The readiness overview is counted once and then served from the cache, and each kind of
change a staff member would expect to see counts the affected cohorts again: progress, a
certificate issued or revoked, a membership, a bulk import, the ladder, a new day."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from certificates.models import Issuance, LevelRequirement
from certificates.services import (
    approval_decide,
    approval_request_open,
    certificate_issue,
    certificate_revoke,
    sign_off_create,
)
from lms.accounts.models import RegionKind
from lms.core.signals import cohorts_changed
from lms.dashboards import selectors
from lms.dashboards.selectors import overview as overview_selectors
from lms.mentoring.services import mentor_assign
from lms.programme.models import CohortMembership, MembershipStatus, SessionBooking
from lms.programme.services import attendance_mark, import_preview, import_start, session_save
from tests.factories import (
    CohortFactory,
    UserFactory,
    attend,
    complete_course,
    held_session,
    log_contact,
    make_ladder,
    make_mentor,
    make_region,
    pass_task,
    staff_user,
    take_quiz,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def county(db):
    return make_region("七星关区", name_en="Qixingguan")


@pytest.fixture
def recounted(monkeypatch):
    """The cohorts each overview had to count (not take from the cache)."""
    calls = []
    original = overview_selectors._overview_numbers

    def spy(cohorts, *args, **kwargs):
        calls.append({c.name for c in cohorts})
        return original(cohorts, *args, **kwargs)

    monkeypatch.setattr(overview_selectors, "_overview_numbers", spy)
    return calls


@pytest.fixture
def two_cohorts(county, ladder):
    today = timezone.localdate()
    cohorts = []
    for name in ("一班", "二班"):
        cohort = CohortFactory(
            name=name,
            region=county,
            start_date=today - datetime.timedelta(days=14),
            target_date=today + datetime.timedelta(days=28),
        )
        for i in range(2):
            person = UserFactory(display_name=f"{name}{i}", home_region=county)
            CohortMembership.objects.create(cohort=cohort, learner=person)
        cohorts.append(cohort)
    return cohorts


def overview(cohorts, today=None):
    rows = selectors.readiness_overview(cohorts, today=today or timezone.localdate(), weeks=8)
    return {row.cohort.name: row for row in rows}


def held(row, level):
    return {label: count for label, count, _percent in row.funnel}[level.name]


def test_a_second_look_is_served_from_the_cache_without_counting(two_cohorts, recounted):
    first = overview(two_cohorts)
    with CaptureQueriesContext(connection) as captured:
        again = overview(two_cohorts)
    assert recounted == [{"一班", "二班"}]
    assert [r.active for r in again.values()] == [r.active for r in first.values()] == [2, 2]
    # Only the ladder and the level names: no membership, certificate or progress table.
    tables = " ".join(q["sql"] for q in captured.captured_queries)
    for table in ("membership", 'certificates_certificate"', "completion", "quizattempt"):
        assert table not in tables


def test_progress_of_one_learner_recounts_her_cohort_only(
    two_cohorts, ladder, recounted, django_capture_on_commit_callbacks
):
    overview(two_cohorts)
    learner = CohortMembership.objects.filter(cohort=two_cohorts[0]).first().learner
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(learner, ladder.course)  # lesson completions report progress
    overview(two_cohorts)
    assert recounted == [{"一班", "二班"}, {"一班"}]


def test_a_certificate_issued_and_revoked_shows_at_once(
    two_cohorts, ladder, county, django_capture_on_commit_callbacks
):
    assert held(overview(two_cohorts)["一班"], ladder.primary) == 0
    learner = CohortMembership.objects.filter(cohort=two_cohorts[0]).first().learner
    with django_capture_on_commit_callbacks(execute=True):
        certificate, _created = certificate_issue(learner=learner, level=ladder.primary)
    row = overview(two_cohorts)["一班"]
    assert held(row, ladder.primary) == 1 and row.ready == 1 and row.recent == 1
    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(certificate=certificate, actor=staff_user(county), reason="资料有误")
    row = overview(two_cohorts)["一班"]
    # Revoked: not held, not ready, and not part of the pace either.
    assert (held(row, ladder.primary), row.ready, row.recent) == (0, 0, 0)


def test_a_learner_leaving_or_joining_changes_the_active_count(
    two_cohorts, county, django_capture_on_commit_callbacks
):
    assert overview(two_cohorts)["一班"].active == 2
    membership = CohortMembership.objects.filter(cohort=two_cohorts[0]).first()
    with django_capture_on_commit_callbacks(execute=True):
        membership.status = MembershipStatus.WITHDRAWN
        membership.save()
    assert overview(two_cohorts)["一班"].active == 1
    # A bulk import creates memberships without model signals and says so by its own signal.
    newcomers = [UserFactory(home_region=county) for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        CohortMembership.objects.bulk_create(
            [CohortMembership(cohort=two_cohorts[1], learner=p) for p in newcomers]
        )
        cohorts_changed([two_cohorts[1].pk])
    assert overview(two_cohorts)["二班"].active == 5


def test_nothing_is_recounted_before_the_commit(two_cohorts, ladder, recounted):
    """A change still inside its transaction (it may roll back) leaves the numbers alone."""
    overview(two_cohorts)
    learner = CohortMembership.objects.filter(cohort=two_cohorts[0]).first().learner
    certificate_issue(learner=learner, level=ladder.primary)  # never committed in this test
    overview(two_cohorts)
    assert recounted == [{"一班", "二班"}]


def test_a_new_day_and_an_edited_cohort_are_counted_afresh(two_cohorts, recounted):
    overview(two_cohorts)
    overview(two_cohorts, today=timezone.localdate() + datetime.timedelta(days=1))
    assert recounted[-1] == {"一班", "二班"}
    cohort = two_cohorts[1]
    cohort.target_date += datetime.timedelta(days=30)
    cohort.save()
    rows = overview(two_cohorts)
    assert recounted[-1] == {"二班"}
    assert rows["二班"].days_left == 58


def test_the_overview_page_shows_new_progress_on_the_next_visit(
    client, two_cohorts, ladder, county, django_capture_on_commit_callbacks
):
    client.force_login(staff_user(county))
    url = reverse("dashboards:index")
    assert "0% (0/2)" in client.get(url).content.decode()
    learner = CohortMembership.objects.filter(cohort=two_cohorts[0]).first().learner
    with django_capture_on_commit_callbacks(execute=True):
        certificate_issue(learner=learner, level=ladder.primary)
    assert "50% (1/2)" in client.get(url).content.decode()


def test_the_nightly_warm_up_counts_the_day_ahead_of_the_first_visitor(two_cohorts, recounted):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert selectors.overview_warm(today=tomorrow) == 2
    overview(two_cohorts, today=tomorrow)
    assert recounted == [{"一班", "二班"}]  # the visitor found both counted


def test_the_warm_up_is_on_the_nightly_schedule_after_certificate_expiry(settings, two_cohorts):
    from lms.dashboards.tasks import overview_warm_task

    warm = settings.CELERY_BEAT_SCHEDULE["nightly-overview-warm-up"]
    expiry = settings.CELERY_BEAT_SCHEDULE["nightly-certificate-expiry"]
    assert warm["task"] == overview_warm_task.name

    def at(entry):
        return min(entry["schedule"].hour), min(entry["schedule"].minute)

    assert at(warm) > at(expiry)
    assert overview_warm_task.delay().get() == 2


# --- Writers that take a requirement away from a learner who was ready -----------------------
# The primary level here needs staff approval, so a signed-off learner is ready without a
# certificate, and each of these makes her not ready again.


@pytest.fixture
def approval_ladder(site_pages):
    _home, index = site_pages
    return make_ladder(index, primary_issuance=Issuance.APPROVAL)


@pytest.fixture
def signed_off(county, approval_ladder, django_capture_on_commit_callbacks):
    """(cohort, learner, her mentor, the session she attended), she being ready."""
    today = timezone.localdate()
    cohort = CohortFactory(
        name="三班",
        region=county,
        start_date=today - datetime.timedelta(days=14),
        target_date=today + datetime.timedelta(days=28),
    )
    learner = UserFactory(display_name="就绪妈妈", home_region=county)
    CohortMembership.objects.create(cohort=cohort, learner=learner)
    mentor = make_mentor(county)
    with django_capture_on_commit_callbacks(execute=True):
        mentor_assign(learner=learner, mentor=mentor)
        complete_course(learner, approval_ladder.course)
        take_quiz(learner, approval_ladder.quiz)
        pass_task(learner, approval_ladder.task, mentor)
        session = held_session(county)
        SessionBooking.objects.create(session=session, learner=learner)
        attend(learner, session)
        log_contact(mentor, learner)
        sign_off_create(learner=learner, level=approval_ladder.primary, mentor=mentor, comment="好")
    assert overview([cohort])["三班"].ready == 1
    return cohort, learner, mentor, session


def cancel_session(county, ladder, learner, mentor, session):
    session_save(session=session, actor=staff_user(county), is_cancelled=True)


def mark_absent(county, ladder, learner, mentor, session):
    attendance_mark(session=session, actor=staff_user(county), present_learner_ids=[])


def decline(county, ladder, learner, mentor, session):
    approval, _created = approval_request_open(learner=learner, level=ladder.primary)
    approval_decide(approval=approval, actor=staff_user(county), approve=False, note="再练练")


def ask_for_more_contacts(county, ladder, learner, mentor, session):
    requirement = LevelRequirement.objects.get(level=ladder.primary, kind="contacts")
    requirement.count = 3
    requirement.save()


@pytest.mark.parametrize(
    "change",
    [cancel_session, mark_absent, decline, ask_for_more_contacts],
    ids=lambda f: f.__name__,
)
def test_what_takes_a_requirement_away_shows_at_once(
    signed_off, county, approval_ladder, change, django_capture_on_commit_callbacks
):
    cohort, learner, mentor, session = signed_off
    with django_capture_on_commit_callbacks(execute=True):
        change(county, approval_ladder, learner, mentor, session)
    row = overview([cohort])["三班"]
    uncached = selectors.readiness_overview(
        [cohort], today=timezone.localdate(), weeks=8, cached=False
    )
    assert row.ready == uncached[0].ready == 0


def test_an_import_shows_its_new_learners_at_once(
    county, ladder, django_capture_on_commit_callbacks
):
    village = make_region("小坝村", RegionKind.VILLAGE, county)
    cohort = CohortFactory(name="四班", region=county)
    staff = staff_user(county)
    assert overview([cohort])["四班"].active == 0
    data = (
        "姓名,手机号,村,班级\n"
        f"王小梅,13800000001,{village.name},四班\n"
        f"李春燕,13800000002,{village.name},四班\n"
    ).encode()
    batch = import_preview(actor=staff, file_name="a.csv", data=data)
    with django_capture_on_commit_callbacks(execute=True):
        import_start(batch=batch, actor=staff)
    assert overview([cohort])["四班"].active == 2


def test_cancelling_a_session_recounts_the_cohorts_of_its_co_facilitators(
    two_cohorts, county, recounted, django_capture_on_commit_callbacks
):
    """A trainer candidate's observed co-facilitation counts only if the session took place."""
    candidate = CohortMembership.objects.filter(cohort=two_cohorts[1]).first().learner
    session = held_session(county)
    session.co_facilitators.add(candidate)
    overview(two_cohorts)
    with django_capture_on_commit_callbacks(execute=True):
        session_save(session=session, actor=staff_user(county), is_cancelled=True)
    overview(two_cohorts)
    assert recounted == [{"一班", "二班"}, {"二班"}]
