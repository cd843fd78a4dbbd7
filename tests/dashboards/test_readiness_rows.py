"""The overview reads who is ready from rows kept per member (lms/dashboards/readiness_rows.py).
After every kind of change the kept rows give the same numbers as counting everything afresh,
and the rows are counted again by the change itself: the overview needs to ask the readiness
engine about nobody, except after a ladder change or on a new day, when it does not trust the
rows until the nightly count."""

import datetime

import pytest
from django.utils import timezone

from certificates.models import Certificate, LevelRequirement
from certificates.readiness import ladder as current_ladder
from certificates.services import (
    approval_decide,
    approval_request_open,
    certificate_issue,
    certificate_revoke,
    sign_off_create,
)
from lms.dashboards.models import LearnerReadiness
from lms.dashboards.readiness_rows import (
    _store,
    ladder_version,
    readiness_rows_refresh_all,
)
from lms.dashboards.selectors import overview as overview_selectors
from lms.mentoring.services import mentor_assign
from lms.programme.models import CohortMembership, MembershipStatus
from tests.factories import (
    CohortFactory,
    UserFactory,
    complete_course,
    make_mentor,
    make_region,
    meet_primary_except_sign_off,
    staff_user,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def asked(monkeypatch):
    """The learners the overview asked the readiness engine about (not read from rows)."""
    calls = []
    original = overview_selectors.held_or_ready_bulk

    def spy(learner_ids, level, **kwargs):
        ids = list(learner_ids)
        calls.extend(ids)
        return original(ids, level, **kwargs)

    monkeypatch.setattr(overview_selectors, "held_or_ready_bulk", spy)
    return calls


def numbers(cohorts, today, *, stored):
    return overview_selectors._overview_numbers(
        cohorts, current_ladder(), today=today, weeks=8, stored=stored
    )


def compare(cohorts, asked, today=None):
    """The kept rows' numbers equal a fresh count; returns whom the overview had to ask."""
    today = today or timezone.localdate()
    asked.clear()
    kept = numbers(cohorts, today, stored=True)
    who = set(asked)
    assert kept == numbers(cohorts, today, stored=False)
    return who, {pk: n["ready"] for pk, n in kept.items()}


def test_kept_readiness_agrees_with_a_fresh_count_after_every_kind_of_change(
    ladder, asked, django_capture_on_commit_callbacks
):
    county = make_region("七星关区", name_en="Qixingguan")
    staff = staff_user(county)
    today = timezone.localdate()
    dates = {"start_date": today - datetime.timedelta(days=30)}
    primary = CohortFactory(name="初级班", region=county, level="primary", **dates)
    intermediate = CohortFactory(name="中级班", region=county, level="intermediate", **dates)
    cohorts = [primary, intermediate]
    mentor = make_mentor(county)
    a, b, c, d = (UserFactory(display_name=n, home_region=county) for n in "甲乙丙丁")
    with django_capture_on_commit_callbacks(execute=True):
        for person, cohort in ((a, primary), (b, primary), (c, intermediate)):
            CohortMembership.objects.create(cohort=cohort, learner=person)
            mentor_assign(learner=person, mentor=mentor)
        meet_primary_except_sign_off(b, ladder, mentor, county)
        certificate_issue(learner=c, level=ladder.primary)
    assert readiness_rows_refresh_all() == 3
    assert compare(cohorts, asked) == (set(), {primary.pk: 0, intermediate.pk: 0})

    def step(change, *, ready):
        with django_capture_on_commit_callbacks(execute=True):
            change()
        who, counted = compare(cohorts, asked)
        assert who == set(), f"{change.__name__}: the rows were not counted again"
        assert counted == {primary.pk: ready[0], intermediate.pk: ready[1]}, change.__name__

    def sign_off_b():  # the primary level is automatic: her certificate follows
        sign_off_create(learner=b, level=ladder.primary, mentor=mentor, comment="很好")

    def a_learns():
        meet_primary_except_sign_off(a, ladder, mentor, county)
        sign_off_create(learner=a, level=ladder.primary, mentor=mentor, comment="好")

    def revoke_b():
        certificate = Certificate.objects.get(learner=b, level=ladder.primary)
        certificate_revoke(certificate=certificate, actor=staff, reason="资料有误")

    def c_learns():
        complete_course(c, ladder.intermediate_course)

    def decline_c():
        approval, _created = approval_request_open(learner=c, level=ladder.intermediate)
        approval_decide(approval=approval, actor=staff, approve=False, note="再练练")

    def a_leaves_d_joins():
        CohortMembership.objects.filter(learner=a).update(status=MembershipStatus.WITHDRAWN)
        CohortMembership.objects.get(learner=a).save()  # as the admin saves it
        CohortMembership.objects.create(cohort=intermediate, learner=d)

    step(sign_off_b, ready=(1, 0))
    step(a_learns, ready=(2, 0))
    # Revoked: a fresh sign-off is needed before she counts as ready again.
    step(revoke_b, ready=(1, 0))
    step(c_learns, ready=(1, 1))
    # Declined: ready again only with a fresh sign-off.
    step(decline_c, ready=(1, 0))
    step(a_leaves_d_joins, ready=(0, 0))

    # A stricter requirement: the rows counted before it are not used after its commit.
    version = ladder_version()
    with django_capture_on_commit_callbacks(execute=True):
        requirement = LevelRequirement.objects.get(level=ladder.primary, kind="contacts")
        requirement.count = 3
        requirement.save()
    assert ladder_version() > version
    who, _counted = compare(cohorts, asked)
    assert who  # asked afresh, and still equal
    readiness_rows_refresh_all()
    assert compare(cohorts, asked)[0] == set()

    # A new day: yesterday's rows are not used until the nightly count for the day.
    tomorrow = today + datetime.timedelta(days=1)
    assert compare(cohorts, asked, tomorrow)[0]
    readiness_rows_refresh_all(today=tomorrow)
    assert compare(cohorts, asked, tomorrow)[0] == set()


def test_an_older_count_never_overwrites_a_newer_one(ladder):
    learner = UserFactory()
    now = timezone.now()
    today = timezone.localdate()

    def store(ready, counted_at):
        rows = {ladder.primary: ({learner.pk}, {learner.pk} if ready else set())}
        _store(rows, today=today, version=ladder_version(), counted_at=counted_at)

    store(True, now)
    store(False, now - datetime.timedelta(seconds=1))  # began before the newer count
    assert LearnerReadiness.objects.get(learner=learner).ready is True
    store(False, now + datetime.timedelta(seconds=1))
    assert LearnerReadiness.objects.get(learner=learner).ready is False
