"""What pages keep in memory or in the cache (lms/core/caching.py) is never seen stale: each
kind of change shows on the next page load, whoever made it; with the cache down, pages are
made afresh."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from assessments.services import submission_draft_save
from certificates.services import certificate_issue
from cms.models import SiteSettings
from courses.models import LessonPage
from courses.services import enrolment_create, lesson_complete
from lms.accounts import roles
from lms.mentoring.services import mentor_assign
from tests.conftest import COMMITTED_DB
from tests.factories import (
    UserFactory,
    lessons_of,
    log_contact,
    make_ladder,
    make_mentor,
    make_quiz,
    take_quiz,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ladder(site_pages, learner):
    _home, index = site_pages
    ladder = make_ladder(index)
    enrolment_create(learner=learner, course=ladder.course)
    return ladder


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def en(url):
    """The English address of a default-language (Chinese) one."""
    return "/en" + url.removeprefix("/en")


def zh(url):
    return url.removeprefix("/en")


def test_a_published_change_shows_on_the_next_load(learner_client, ladder):
    first, second = lessons_of(ladder.course)[:2]
    assert "Lesson 2 of 2" in page(learner_client, en(second.url))  # kept from now on
    draft = LessonPage.objects.get(pk=first.pk)
    draft.title = "新的标题"
    draft.save_revision().publish()
    assert "新的标题" in page(learner_client, zh(first.url))
    assert "新的标题" in page(learner_client, zh(ladder.course.url))  # the outline
    module = second.get_parent()
    added = module.add_child(instance=LessonPage(title="新加的一课", slug="added"))
    added.save_revision().publish()
    assert "Lesson 2 of 3" in page(learner_client, en(second.url))
    LessonPage.objects.get(pk=first.pk).unpublish()
    assert learner_client.get(zh(first.url)).status_code == 404
    assert "Lesson 1 of 2" in page(learner_client, en(second.url))


def test_her_progress_shows_on_her_next_page_load(learner_client, learner, ladder):
    lesson = lessons_of(ladder.course)[0]
    assert 'aria-valuenow="0"' in page(learner_client, en(reverse("learn:dashboard")))
    assert "You have completed this lesson." not in page(learner_client, en(lesson.url))
    lesson_complete(learner=learner, lesson=lesson)
    assert 'aria-valuenow="50"' in page(learner_client, en(reverse("learn:dashboard")))
    assert "You have completed this lesson." in page(learner_client, en(lesson.url))


def test_an_attempt_a_draft_and_a_certificate_show_at_once(learner_client, learner, ladder):
    quiz = make_quiz("安全小测", max_attempts=3)
    quiz_url = en(reverse("assessments:quiz", args=[quiz.pk]))
    assert "Attempts used: 0 of 3" in page(learner_client, quiz_url)
    take_quiz(learner, quiz, passing=False)
    assert "Attempts used: 1 of 3" in page(learner_client, quiz_url)
    task_url = en(reverse("assessments:task", args=[ladder.task.pk]))
    assert "我的草稿" not in page(learner_client, task_url)
    submission_draft_save(learner=learner, task=ladder.task, text="我的草稿", form_token="t")
    assert "我的草稿" in page(learner_client, task_url)
    mine = en(reverse("certificates:mine"))
    assert ladder.primary.name not in page(learner_client, mine)
    certificate_issue(learner=learner, level=ladder.primary)
    assert ladder.primary.name in page(learner_client, mine)


def test_a_new_mentor_and_her_follow_up_show_on_the_learners_home(
    learner_client, learner, province, site_pages
):
    home = en(reverse("learn:dashboard"))
    assert "新来的老师" not in page(learner_client, home)
    mentor = make_mentor(province, display_name="新来的老师")
    mentor_assign(learner=learner, mentor=mentor)
    assert "新来的老师" in page(learner_client, home)
    day = timezone.localdate() + datetime.timedelta(days=9)
    log_contact(mentor, learner, follow_up=day)
    assert day.isoformat() in page(learner_client, home)
    profile = mentor.mentor_profile
    profile.shares_phone = False
    profile.save()
    assert mentor.phone_display not in page(learner_client, home)


def test_a_role_given_shows_in_the_header_at_once(client, site_pages, role_groups):
    person = UserFactory(roles=[roles.LEARNER])
    client.force_login(person)
    home = en(reverse("learn:dashboard"))
    assert 'href="/admin/"' not in page(client, home)
    person.groups.add(Group.objects.get(name=roles.PROGRAMME_STAFF))
    assert 'href="/admin/"' in page(client, home)


def test_settings_changed_in_the_admin_show_at_once(client, site_pages):
    assert "新名字学堂" not in page(client, "/")
    settings = SiteSettings.for_site(site_pages[0].get_site())
    settings.programme_name = "新名字学堂"
    settings.save()
    assert "新名字学堂" in page(client, "/")


def test_translations_still_switch(learner_client, ladder):
    lesson = lessons_of(ladder.course)[0]
    assert "退出登录" in page(learner_client, zh(lesson.url))
    assert "Log out" in page(learner_client, en(lesson.url))
    assert "退出登录" in page(learner_client, zh(reverse("learn:dashboard")))
    assert "Log out" in page(learner_client, en(reverse("learn:dashboard")))


def test_with_the_cache_down_pages_are_made_fresh(learner_client, learner, ladder, settings):
    lesson = lessons_of(ladder.course)[0]
    page(learner_client, zh(lesson.url))
    settings.CACHES = {
        "default": {
            "BACKEND": "lms.core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    assert ladder.course.title in page(learner_client, zh(lesson.url))
    assert 'aria-valuenow="0"' in page(learner_client, en(reverse("learn:dashboard")))
    lesson_complete(learner=learner, lesson=lesson)
    assert 'aria-valuenow="50"' in page(learner_client, en(reverse("learn:dashboard")))


def test_a_session_read_from_the_database_is_kept_once(learner_client, ladder, caplog):
    """A login the cache has lost (evicted, restarted) costs one query and is kept again."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = en(reverse("learn:dashboard"))
    page(learner_client, url)
    cache.clear()
    with CaptureQueriesContext(connection) as first:
        assert "Log out" in page(learner_client, url)
    with CaptureQueriesContext(connection) as second:
        assert "Log out" in page(learner_client, url)
    sessions = [q for q in first.captured_queries if "django_session" in q["sql"]]
    assert len(sessions) == 1
    assert not [q for q in second.captured_queries if "django_session" in q["sql"]]
    assert "session not cached" not in caplog.text


