"""Editors see what lacks a translation or has an out-of-date one, and fix it from there:
Translate for what has none, the translation's editor for what is behind, and a quiz's new
questions copied into its translation. Staff who do not edit content are refused."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from assessments.models import Question
from lms.accounts import roles
from tests.factories import UserFactory, lessons_of, make_course, make_quiz, make_region, staff_user

pytestmark = pytest.mark.django_db

REPORT = "/admin/translations/to-do/"


@pytest.fixture
def editor_client(client, role_groups):
    Locale.objects.get_or_create(language_code="en")
    client.force_login(UserFactory(roles=[roles.CONTENT_EDITOR]))
    return client


def _report(client):
    """The report's table (empty when there is nothing to do)."""
    response = client.get(REPORT)
    assert response.status_code == 200
    page = response.content.decode()
    start = page.find('<table class="listing">')
    return page[start : page.find("</table>", start)] if start >= 0 else ""


def _translate_page(client, page):
    english = Locale.objects.get(language_code="en")
    url = reverse("simple_translation:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [english.pk]})
    assert response.status_code == 302
    return page.get_translation(english)


def test_a_new_lesson_is_flagged_until_translated_then_when_the_chinese_changes(
    editor_client, site_pages
):
    home, index = site_pages
    _translate_page(editor_client, home)
    _translate_page(editor_client, index)
    course = make_course(index, modules=1, lessons=1)
    page = _report(editor_client)
    assert "课程1" in page
    assert reverse("simple_translation:submit_page_translation", args=[course.pk]) in page
    # Translating the course with its pages (Wagtail's Translate, as an editor does).
    english = Locale.objects.get(language_code="en")
    url = reverse("simple_translation:submit_page_translation", args=[course.pk])
    editor_client.post(url, {"locales": [english.pk], "include_subtree": "on"})
    page = _report(editor_client)
    assert "课程1" not in page and "第1.1课" not in page
    # The Chinese lesson changes after its translation: it is behind.
    [lesson] = lessons_of(course)
    lesson.title = "第1.1课（修订）"
    lesson.save_revision().publish()
    page = _report(editor_client)
    translation = lesson.get_translation(english)
    assert "第1.1课（修订）" in page
    assert reverse("wagtailadmin_pages:edit", args=[translation.pk]) in page
    # Her English edit brings it up to date.
    translation.title = "Lesson 1.1 (revised)"
    translation.save_revision().publish()
    assert "第1.1课（修订）" not in _report(editor_client)


def test_a_quizs_new_questions_are_copied_into_its_translation(editor_client):
    english = Locale.objects.get(language_code="en")
    quiz = make_quiz(title="家访小测验")
    url = reverse(
        "simple_translation:submit_snippet_translation", args=["assessments", "quiz", quiz.pk]
    )
    editor_client.post(url, {"locales": [english.pk]})
    translated = quiz.get_translation(english)
    assert translated.questions.count() == quiz.questions.count()
    assert "家访小测验" not in _report(editor_client)
    Question.objects.create(quiz=quiz, kind="true_false", text="新题", statement_is_true=True)
    quiz.save()  # edited in the admin: the quiz is saved with its questions
    page = _report(editor_client)
    assert "家访小测验" in page and "(1)" in page  # behind, and one question missing
    copy = reverse("translation_quiz_questions_copy", args=[quiz.pk, english.pk])
    response = editor_client.post(copy)
    assert response.status_code == 302
    assert translated.questions.filter(text="新题").exists()
    page = _report(editor_client)
    assert "(1)" not in page and "家访小测验" in page  # still to translate in English
    translated.title = "Home visit quiz"
    translated.save()
    assert "家访小测验" not in _report(editor_client)


def test_the_report_costs_the_same_queries_for_few_or_many_pages(editor_client, site_pages):
    _home, index = site_pages
    make_course(index, modules=1, lessons=1)
    make_quiz()
    _report(editor_client)  # what the admin reads once
    with CaptureQueriesContext(connection) as few:
        _report(editor_client)
    make_course(index, modules=2, lessons=3)
    make_quiz(title="另一个")
    with CaptureQueriesContext(connection) as many:
        _report(editor_client)
    assert len(many) == len(few)


def test_staff_who_do_not_edit_content_are_refused(client, role_groups):
    client.force_login(staff_user(make_region("贵州省")))
    refused = client.get(REPORT)  # Wagtail sends her back to the dashboard with a message
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    quiz = make_quiz()
    english, _ = Locale.objects.get_or_create(language_code="en")
    copy = reverse("translation_quiz_questions_copy", args=[quiz.pk, english.pk])
    assert client.post(copy).status_code == 302
    assert not Question.objects.exclude(quiz=quiz).exists()
