"""With the shared cache unreachable, the site degrades instead of dying: every role's main
pages serve (made fresh), a log-in works (its rate limit falls back and the log says so),
and /healthz says 503."""

import logging

import pytest
from django.urls import reverse

from lms.accounts import roles
from lms.mentoring.services import mentor_assign
from tests.factories import (
    UserFactory,
    lessons_of,
    log_contact,
    make_mentor,
    staff_user,
)

pytestmark = pytest.mark.django_db

DEAD = {
    "default": {
        "BACKEND": "lms.core.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
    }
}


def test_every_role_walks_its_pages_with_the_cache_down(
    client, settings, ladder, regions, caplog, monkeypatch
):
    from lms.core import cache as cache_module
    from tests.factories import PASSWORD

    # The warning comes once a minute: as in a process that has not warned yet (a test just
    # before may have).
    monkeypatch.setattr(cache_module, "_last_warning", float("-inf"))

    learner = UserFactory(home_region=regions["v1"], phone="+8613800000001")
    mentor = make_mentor(regions["v1"])
    mentor_assign(learner=learner, mentor=mentor)
    log_contact(mentor, learner)
    staff = staff_user(regions["province"])
    editor = UserFactory(roles=[roles.CONTENT_EDITOR])
    lesson = lessons_of(ladder.course)[0]
    settings.CACHES = DEAD
    caplog.set_level(logging.WARNING)

    anonymous = ["/", "/en/", reverse("account_login"), "/certificates/verify/CA-NOSUCH/"]
    for url in anonymous:
        assert client.get(url).status_code in (200, 404), url  # served, not a 500
    assert client.get("/healthz").status_code == 503
    # A log-in with her password works; the limits that cannot be counted say so in the log.
    response = client.post(reverse("account_login"), {"login": "13800000001", "password": PASSWORD})
    assert response.status_code == 302
    pages = {
        learner: ["/learn/", lesson.url, "/certificates/", "/learn/training/"],
        mentor: ["/mentor/", "/mentor/grading/", f"/mentor/mentees/{learner.pk}/"],
        staff: ["/admin/", "/admin/dashboards/", "/admin/dashboards/at-risk/", "/admin/cohorts/"],
        editor: ["/admin/", "/admin/pages/"],
    }
    for person, urls in pages.items():
        client.force_login(person)
        for url in urls:
            assert client.get(url).status_code == 200, (person, url)
    assert any("cache" in record.getMessage().lower() for record in caplog.records)
