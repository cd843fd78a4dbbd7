import pytest
from wagtail.models import Page

from cms.models import HomePage, StandardPage
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from tests.factories import lessons_of, make_course

pytestmark = pytest.mark.django_db


def test_page_tree_is_fixed_home_catalogue_course_module_lesson():
    assert CourseIndexPage.allowed_parent_page_models() == [HomePage]
    assert CourseIndexPage.allowed_subpage_models() == [CoursePage]
    assert CoursePage.allowed_parent_page_models() == [CourseIndexPage]
    assert CoursePage.allowed_subpage_models() == [ModulePage]
    assert ModulePage.allowed_subpage_models() == [LessonPage]
    assert LessonPage.allowed_parent_page_models() == [ModulePage]
    assert LessonPage.allowed_subpage_models() == []
    assert set(HomePage.allowed_subpage_models()) == {CourseIndexPage, StandardPage}


def test_a_lesson_cannot_be_created_directly_under_a_course(site_pages):
    _home, index = site_pages
    course = make_course(index, modules=1, lessons=1)
    assert not LessonPage.can_create_at(course)
    assert LessonPage.can_create_at(course.get_children().first())


def test_lesson_page_shows_its_body_and_position(client, site_pages):
    _home, index = site_pages
    course = make_course(index, modules=1, lessons=3)
    lesson = lessons_of(course)[1]
    response = client.get(lesson.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "课文 1.2" in body
    assert "第 2 节课，共 3 节" in body
    assert course.title in body


def test_course_page_lists_modules_and_lessons(client, site_pages):
    _home, index = site_pages
    course = make_course(index, modules=2, lessons=3)
    body = client.get(course.url).content.decode()
    for lesson in lessons_of(course):
        assert lesson.title in body


def test_unpublished_lesson_is_a_translated_404(client, site_pages, learner_client):
    _home, index = site_pages
    course = make_course(index, modules=1, lessons=2)
    lesson = lessons_of(course)[0]
    url = lesson.url
    lesson.unpublish()
    response = learner_client.get(url)
    assert response.status_code == 404
    assert "找不到这个页面" in response.content.decode()


def test_missing_page_in_english_says_so_in_english(client, site_pages):
    response = client.get("/en/courses/no-such-course/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_catalogue_groups_courses_by_level(client, site_pages):
    _home, index = site_pages
    # Created advanced first, so only grouping by level puts the primary course first.
    make_course(index, title="高级课", level="advanced", modules=1, lessons=1)
    make_course(index, title="初级课", level="primary", modules=1, lessons=1)
    body = client.get(index.url).content.decode()
    assert body.index("<h2>初级</h2>") < body.index("初级课") < body.index("<h2>高级</h2>")
    assert body.index("<h2>高级</h2>") < body.index("高级课")


def test_site_root_is_the_home_page(client, site_pages):
    home, _index = site_pages
    response = client.get("/")
    assert response.status_code == 200
    assert Page.objects.get(pk=home.pk).specific_class is HomePage


def test_course_and_lesson_pages_cost_the_same_queries_for_small_and_big_courses(
    site_pages, learner_client
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _home, index = site_pages
    small = make_course(index, modules=1, lessons=2)
    big = make_course(index, modules=4, lessons=6)

    def queries(url):
        learner_client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert learner_client.get(url).status_code == 200
        return len(ctx)

    assert queries(small.url) == queries(big.url)
    assert queries(lessons_of(small)[1].url) == queries(lessons_of(big)[10].url)
