"""Whole pages kept for the person who asked (lms/core/kept_responses.py): seen again, a page
costs no query; it is never shown to anyone else, after she logs out, past what makes it
stale, or with a message waiting; a page that read anything not kept is made every time."""

import datetime

import pytest
import time_machine
from django.contrib import messages
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assessments.services import submission_draft_save, submission_submit
from certificates.services import certificate_issue
from lms.accounts.models import User
from lms.core.caching import bump
from lms.core.kept_responses import kept
from tests.factories import UserFactory, lessons_of, make_ladder

pytestmark = pytest.mark.django_db


@pytest.fixture
def ladder(site_pages, mentee):
    from courses.services import enrolment_create

    _home, index = site_pages
    ladder = make_ladder(index)
    enrolment_create(learner=mentee, course=ladder.course)
    return ladder


def en(url):
    return "/en" + url.removeprefix("/en")


def twice(client, url):
    """The page made, then seen again: (first body, queries of the second). (A page with a
    form is kept from her second visit on: the first one gives her the CSRF cookie.)"""
    client.get(url)
    first = client.get(url)
    assert first.status_code == 200, url
    with CaptureQueriesContext(connection) as ctx:
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content
    return first.content.decode(), len(ctx)


def test_every_page_seen_again_costs_no_query(client, mentee, mentor, ladder):
    submission_draft_save(learner=mentee, task=ladder.task, text="我的活动方案", form_token="t")
    submission_submit(learner=mentee, task=ladder.task)
    certificate, _created = certificate_issue(learner=mentee, level=ladder.primary)
    lesson = lessons_of(ladder.course)[0]
    client.force_login(mentee)
    for url in (reverse("learn:dashboard"), lesson.url):
        assert twice(client, url)[1] == 0, url
    client.force_login(mentor)
    for url in (reverse("engagement:caseload"), reverse("grading:queue")):
        body, queries = twice(client, url)
        assert queries == 0, url
        assert "李秀英" in body
    client.logout()
    check = reverse("certificates:verify", args=[certificate.verification_code])
    for url in ("/", check):
        assert twice(client, url)[1] == 0, url


def test_a_kept_page_is_hers_alone(client, mentee, ladder):
    other = UserFactory(display_name="赵小红")
    client.force_login(mentee)
    home = reverse("learn:dashboard")
    assert "李秀英" in twice(client, home)[0]
    client.force_login(other)
    body = client.get(home).content.decode()
    assert "赵小红" in body and "李秀英" not in body
    client.logout()
    assert client.get(home).status_code == 302  # to the login page, not her kept page


def test_a_changed_account_is_not_served_from_what_was_kept(client, mentee, ladder):
    client.force_login(mentee)
    home = reverse("learn:dashboard")
    twice(client, home)
    mentee.display_name = "李秀英（新名字）"
    mentee.save()
    assert "李秀英（新名字）" in client.get(home).content.decode()
    mentee.is_active = False
    mentee.save()
    assert client.get(home).status_code == 302  # a deactivated account is logged out


def test_a_waiting_message_shows_and_then_the_kept_page_again(client, mentee, ladder):
    lesson = lessons_of(ladder.course)[0]
    client.force_login(mentee)
    home = reverse("learn:dashboard")
    twice(client, home)
    response = client.post(reverse("learn:lesson_complete", args=[lesson.pk]), follow=True)
    assert response.status_code == 200
    shown = client.get(home).content.decode()
    assert 'class="messages"' not in shown  # shown once, on the page after the action
    assert 'aria-valuenow="0"' not in shown  # and her progress moved


def test_a_page_that_read_anything_not_kept_is_made_every_time(rf_with_session):
    request = rf_with_session()
    calls = []

    def page():
        calls.append(User.objects.count())
        from django.http import HttpResponse

        return HttpResponse("ok")

    kept(request, page)
    kept(rf_with_session(session=request.session), page)
    assert len(calls) == 2


def test_a_page_of_kept_data_is_kept_until_its_generation_is_bumped(rf_with_session):
    from django.http import HttpResponse

    from lms.core.caching import memoized

    request = rf_with_session()
    calls = []

    def page():
        value = memoized(("test-value",), depends_on=("test-gen",), compute=lambda: len(calls))
        calls.append(value)
        return HttpResponse(f"value {value}")

    assert kept(request, page).content == b"value 0"
    assert kept(rf_with_session(session=request.session), page).content == b"value 0"
    assert len(calls) == 1
    bump("test-gen")
    assert kept(rf_with_session(session=request.session), page).content == b"value 1"


def test_the_grading_queue_moves_on_with_the_clock(client, mentee, mentor, ladder):
    """ "Waiting for 3 hours" changes with the minute: the queue is kept a minute at most."""
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        submission_draft_save(learner=mentee, task=ladder.task, text="方案", form_token="t")
        submission_submit(learner=mentee, task=ladder.task)
        client.force_login(mentor)
        queue = en(reverse("grading:queue"))
        assert twice(client, queue)[1] == 0
    with time_machine.travel(start + datetime.timedelta(hours=3), tick=False):
        body, queries_again = twice(client, queue)
        assert "Waiting for 3\xa0hours" in body
        assert queries_again == 0


def test_a_certificate_check_follows_a_revocation(client, mentee, ladder):
    from certificates.services import certificate_revoke

    certificate, _created = certificate_issue(learner=mentee, level=ladder.primary)
    check = en(reverse("certificates:verify", args=[certificate.verification_code]))
    body, queries = twice(client, check)
    assert queries == 0 and "revoked on" not in body
    certificate_revoke(certificate=certificate, actor=UserFactory(is_superuser=True), reason="测试")
    assert "revoked on" in client.get(check).content.decode()


@pytest.fixture
def rf_with_session():
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.cache import SessionStore

    def make(session=None):
        request = RequestFactory().get("/kept-test/")
        request.session = session or SessionStore()
        request.user = AnonymousUser()
        request._messages = FallbackStorage(request)
        return request

    return make


def test_a_message_queued_while_making_a_page_keeps_it_from_being_kept(rf_with_session):
    from django.http import HttpResponse

    request = rf_with_session()
    calls = []

    def page():
        calls.append(1)
        messages.info(request, "hello")
        return HttpResponse("ok")

    kept(request, page)
    kept(rf_with_session(), page)
    assert len(calls) == 2
