import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lms.mentoring.models import MentorAssignment
from lms.mentoring.services import mentor_assign
from lms.programme.models import CohortMembership, MembershipStatus
from lms.programme.services import auto_assign_apply, auto_assign_plan
from tests.factories import CohortFactory, UserFactory, make_mentor, staff_user

pytestmark = pytest.mark.django_db


def cohort_of(regions, *homes):
    cohort = CohortFactory(region=regions["county"])
    learners = []
    for home in homes:
        learner = UserFactory(home_region=home)
        CohortMembership.objects.create(cohort=cohort, learner=learner)
        learners.append(learner)
    return cohort, learners


def placed(plan):
    return {p.learner: p.mentor for p in plan.placements}


def test_the_nearest_mentor_is_preferred_village_then_township_then_county(regions):
    same_village = make_mentor(regions["v1"], serves=[regions["county"]])
    same_township = make_mentor(regions["v2"], serves=[regions["county"]])
    other_township = make_mentor(regions["v3"], serves=[regions["county"]])
    cohort, (in_v1, in_v2, in_v3) = cohort_of(regions, regions["v1"], regions["v2"], regions["v3"])
    plan = auto_assign_plan(cohort=cohort)
    assert placed(plan) == {in_v1: same_village, in_v2: same_township, in_v3: other_township}
    assert {p.proximity for p in plan.placements} == {4}


def test_a_township_mentor_is_chosen_over_a_county_one_when_no_village_mentor(regions):
    township_mentor = make_mentor(regions["v2"], serves=[regions["county"]])
    make_mentor(regions["v3"], serves=[regions["county"]])
    cohort, (learner,) = cohort_of(regions, regions["v1"])
    plan = auto_assign_plan(cohort=cohort)
    assert placed(plan) == {learner: township_mentor}
    assert str(plan.placements[0].proximity_label) in ("same township", "同一个乡镇")


def test_never_over_capacity_and_the_rest_are_explained(regions):
    mentor = make_mentor(regions["v1"], capacity=3, serves=[regions["county"]])
    mentor_assign(learner=UserFactory(), mentor=mentor)  # one place already taken
    cohort, learners = cohort_of(regions, *[regions["v1"]] * 4)
    plan = auto_assign_plan(cohort=cohort)
    assert len(plan.placements) == 2
    assert len(plan.unplaced) == 2
    assert all("full" in u.reason or "满" in u.reason for u in plan.unplaced)


def test_load_is_spread_evenly_between_equally_near_mentors(regions):
    a = make_mentor(regions["v1"], capacity=10, serves=[regions["county"]])
    b = make_mentor(regions["v1"], capacity=10, serves=[regions["county"]])
    mentor_assign(learner=UserFactory(), mentor=a)
    mentor_assign(learner=UserFactory(), mentor=a)
    cohort, _learners = cohort_of(regions, *[regions["v1"]] * 6)
    plan = auto_assign_plan(cohort=cohort)
    loads = dict(plan.mentor_loads)
    assert loads[b] == 4 and loads[a] == 2  # both end with 4 mentees


def test_learners_outside_every_mentors_area_or_without_region_are_explained(regions):
    make_mentor(regions["v1"], serves=[regions["t1"]])
    cohort, (far, nowhere) = cohort_of(regions, regions["other_county"], None)
    plan = auto_assign_plan(cohort=cohort)
    reasons = {u.learner: u.reason for u in plan.unplaced}
    assert set(reasons) == {far, nowhere}
    assert not plan.placements


def test_learners_who_have_a_mentor_or_left_the_cohort_are_not_planned(regions):
    mentor = make_mentor(regions["v1"], serves=[regions["county"]])
    cohort, (has_one, withdrawn, waiting) = cohort_of(regions, *[regions["v1"]] * 3)
    mentor_assign(learner=has_one, mentor=mentor)
    CohortMembership.objects.filter(learner=withdrawn).update(status=MembershipStatus.WITHDRAWN)
    assert list(placed(auto_assign_plan(cohort=cohort))) == [waiting]


def test_applying_is_all_or_nothing_and_twice_changes_nothing(regions):
    make_mentor(regions["v1"], serves=[regions["county"]])
    cohort, learners = cohort_of(regions, *[regions["v1"]] * 3)
    token = auto_assign_plan(cohort=cohort).token()
    assert auto_assign_apply(cohort=cohort, token=token) == 3
    assert auto_assign_apply(cohort=cohort, token=token) == 0
    assert MentorAssignment.objects.filter(ended_at__isnull=True).count() == 3


def test_a_plan_that_no_longer_fits_assigns_nobody(regions):
    mentor = make_mentor(regions["v1"], capacity=2, serves=[regions["county"]])
    cohort, learners = cohort_of(regions, *[regions["v1"]] * 2)
    token = auto_assign_plan(cohort=cohort).token()
    mentor_assign(learner=UserFactory(), mentor=mentor)  # someone took a place meanwhile
    with pytest.raises(ValidationError, match="nothing was assigned|没有分配"):
        auto_assign_apply(cohort=cohort, token=token)
    assert MentorAssignment.objects.filter(learner__in=learners).count() == 0


def test_a_tampered_plan_is_refused(regions):
    cohort, _ = cohort_of(regions, regions["v1"])
    with pytest.raises(ValidationError):
        auto_assign_apply(cohort=cohort, token="[[1, 2]]:forged")


def test_planning_costs_the_same_queries_for_5_or_50_learners(regions):
    for _ in range(5):
        make_mentor(regions["v1"], capacity=20, serves=[regions["county"]])
    small, _ = cohort_of(regions, *[regions["v1"]] * 5)
    big, _ = cohort_of(regions, *[regions["v2"]] * 50)
    with CaptureQueriesContext(connection) as few:
        auto_assign_plan(cohort=small)
    with CaptureQueriesContext(connection) as many:
        auto_assign_plan(cohort=big)
    assert len(few) == len(many)


# Admin ------------------------------------------------------------------------------------


def test_staff_preview_then_apply_in_the_admin(client, regions, django_capture_on_commit_callbacks):
    mentor = make_mentor(regions["v1"], serves=[regions["county"]], display_name="张丽华")
    cohort, learners = cohort_of(regions, *[regions["v1"]] * 2)
    client.force_login(staff_user(regions["county"]))
    preview = client.get(f"/admin/auto-assign/{cohort.pk}/")
    assert preview.status_code == 200
    assert "张丽华" in preview.content.decode()
    assert not MentorAssignment.objects.exists()  # preview changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/auto-assign/{cohort.pk}/", {"plan": preview.context["token"]}, follow=True
        )
    assert response.status_code == 200
    assert MentorAssignment.objects.filter(mentor=mentor).count() == 2


def test_staff_cannot_auto_assign_another_regions_cohort(client, regions):
    other = CohortFactory(region=regions["other_county"])
    client.force_login(staff_user(regions["county"]))
    assert client.get(f"/admin/auto-assign/{other.pk}/").status_code == 404


def test_a_mentor_cannot_open_auto_assign(client, regions):
    client.force_login(make_mentor(regions["v1"]))
    assert client.get("/admin/auto-assign/").status_code in (302, 403)
