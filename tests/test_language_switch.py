"""The language switch is a link to the same page in the other language, both ways, on
Wagtail pages and on the platform's own pages."""

import html
import re

import pytest
from django.urls import reverse

from tests.factories import UserFactory, lessons_of, make_course, translate_tree

pytestmark = pytest.mark.django_db


def switch_link(body):
    """(address, label) of the header's language link, without the marker that remembers the
    choice on the way (test_the_choice_is_remembered)."""
    match = re.search(r'<a class="lang" href="([^"]+)"[^>]*>([^<]+)</a>', body)
    assert match, "no language link"
    href = html.unescape(match.group(1))
    address = re.sub(r"[?&]language=[\w-]+$", "", href)
    assert address != href, "the link does not remember the choice"
    return address, match.group(2)


def test_a_lesson_switches_to_its_translation_and_back(learner_client, site_pages):
    home, index = site_pages
    course = make_course(index, modules=1, lessons=1)
    translate_tree(home)
    lesson = lessons_of(course)[0]
    body = learner_client.get(lesson.url).content.decode()
    href, label = switch_link(body)
    assert label == "English" and href.startswith("/en/")
    english = learner_client.get(href).content.decode()
    assert f"EN {lesson.title}" in english
    back, label = switch_link(english)
    assert label == "中文" and back == lesson.url
    assert "退出登录" in learner_client.get(back).content.decode()


@pytest.mark.parametrize("name", ["learn:dashboard", "certificates:mine"])
def test_the_platforms_pages_switch_both_ways(learner_client, site_pages, name):
    chinese = reverse(name).removeprefix("/en")
    href, label = switch_link(learner_client.get(chinese).content.decode())
    assert (href, label) == ("/en" + chinese, "English")
    english = learner_client.get(href).content.decode()
    assert "Log out" in english
    back, label = switch_link(english)
    assert (back, label) == (chinese, "中文")


def test_the_switch_keeps_the_query(learner_client, site_pages):
    href, _label = switch_link(learner_client.get("/learn/?page=2").content.decode())
    assert href == "/en/learn/?page=2"


def test_a_page_without_a_translation_switches_to_the_same_address(client, site_pages):
    href, label = switch_link(client.get("/").content.decode())
    assert label == "English" and href == "/en/"


def test_the_choice_is_remembered_both_ways(client, site_pages):
    """She switches to English: the address she lands on is clean, her account and a cookie
    remember it (her next log-in, texts and emails follow); and back to Chinese."""
    from lms.accounts.models import User
    from tests.factories import PASSWORD, UserFactory

    learner = UserFactory(phone="+8613800000001")
    client.force_login(learner)
    body = client.get("/learn/").content.decode()
    href = html.unescape(re.search(r'<a class="lang" href="([^"]+)"', body).group(1))
    response = client.get(href)
    assert response.status_code == 302 and response["Location"] == "/en/learn/"
    assert client.cookies["django_language"].value == "en"
    assert User.objects.get(pk=learner.pk).preferred_language == "en"
    english = client.get("/en/learn/").content.decode()
    assert "Log out" in english
    back = html.unescape(re.search(r'<a class="lang" href="([^"]+)"', english).group(1))
    response = client.get(back)
    assert response["Location"] == "/learn/"
    assert User.objects.get(pk=learner.pk).preferred_language == "zh-hans"
    # Her next log-in lands in the language she chose last.
    client.get("/en/learn/?language=en")
    client.logout()
    response = client.post("/accounts/login/", {"login": "13800000001", "password": PASSWORD})
    assert response["Location"] == "/en/learn/"


def test_the_admin_and_the_site_share_her_language(client):
    """Chosen on the site, the admin follows; chosen on Wagtail's account page, the site does."""
    from wagtail.users.models import UserProfile

    from lms.accounts import roles
    from lms.accounts.models import User

    roles.sync_role_groups()
    editor = UserFactory(roles=[roles.CONTENT_EDITOR], preferred_language="zh-hans")
    client.force_login(editor)
    client.get("/en/learn/?language=en")
    assert UserProfile.get_for_user(editor).get_preferred_language() == "en"
    assert '<html lang="en"' in client.get("/admin/").content.decode()
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "zh-hans"
    profile.save()
    assert User.objects.get(pk=editor.pk).preferred_language == "zh-hans"
