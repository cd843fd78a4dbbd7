import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.models import Enrolment, LessonCompletion
from courses.selectors import learner_progress
from courses.services import enrolment_create, lesson_complete
from lms.core.caching import learner_changed
from tests.factories import (
    UserFactory,
    lessons_of,
    make_course,
    make_region,
    staff_user,
    translate_tree,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(site_pages):
    _home, index = site_pages
    # 2 modules x 3 lessons; the last lesson of module 2 is optional: 5 required lessons.
    return make_course(index, title="办好儿童之家", modules=2, lessons=3, optional={(1, 2)})


def complete_url(lesson):
    return reverse("learn:lesson_complete", args=[lesson.pk])


def test_marking_a_lesson_complete_twice_counts_once(learner_client, learner, course):
    lesson = lessons_of(course)[0]
    first = learner_client.post(complete_url(lesson))
    second = learner_client.post(complete_url(lesson))
    assert first.status_code == second.status_code == 302
    assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).count() == 1
    assert Enrolment.objects.filter(learner=learner).count() == 1


def test_service_reports_whether_the_completion_is_new(learner, course):
    lesson = lessons_of(course)[0]
    assert lesson_complete(learner=learner, lesson=lesson)[1] is True
    assert lesson_complete(learner=learner, lesson=lesson)[1] is False


def test_completing_takes_her_to_the_next_lesson(learner_client, course):
    first, second = lessons_of(course)[:2]
    response = learner_client.post(complete_url(first), {"next": second.url})
    assert response["Location"] == second.url


def test_an_outside_next_address_is_ignored(learner_client, course):
    lesson = lessons_of(course)[0]
    response = learner_client.post(complete_url(lesson), {"next": "https://evil.example/"})
    assert response["Location"] == lesson.url


def test_dashboard_shows_progress_and_continues_at_the_next_unfinished_lesson(
    learner_client, learner, course
):
    lessons = lessons_of(course)
    for lesson in lessons[:2]:
        lesson_complete(learner=learner, lesson=lesson)
    response = learner_client.get(reverse("learn:dashboard"))
    [progress] = response.context["progress"]
    assert (progress.done, progress.total, progress.percent) == (2, 5, 40)
    assert progress.next_lesson.pk == lessons[2].pk
    body = response.content.decode()
    assert f'href="{lessons[2].url}"' in body
    assert 'aria-valuenow="40"' in body


def test_optional_lessons_do_not_count_towards_the_course(learner, course):
    lessons = lessons_of(course)
    optional = [lesson for lesson in lessons if lesson.is_optional]
    lesson_complete(learner=learner, lesson=optional[0])
    [progress] = learner_progress(learner)
    assert progress.done == 0
    for lesson in lessons:
        if not lesson.is_optional:
            lesson_complete(learner=learner, lesson=lesson)
    [progress] = learner_progress(learner)
    assert progress.is_complete and progress.percent == 100


def test_a_lesson_read_in_english_counts_for_the_chinese_course(learner, course):
    translate_tree(course)
    english_lesson = lessons_of(course)[0].get_translation(
        __import__("wagtail.models", fromlist=["Locale"]).Locale.objects.get(language_code="en")
    )
    lesson_complete(learner=learner, lesson=english_lesson)
    [progress] = learner_progress(learner, language="zh-hans")
    assert progress.done == 1
    [progress_en] = learner_progress(learner, language="en")
    assert progress_en.course.title.startswith("EN ")
    assert progress_en.next_lesson.title.startswith("EN ")


def test_dashboard_query_count_is_the_same_for_1_and_30_courses(client, site_pages):
    _home, index = site_pages
    learner = UserFactory()
    client.force_login(learner)

    def enrol_in(n):
        for _ in range(n):
            course = make_course(index, modules=1, lessons=2)
            enrolment_create(learner=learner, course=course)
            lesson_complete(learner=learner, lesson=lessons_of(course)[0])

    def count_queries():
        client.get(reverse("learn:dashboard"))  # warm caches (site root paths)
        learner_changed([learner.pk])  # something of hers changed: her page is made afresh
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(reverse("learn:dashboard"))
        with CaptureQueriesContext(connection) as kept:
            assert client.get(reverse("learn:dashboard")).content == response.content
        assert len(kept) == 0  # seen again: kept whole
        return len(ctx.captured_queries), len(response.context["progress"])

    enrol_in(1)
    one = count_queries()
    enrol_in(29)
    thirty = count_queries()
    assert one[1] == 1 and thirty[1] == 30
    assert one[0] == thirty[0]


def test_enrolling_herself_twice_gives_one_enrolment(learner_client, learner, course):
    url = reverse("learn:course_enrol", args=[course.pk])
    learner_client.post(url)
    learner_client.post(url)
    assert Enrolment.objects.filter(learner=learner, course=course).count() == 1


def test_course_page_shows_ticks_for_completed_lessons(learner_client, learner, course):
    lesson_complete(learner=learner, lesson=lessons_of(course)[0])
    body = learner_client.get(course.url).content.decode()
    assert body.count('class="tick done"') == 1


# Permissions and bad input ---------------------------------------------------------------


def test_a_learner_cannot_see_another_learners_progress(learner_client, course):
    other = UserFactory(display_name="张桂芳")
    lesson_complete(learner=other, lesson=lessons_of(course)[0])
    response = learner_client.get(reverse("learn:learner_detail", args=[other.pk]))
    assert response.status_code == 404
    assert "张桂芳" not in response.content.decode()


def test_a_learner_sees_her_own_progress_page(learner_client, learner):
    response = learner_client.get(reverse("learn:learner_detail", args=[learner.pk]))
    assert response.status_code == 200


def test_staff_see_progress_of_learners_in_their_region_only(client, course):
    county = make_region("七星关区")
    elsewhere = make_region("利辛县")
    staff = staff_user(county)
    inside = UserFactory(home_region=county)
    outside = UserFactory(home_region=elsewhere)
    client.force_login(staff)
    assert client.get(reverse("learn:learner_detail", args=[inside.pk])).status_code == 200
    assert client.get(reverse("learn:learner_detail", args=[outside.pk])).status_code == 404


def test_expired_session_asks_her_to_log_in_and_changes_nothing(client, course):
    lesson = lessons_of(course)[0]
    response = client.post(complete_url(lesson), HTTP_REFERER=lesson.url, follow=True)
    login_url, _status = response.redirect_chain[0]
    assert login_url.startswith(reverse("account_login"))
    assert login_url.endswith("next=" + lesson.url)  # back to the lesson after login
    assert "请先登录" in response.content.decode()
    assert LessonCompletion.objects.count() == 0


def test_completing_a_lesson_that_does_not_exist_is_404(learner_client):
    response = learner_client.post(reverse("learn:lesson_complete", args=[999999]))
    assert response.status_code == 404
    assert LessonCompletion.objects.count() == 0


def test_completing_an_unpublished_lesson_is_404_and_records_nothing(learner_client, course):
    lesson = lessons_of(course)[0]
    lesson.unpublish()
    response = learner_client.post(complete_url(lesson))
    assert response.status_code == 404
    assert LessonCompletion.objects.count() == 0


def test_a_get_cannot_complete_a_lesson(learner_client, course):
    response = learner_client.get(complete_url(lessons_of(course)[0]))
    assert response.status_code == 405
    assert LessonCompletion.objects.count() == 0


def test_a_stale_form_without_csrf_token_gets_a_clear_message(learner, course):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    response = client.post(complete_url(lessons_of(course)[0]))
    assert response.status_code == 403
    assert "没有做任何更改" in response.content.decode()
    assert LessonCompletion.objects.count() == 0
