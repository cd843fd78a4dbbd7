"""Cases found in review: each is something a person would hit."""

import datetime
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.selectors import learner_progress, progress_summaries
from courses.services import enrolment_create, lesson_complete
from lms.engagement.selectors import caseload
from lms.mentoring.models import CoachingContact
from lms.mentoring.selectors import my_mentor
from lms.mentoring.services import mentor_assign, mentor_profile_save
from lms.programme.models import CohortMembership
from lms.programme.services import auto_assign_apply, auto_assign_plan
from tests.factories import (
    CohortFactory,
    UserFactory,
    backdate_assignment,
    lessons_of,
    log_contact,
    make_course,
    make_mentor,
    staff_user,
)

pytestmark = pytest.mark.django_db


def test_a_reassigned_learner_still_opens_her_progress_pbackdate_assignment(client, regions):
    learner = UserFactory(home_region=regions["v1"])
    mentor_assign(learner=learner, mentor=make_mentor(regions["v1"]))
    mentor_assign(learner=learner, mentor=make_mentor(regions["v1"]), replace_current=True)
    client.force_login(learner)
    assert client.get(reverse("learn:learner_detail", args=[learner.pk])).status_code == 200
    client.force_login(staff_user(regions["county"]))
    assert client.get(reverse("learn:learner_detail", args=[learner.pk])).status_code == 200


def test_site_history_is_for_superusers_only(client, admin_user, regions):
    client.force_login(staff_user(regions["county"]))
    for url in ("/admin/reports/site-history/", "/admin/reports/site-history/results/"):
        refused = client.get(url)  # Wagtail turns "permission denied" into a trip home
        assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    client.force_login(admin_user)
    assert client.get("/admin/reports/site-history/").status_code == 200


def test_editing_a_mentor_keeps_the_regions_other_staff_gave_her(regions):
    mentor = make_mentor(regions["v1"], serves=[regions["county"], regions["other_county"]])
    staff = staff_user(regions["county"])
    mentor_profile_save(
        user=mentor,
        actor=staff,
        regions=[regions["county"]],
        is_eligible=True,
        is_active=True,
        capacity=12,
        shares_phone=True,
    )
    assert set(mentor.mentor_profile.regions.all()) == {regions["county"], regions["other_county"]}


def test_a_mentor_with_mentees_cannot_be_made_ineligible(regions):
    mentor = make_mentor(regions["v1"])
    mentor_assign(learner=UserFactory(), mentor=mentor)
    with pytest.raises(ValidationError):
        mentor_profile_save(user=mentor, is_eligible=False)
    mentor.mentor_profile.refresh_from_db()
    assert mentor.mentor_profile.is_eligible


def test_staff_who_is_herself_a_mentee_never_reads_notes_about_herself(client, regions):
    staff = staff_user(regions["county"], home_region=regions["v1"])
    mentor = make_mentor(regions["v1"])
    mentor_assign(learner=staff, mentor=mentor)
    note = log_contact(mentor, staff, note="关于她本人的备注")
    client.force_login(staff)
    assert client.get(f"/admin/coaching_contacts/inspect/{note.pk}/").status_code == 404
    export = client.get("/admin/coaching_contacts/?export=csv")
    assert "关于她本人的备注" not in b"".join(export.streaming_content).decode()


def test_coaching_contacts_are_read_only_in_the_admin(client, admin_user):
    client.force_login(admin_user)
    refused = client.get("/admin/coaching_contacts/new/")
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert (
        "/admin/coaching_contacts/new/"
        not in client.get("/admin/coaching_contacts/").content.decode()
    )


def test_auto_assign_leaves_out_members_outside_the_staff_members_regions(regions):
    make_mentor(regions["v1"], serves=[regions["province"], regions["other_province"]])
    cohort = CohortFactory(region=regions["county"])
    inside = UserFactory(home_region=regions["v1"])
    outside = UserFactory(home_region=regions["other_county"])
    for learner in (inside, outside):
        CohortMembership.objects.create(cohort=cohort, learner=learner)
    staff = staff_user(regions["county"])
    plan = auto_assign_plan(cohort=cohort, actor=staff)
    assert [p.learner for p in plan.placements] == [inside]
    assert [u.learner for u in plan.unplaced] == [outside]
    assert auto_assign_apply(cohort=cohort, token=plan.token(), actor=staff) == 1


def test_a_new_mentor_sees_what_her_mentee_was_left_waiting_for(regions):
    """Engagement is about the learner, whoever mentors her: the visit the old mentor planned
    and nobody made is due, and nobody has been in touch for 40 days (she joined the day
    before that contact, and has not studied since: inactive too)."""
    learner = UserFactory(home_region=regions["v1"])
    old_mentor, new_mentor = make_mentor(regions["v1"]), make_mentor(regions["v1"])
    backdate_assignment(mentor_assign(learner=learner, mentor=old_mentor), 60)
    log_contact(old_mentor, learner, days_ago=40, follow_up_in=5)
    mentor_assign(learner=learner, mentor=new_mentor, replace_current=True)
    [row] = caseload(new_mentor)
    assert row.flags == ["inactive", "no_contact", "follow_up"]
    log_contact(new_mentor, learner, days_ago=0)
    [row] = caseload(new_mentor)
    assert row.flags == ["inactive"]


