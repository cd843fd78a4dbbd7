import datetime
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lms.mentoring.models import CoachingContact, MentorAssignment
from lms.mentoring.services import mentor_assign
from tests.factories import (
    UserFactory,
    log_contact,
    make_mentor,
    staff_user,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today


def rows_by_name(response):
    return {row.learner.display_name: row for row in response.context["rows"]}


@pytest.mark.parametrize(
    "change,message",
    [
        ({"contact_date": "2999-01-01"}, "future|将来"),
        ({"contact_date": "1900-01-01"}, "before she joined|加入平台之前"),
        ({"minutes": "0"}, ""),
        ({"summary": ""}, ""),
        ({"follow_up_on": "2000-01-01"}, "before the contact|早于"),
        ({"mode": "teleport"}, ""),
    ],
    ids=[
        "future date",
        "before she joined",
        "zero minutes",
        "no summary",
        "follow-up before contact",
        "bad mode",
    ],
)
def test_bad_contact_input_shows_a_message_and_records_nothing(
    mentor_client, mentee, change, message
):
    data = {
        "contact_date": timezone.localdate().isoformat(),
        "mode": "phone_call",
        "minutes": "10",
        "summary": "电话",
        "client_token": str(uuid.uuid4()),
        **change,
    }
    response = mentor_client.post(reverse("mentoring:contact_new", args=[mentee.pk]), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "errorlist" in body
    if message:
        import re

        assert re.search(message, body)
    assert not CoachingContact.objects.exists()


# Permissions, from the outside ------------------------------------------------------------


def test_a_learner_cannot_open_a_contact_record(client, mentor, mentee):
    note = log_contact(mentor, mentee, note="只给老师看")
    client.force_login(mentee)
    assert client.get(reverse("mentoring:contact_detail", args=[note.pk])).status_code == 403


def test_a_mentor_cannot_open_or_log_for_someone_elses_mentee(mentor_client, regions):
    stranger = UserFactory(home_region=regions["v1"])
    mentor_assign(learner=stranger, mentor=make_mentor(regions["v1"]))
    assert mentor_client.get(reverse("mentoring:mentee", args=[stranger.pk])).status_code == 404
    response = mentor_client.post(
        reverse("mentoring:contact_new", args=[stranger.pk]),
        {
            "contact_date": timezone.localdate().isoformat(),
            "mode": "message",
            "minutes": "5",
            "summary": "x",
            "client_token": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 404
    assert not CoachingContact.objects.exists()


def test_after_reassignment_the_summaries_go_with_her_and_private_notes_stay(
    client, regions, mentor, mentee
):
    mine = log_contact(mentor, mentee, note="我的私人记录")
    successor = make_mentor(regions["v1"])
    mentor_assign(learner=mentee, mentor=successor, reason="换人", replace_current=True)
    theirs = log_contact(successor, mentee, note="新老师的记录")
    # The former mentor no longer opens her former mentee's records, her own included.
    client.force_login(mentor)
    assert client.get(reverse("mentoring:mentee", args=[mentee.pk])).status_code == 404
    for contact in (mine, theirs):
        url = reverse("mentoring:contact_detail", args=[contact.pk])
        assert client.get(url).status_code == 404
    # The new mentor reads the whole history of her mentee, but not the former mentor's
    # private notes.
    client.force_login(successor)
    body = client.get(reverse("mentoring:mentee", args=[mentee.pk])).content.decode()
    assert mine.summary in body and "新老师的记录" in body
    assert "我的私人记录" not in body
    detail = client.get(reverse("mentoring:contact_detail", args=[mine.pk])).content.decode()
    assert mine.summary in detail and "我的私人记录" not in detail
    # Staff of her region read both.
    client.force_login(staff_user(regions["province"]))
    response = client.get("/admin/coaching_contacts/?export=csv")
    export = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "我的私人记录" in export and "新老师的记录" in export


def test_the_learner_sees_her_mentor_and_next_follow_up_never_the_private_note(
    client, mentor, mentee
):
    follow_up = timezone.localdate() + datetime.timedelta(days=7)
    log_contact(mentor, mentee, follow_up=follow_up, note="只给老师看的话")
    client.force_login(mentee)
    body = client.get(reverse("learn:dashboard")).content.decode()
    assert "张丽华" in body
    assert mentor.phone_display in body
    assert follow_up.isoformat() in body
    assert "只给老师看的话" not in body


def test_her_mentors_phone_is_hidden_when_the_mentor_does_not_share_it(client, mentor, mentee):
    mentor.mentor_profile.shares_phone = False
    mentor.mentor_profile.save()
    client.force_login(mentee)
    body = client.get(reverse("learn:dashboard")).content.decode()
    assert "张丽华" in body and mentor.phone_display not in body


def test_a_mentor_sees_her_mentees_progress_page_but_not_others(mentor_client, regions, mentee):
    other = UserFactory(home_region=regions["v1"])
    assert mentor_client.get(reverse("learn:learner_detail", args=[mentee.pk])).status_code == 200
    assert mentor_client.get(reverse("learn:learner_detail", args=[other.pk])).status_code == 404


def test_staff_of_her_region_read_private_notes_in_the_admin(client, regions, mentor, mentee):
    contact = log_contact(mentor, mentee, note="家里困难")
    client.force_login(staff_user(regions["county"]))
    response = client.get(f"/admin/coaching_contacts/inspect/{contact.pk}/")
    assert response.status_code == 200 and "家里困难" in response.content.decode()
    client.force_login(staff_user(regions["other_county"]))
    assert client.get(f"/admin/coaching_contacts/inspect/{contact.pk}/").status_code == 404
    listing = client.get("/admin/coaching_contacts/").content.decode()
    assert "李秀英" not in listing


# Staff: assignments and load --------------------------------------------------------------


def test_staff_assign_in_the_admin_and_over_capacity_is_refused_with_a_message(client, regions):
    mentor = make_mentor(regions["v1"], capacity=1)
    first, second = UserFactory(home_region=regions["v1"]), UserFactory(home_region=regions["v1"])
    client.force_login(staff_user(regions["county"]))
    ok = client.post(
        "/admin/mentor_assignments/new/",
        {"learner": first.pk, "mentor": mentor.pk, "start_reason": "开班"},
    )
    assert ok.status_code == 302
    refused = client.post(
        "/admin/mentor_assignments/new/",
        {"learner": second.pk, "mentor": mentor.pk, "start_reason": "开班"},
    )
    assert refused.status_code == 200
    assert "上限" in refused.content.decode()
    assert MentorAssignment.objects.count() == 1


def test_staff_end_an_assignment_with_a_reason(client, regions, mentor, mentee):
    assignment = MentorAssignment.objects.get(learner=mentee)
    client.force_login(staff_user(regions["county"]))
    url = f"/admin/mentor_assignments/edit/{assignment.pk}/"
    assert client.post(url, {"end_reason": ""}).status_code == 200
    assert client.post(url, {"end_reason": "学员搬走了"}).status_code == 302
    assignment.refresh_from_db()
    assert assignment.end_reason == "学员搬走了" and assignment.ended_at


def test_mentor_load_list_is_flat_in_queries_and_exportable(client, regions):
    staff = staff_user(regions["province"])
    client.force_login(staff)

    def add(n):
        for _ in range(n):
            make_mentor(regions["v1"], capacity=4)

    def queries():
        client.get("/admin/mentors/")
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/admin/mentors/")
        assert response.status_code == 200
        return len(ctx)

    add(5)
    few = queries()
    add(40)
    assert queries() == few
    export = client.get("/admin/mentors/?export=csv")
    assert export.status_code == 200
    assert b"".join(export.streaming_content).decode().count("\n") >= 45


def test_staff_of_another_region_do_not_see_the_assignment(client, regions, mentee):
    assignment = MentorAssignment.objects.get(learner=mentee)
    client.force_login(staff_user(regions["other_county"]))
    assert client.get(f"/admin/mentor_assignments/edit/{assignment.pk}/").status_code == 404
    assert "李秀英" not in client.get("/admin/mentor_assignments/").content.decode()
