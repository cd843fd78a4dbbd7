import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from courses.models import Enrolment
from lms.accounts.models import RegionKind
from lms.programme.models import Cohort, CohortMembership, MembershipStatus
from lms.programme.services import cohort_enrol_members, membership_add, membership_set_status
from tests.factories import CohortFactory, UserFactory, make_course, make_region, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions():
    gz = make_region("贵州省")
    qxg = make_region("七星关区", RegionKind.COUNTY, gz)
    lixin = make_region("利辛县", RegionKind.COUNTY, make_region("安徽省"))
    return {"gz": gz, "qxg": qxg, "lixin": lixin}


@pytest.fixture
def primary_courses(site_pages):
    _home, index = site_pages
    return [make_course(index, level="primary", modules=1, lessons=1) for _ in range(2)] + [
        make_course(index, level="advanced", modules=1, lessons=1)
    ]


def test_joining_a_cohort_enrols_her_in_the_levels_courses_after_commit(
    regions, primary_courses, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(region=regions["qxg"], level="primary")
    mother = UserFactory(home_region=regions["qxg"])
    with django_capture_on_commit_callbacks(execute=True):
        membership_add(cohort=cohort, learner=mother)
    enrolled = set(Enrolment.objects.filter(learner=mother).values_list("course_id", flat=True))
    assert enrolled == {primary_courses[0].pk, primary_courses[1].pk}
    assert set(Enrolment.objects.values_list("source", flat=True)) == {"cohort"}


def test_enrolling_a_cohort_twice_creates_nothing_the_second_time(regions, primary_courses):
    cohort = CohortFactory(region=regions["qxg"], level="primary")
    for _ in range(3):
        CohortMembership.objects.create(cohort=cohort, learner=UserFactory())
    assert cohort_enrol_members(cohort=cohort) == 6
    assert cohort_enrol_members(cohort=cohort) == 0
    assert Enrolment.objects.count() == 6


def test_enrolling_a_cohort_costs_the_same_queries_for_3_or_30_members(
    regions, primary_courses, django_assert_max_num_queries
):
    small = CohortFactory(region=regions["qxg"])
    big = CohortFactory(region=regions["qxg"])
    for _ in range(3):
        CohortMembership.objects.create(cohort=small, learner=UserFactory())
    for _ in range(30):
        CohortMembership.objects.create(cohort=big, learner=UserFactory())
    with django_assert_max_num_queries(6):
        cohort_enrol_members(cohort=small)
    with django_assert_max_num_queries(6):
        cohort_enrol_members(cohort=big)


def test_paused_members_are_not_enrolled(regions, primary_courses):
    cohort = CohortFactory(region=regions["qxg"])
    paused = CohortMembership.objects.create(
        cohort=cohort, learner=UserFactory(), status=MembershipStatus.PAUSED
    )
    cohort_enrol_members(cohort=cohort)
    assert not Enrolment.objects.filter(learner=paused.learner).exists()


def test_a_learner_cannot_join_the_same_cohort_twice(regions):
    cohort = CohortFactory(region=regions["qxg"])
    mother = UserFactory()
    membership_add(cohort=cohort, learner=mother)
    with pytest.raises(ValidationError):
        membership_add(cohort=cohort, learner=mother)
    assert CohortMembership.objects.count() == 1


def test_staff_cannot_add_to_a_cohort_outside_their_regions(regions):
    staff = staff_user(regions["qxg"])
    cohort = CohortFactory(region=regions["lixin"])
    with pytest.raises(PermissionDenied):
        membership_add(
            cohort=cohort, learner=UserFactory(home_region=regions["lixin"]), actor=staff
        )
    assert CohortMembership.objects.count() == 0


def test_status_changes_are_recorded(regions):
    cohort = CohortFactory(region=regions["qxg"])
    membership = membership_add(cohort=cohort, learner=UserFactory())
    before = membership.status_changed_at
    membership_set_status(membership=membership, status=MembershipStatus.WITHDRAWN)
    membership.refresh_from_db()
    assert membership.status == "withdrawn"
    assert membership.status_changed_at > before


def test_the_database_refuses_a_target_date_before_the_start(regions):
    import datetime

    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        CohortFactory(
            region=regions["qxg"],
            start_date=datetime.date(2027, 1, 1),
            target_date=datetime.date(2026, 1, 1),
        )


# Wagtail admin --------------------------------------------------------------------------


def test_staff_see_and_export_only_their_regions_cohorts(client, regions):
    staff = staff_user(regions["gz"])
    mine = CohortFactory(name="七星关初级班", region=regions["qxg"])
    CohortMembership.objects.create(cohort=mine, learner=UserFactory())
    CohortFactory(name="利辛初级班", region=regions["lixin"])
    client.force_login(staff)
    body = client.get("/admin/cohorts/").content.decode()
    assert "七星关初级班" in body and "利辛初级班" not in body
    assert "利辛县" not in body  # not even among the filter's choices
    members = client.get("/admin/memberships/").content.decode()
    assert "利辛初级班" not in members
    export = client.get("/admin/cohorts/?export=csv")
    assert export.status_code == 200
    csv = b"".join(export.streaming_content).decode()
    assert "七星关初级班" in csv and "利辛初级班" not in csv


def test_staff_opening_another_regions_cohort_get_404(client, regions):
    staff = staff_user(regions["qxg"])
    other = CohortFactory(region=regions["lixin"])
    client.force_login(staff)
    assert client.get(f"/admin/cohorts/edit/{other.pk}/").status_code == 404
    assert client.post(f"/admin/cohorts/delete/{other.pk}/").status_code == 404
    assert Cohort.objects.filter(pk=other.pk).exists()


def test_staff_create_a_cohort_only_in_their_regions(client, regions):
    staff = staff_user(regions["qxg"])
    client.force_login(staff)
    data = {
        "name": "新班",
        "level": "primary",
        "start_date": "2026-09-01",
        "target_date": "2027-06-30",
        "responsible_staff": staff.pk,
    }
    refused = client.post("/admin/cohorts/new/", {**data, "region": regions["lixin"].pk})
    assert refused.status_code == 200
    assert not Cohort.objects.exists()
    accepted = client.post("/admin/cohorts/new/", {**data, "region": regions["qxg"].pk})
    assert accepted.status_code == 302
    assert Cohort.objects.get().region == regions["qxg"]


def test_a_cohort_with_dates_the_wrong_way_round_gets_a_message(client, regions):
    staff = staff_user(regions["qxg"])
    client.force_login(staff)
    response = client.post(
        "/admin/cohorts/new/",
        {
            "name": "新班",
            "level": "primary",
            "region": regions["qxg"].pk,
            "start_date": "2027-09-01",
            "target_date": "2026-06-30",
        },
    )
    assert response.status_code == 200
    assert "目标完成日期不能早于开始日期" in response.content.decode()
    assert not Cohort.objects.exists()


def test_staff_add_a_member_through_the_admin_and_she_is_enrolled(
    client, regions, primary_courses, django_capture_on_commit_callbacks
):
    staff = staff_user(regions["qxg"])
    cohort = CohortFactory(region=regions["qxg"])
    mother = UserFactory(home_region=regions["qxg"])
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/memberships/new/",
            {"cohort": cohort.pk, "learner": mother.pk, "status": "active"},
        )
    assert response.status_code == 302
    assert Enrolment.objects.filter(learner=mother).count() == 2


def test_staff_cannot_add_a_learner_from_another_region(client, regions):
    staff = staff_user(regions["qxg"])
    cohort = CohortFactory(region=regions["qxg"])
    stranger = UserFactory(home_region=regions["lixin"])
    client.force_login(staff)
    response = client.post(
        "/admin/memberships/new/",
        {"cohort": cohort.pk, "learner": stranger.pk, "status": "active"},
    )
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()  # not among her choices
    assert not CohortMembership.objects.exists()


def test_adding_the_same_member_twice_in_the_admin_says_so(client, regions):
    staff = staff_user(regions["qxg"])
    cohort = CohortFactory(region=regions["qxg"])
    mother = UserFactory(home_region=regions["qxg"])
    membership_add(cohort=cohort, learner=mother)
    client.force_login(staff)
    response = client.post(
        "/admin/memberships/new/", {"cohort": cohort.pk, "learner": mother.pk, "status": "active"}
    )
    assert response.status_code == 200
    assert "这位学员已经在这个班级里了" in response.content.decode()
    assert CohortMembership.objects.count() == 1


def test_a_learner_cannot_open_the_admin(client, regions):
    client.force_login(UserFactory())
    response = client.get("/admin/cohorts/")
    assert response.status_code in (302, 403)
