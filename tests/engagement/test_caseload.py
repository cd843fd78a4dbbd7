import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import Enrolment
from courses.services import lesson_complete
from lms.accounts.models import User
from lms.core.caching import learner_changed
from lms.mentoring.models import CoachingContact, MentorAssignment
from lms.mentoring.services import mentor_assign
from tests.factories import (
    UserFactory,
    lessons_of,
    log_contact,
    make_course,
    on_platform_since,
)

pytestmark = pytest.mark.django_db
CASELOAD = reverse("engagement:caseload")


def rows_by_name(response):
    return {row.learner.display_name: row for row in response.context["rows"]}


def test_flags_show_who_needs_her(mentor_client, regions, mentor, site_pages):
    _home, index = site_pages
    course = make_course(index, modules=1, lessons=2)
    quiet = UserFactory(home_region=regions["v1"], display_name="没动静")
    busy = UserFactory(home_region=regions["v2"], display_name="很积极")
    due = UserFactory(home_region=regions["v1"], display_name="要回访")
    for learner, days in ((quiet, 40), (busy, 40), (due, 5)):
        mentor_assign(learner=learner, mentor=mentor)
        on_platform_since(learner, days)
    lesson_complete(learner=busy, lesson=lessons_of(course)[0])
    log_contact(mentor, busy, days_ago=31)
    log_contact(mentor, due, days_ago=3, follow_up=timezone.localdate())
    lesson_complete(learner=due, lesson=lessons_of(course)[0])

    rows = rows_by_name(mentor_client.get(CASELOAD))
    assert set(rows["没动静"].flags) == {"inactive", "no_contact"}
    assert rows["很积极"].flags == ["no_contact"]
    assert rows["要回访"].flags == ["follow_up"]
    assert rows["很积极"].progress.done == 1

    only_due = mentor_client.get(CASELOAD, {"flag": "follow_up"})
    assert list(rows_by_name(only_due)) == ["要回访"]
    by_village = mentor_client.get(CASELOAD, {"q": "小坝"})
    assert list(rows_by_name(by_village)) == ["很积极"]
    by_name = mentor_client.get(CASELOAD, {"q": "没动"})
    assert list(rows_by_name(by_name)) == ["没动静"]
    first = mentor_client.get(CASELOAD, {"sort": "flags"}).context["rows"][0]
    assert first.learner == quiet


def test_logging_a_home_visit_clears_the_no_contact_flag(mentor_client, mentor, mentee):
    on_platform_since(mentee, 45)
    assert "no_contact" in rows_by_name(mentor_client.get(CASELOAD))["李秀英"].flags
    url = reverse("mentoring:contact_new", args=[mentee.pk])
    form = mentor_client.get(url).context["form"]
    data = {
        "contact_date": timezone.localdate().isoformat(),
        "mode": "home_visit",
        "minutes": "40",
        "summary": "一起做了下周的活动计划",
        "follow_up_on": "",
        "private_note": "",
        "client_token": str(form["client_token"].value()),
    }
    response = mentor_client.post(url, data)
    assert response.status_code == 302
    page = mentor_client.get(reverse("mentoring:mentee", args=[mentee.pk])).content.decode()
    assert "已 14 天没有学习" in page  # she has still not studied since she joined
    assert "已 30 天没有带教联系" not in page
    assert "no_contact" not in rows_by_name(mentor_client.get(CASELOAD))["李秀英"].flags
    # The same form sent twice (double tap, retry) records one contact.
    mentor_client.post(url, data)
    assert CoachingContact.objects.filter(learner=mentee).count() == 1


def test_mentee_list_query_count_is_flat_for_5_or_500_mentees(
    mentor_client, mentor, regions, site_pages
):
    _home, index = site_pages
    course = make_course(index, modules=1, lessons=1)

    def add_mentees(n):
        users = User.objects.bulk_create(
            [
                User(
                    username=f"m{n}-{i}-{uuid.uuid4().hex[:6]}",
                    display_name=f"学员{i}",
                    home_region=regions["v1"],
                )
                for i in range(n)
            ]
        )
        MentorAssignment.objects.bulk_create(
            [MentorAssignment(learner=u, mentor=mentor) for u in users]
        )
        Enrolment.objects.bulk_create([Enrolment(learner=u, course=course) for u in users])

    def queries():
        mentor_client.get(CASELOAD)
        learner_changed([mentor.pk])  # her mentees changed (written in bulk above): made afresh
        with CaptureQueriesContext(connection) as ctx:
            response = mentor_client.get(CASELOAD)
        with CaptureQueriesContext(connection) as kept:
            assert mentor_client.get(CASELOAD).content == response.content
        assert len(kept) == 0  # seen again: kept whole
        return len(ctx), response.context["page"].paginator.count

    add_mentees(5)
    few, count_few = queries()
    add_mentees(495)
    many, count_many = queries()
    assert (count_few, count_many) == (5, 500)
    assert few == many


def test_a_learner_cannot_use_the_mentor_workspace(client, mentor, mentee):
    client.force_login(mentee)
    assert client.get(CASELOAD).status_code == 403


def test_the_workspace_reads_in_english_too(mentor_client, mentee):
    on_platform_since(mentee, 45)
    body = mentor_client.get("/en/mentor/").content.decode()
    assert "My mentees" in body and "No coaching contact for 30 days" in body
    assert "我的学员" not in body