def test_a_quick_call_does_not_cancel_a_planned_follow_up(regions):
    learner = UserFactory(home_region=regions["v1"])
    mentor = make_mentor(regions["v1"])
    mentor_assign(learner=learner, mentor=mentor)
    log_contact(mentor, learner, days_ago=10, follow_up_in=7)  # visit: come back in a week
    log_contact(mentor, learner, days_ago=5)  # a quick call before that, no follow-up set
    [row] = caseload(mentor)
    assert "follow_up" in row.flags
    log_contact(mentor, learner, days_ago=0)  # she went back: done
    [row] = caseload(mentor)
    assert "follow_up" not in row.flags


def test_the_learner_card_shows_only_a_follow_up_still_ahead(regions):
    learner = UserFactory(home_region=regions["v1"])
    mentor = make_mentor(regions["v1"])
    mentor_assign(learner=learner, mentor=mentor)
    log_contact(mentor, learner, days_ago=10, follow_up_in=3)
    assert my_mentor(learner).next_follow_up is None
    log_contact(mentor, learner, days_ago=1, follow_up_in=6)
    assert my_mentor(learner).next_follow_up == timezone.localdate() + datetime.timedelta(days=5)


def test_the_mentee_page_costs_the_same_queries_for_2_or_12_contacts(client, regions):
    learner = UserFactory(home_region=regions["v1"])
    previous, mentor = make_mentor(regions["v1"]), make_mentor(regions["v1"])
    mentor_assign(learner=learner, mentor=previous)

    def contacts_by_previous_mentor(n):
        CoachingContact.objects.bulk_create(
            CoachingContact(
                mentor=previous,
                learner=learner,
                contact_date=timezone.localdate(),
                mode="message",
                minutes=5,
                summary="短信",
                private_note="备注",
                client_token=uuid.uuid4(),
            )
            for _ in range(n)
        )

    contacts_by_previous_mentor(1)
    mentor_assign(learner=learner, mentor=mentor, replace_current=True)
    log_contact(mentor, learner, note="我的备注")
    client.force_login(mentor)
    url = reverse("mentoring:mentee", args=[learner.pk])

    def queries():
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        return len(ctx), len(response.context["contacts"])

    two = queries()
    contacts_by_previous_mentor(10)
    twelve = queries()
    assert (two[1], twelve[1]) == (2, 12)
    assert two[0] == twelve[0]


def test_choosing_a_learner_as_her_own_mentor_says_so_plainly(client, regions):
    mentor = make_mentor(regions["v1"])
    client.force_login(staff_user(regions["county"]))
    response = client.post(
        "/admin/mentor_assignments/new/", {"learner": mentor.pk, "mentor": mentor.pk}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "带教老师不能当自己的学员" in body
    assert "mentor_is_not_her_own_mentee" not in body


def test_mentor_list_progress_agrees_with_her_own_progress(regions, site_pages):
    _home, index = site_pages
    enrolled, other = (
        make_course(index, modules=1, lessons=2),
        make_course(index, modules=1, lessons=2),
    )
    learner = UserFactory(home_region=regions["v1"])
    enrolment_create(learner=learner, course=enrolled)
    lesson_complete(learner=learner, lesson=lessons_of(enrolled)[0])
    lesson_complete(learner=learner, lesson=lessons_of(other)[0])  # enrols her in it too
    from courses.models import Enrolment

    Enrolment.objects.filter(learner=learner, course=other).delete()
    summary = progress_summaries([learner.pk])[learner.pk]
    [progress] = learner_progress(learner)
    assert (summary.done, summary.total) == (progress.done, progress.total) == (1, 2)


def test_the_next_visit_follows_the_latest_contact(regions):
    learner = UserFactory(home_region=regions["v1"])
    mentor = make_mentor(regions["v1"])
    mentor_assign(learner=learner, mentor=mentor)
    today = timezone.localdate()
    log_contact(mentor, learner, days_ago=6, follow_up_in=10)  # a visit: back in 10 days
    assert my_mentor(learner).next_follow_up == today + datetime.timedelta(days=4)
    log_contact(mentor, learner, days_ago=2, follow_up_in=12)  # a new plan moves it later
    assert my_mentor(learner).next_follow_up == today + datetime.timedelta(days=10)
    log_contact(mentor, learner, days_ago=1, follow_up_in=3)  # ... or earlier
    assert my_mentor(learner).next_follow_up == today + datetime.timedelta(days=2)
    [row] = caseload(mentor)
    assert "follow_up" not in row.flags
    log_contact(mentor, learner, days_ago=0)  # a call that sets no date keeps the plan
    assert my_mentor(learner).next_follow_up == today + datetime.timedelta(days=2)