def test_with_the_cache_down_she_stays_logged_in(learner_client, ladder, settings, caplog):
    url = en(reverse("learn:dashboard"))
    page(learner_client, url)
    settings.CACHES = {
        "default": {
            "BACKEND": "lms.core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    assert "Log out" in page(learner_client, url)
    assert "maximum recursion" not in caplog.text


@COMMITTED_DB
def test_a_change_is_read_at_once_by_its_transaction_and_by_everyone_after_its_commit():
    """A write inside a transaction: its own later reads are made afresh; everyone else keeps
    reading what is committed until the commit, then reads the change; a rollback changes
    nothing (lms/core/caching.bump)."""
    from django.core.cache import cache
    from django.db import transaction

    from lms.core.caching import bump, cached

    made = []

    def read():
        def compute():
            made.append(len(made) + 1)
            return made[-1]

        return cached(("test-read",), depends_on=("test-generation",), compute=compute)

    assert (read(), read()) == (1, 1)
    committed_token = cache.get("gen:test-generation")
    with transaction.atomic():
        bump("test-generation")
        assert (read(), read()) == (2, 3)  # never the value from before the change
        assert cache.get("gen:test-generation") == committed_token  # others: as committed
    assert (read(), read()) == (4, 4)  # after the commit: made again once, then kept

    with pytest.raises(RuntimeError), transaction.atomic():
        bump("test-generation")
        raise RuntimeError
    assert read() == 4  # rolled back: what is kept still holds

    with transaction.atomic():
        bump("test-generation")
        with pytest.raises(RuntimeError), transaction.atomic():
            bump("test-generation")
            raise RuntimeError
    assert (read(), read()) == (5, 5)  # a savepoint rolled back: the outer change still counts


def test_her_login_is_read_with_the_sites_generations_in_one_cache_round_trip(
    client, learner, monkeypatch
):
    """A signed-in page asks the cache once for her login and the usual generations (not
    once more for the login); signing out ends the login at once all the same."""
    from django.core.cache import caches

    client.force_login(learner)
    assert client.get("/learn/").status_code == 200  # her login and the tokens are cached
    asked, inside = [], []  # each call a page makes (the local cache's get_many calls get)
    cache_object = caches["default"]
    get, get_many = cache_object.get, cache_object.get_many

    def one(key, *args, **kwargs):
        if not inside:
            asked.append(key)
        return get(key, *args, **kwargs)

    def many(keys, *args, **kwargs):
        asked.append(tuple(keys))
        inside.append(True)
        try:
            return get_many(keys, *args, **kwargs)
        finally:
            inside.pop()

    monkeypatch.setattr(cache_object, "get", one)
    monkeypatch.setattr(cache_object, "get_many", many)
    assert client.get("/learn/").status_code == 200
    login = [keys for keys in asked if "sessions" in str(keys)]
    assert len(login) == 1 and isinstance(login[0], tuple) and "gen:pages" in login[0]
    monkeypatch.undo()
    client.post(reverse("account_logout"))
    assert client.get("/learn/").status_code == 302
