"""The sync endpoint: each action her phone made is accepted once (a replay creates nothing twice
and gets the same answer), an action the platform can no longer take comes back refused with a
message in her language, and the quiz page she answers offline carries no answer key."""

import json
import uuid
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from assessments.models import QuizAttempt, Submission
from courses.models import LessonCompletion, OfflineAction
from tests.factories import (
    jpeg_bytes,
    lessons_of,
    make_course,
    make_quiz,
    make_task,
    put_quiz_in_lesson,
    questions_of,
    zh,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(site_pages):
    _home, index = site_pages
    return make_course(index, modules=1, lessons=2)


def post(client, *actions, url="/learn/sync/"):
    response = client.post(
        url, json.dumps({"actions": list(actions)}), content_type="application/json"
    )
    return response


def new_id():
    return str(uuid.uuid4())


def right_choices(quiz):
    return {str(q.pk): sorted(q.correct_ids()) for q in questions_of(quiz)}


def question_ids(quiz):
    return ",".join(str(q.pk) for q in questions_of(quiz))


def test_a_lesson_done_offline_counts_once_however_often_it_is_sent(
    learner, learner_client, client, course
):
    lesson = lessons_of(course)[0]
    action = {"id": new_id(), "kind": "lesson", "lesson": lesson.pk}
    first = post(client, action)
    assert first.status_code == 200
    [result] = first.json()["results"]
    assert result["status"] == "done" and not result["replayed"]
    assert result["message"] == zh("Lesson “%(title)s” is complete.", title=lesson.title)
    again = post(client, action, action)
    assert [r["replayed"] for r in again.json()["results"]] == [True, True]
    assert [r["message"] for r in again.json()["results"]] == [result["message"]] * 2
    assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).count() == 1
    assert OfflineAction.objects.filter(learner=learner).count() == 1


def test_a_quiz_answered_offline_is_scored_on_the_server_once(
    learner, learner_client, client, course
):
    lesson = lessons_of(course)[0]
    quiz = make_quiz(max_attempts=2)
    put_quiz_in_lesson(lesson, quiz)
    action = {
        "id": new_id(),
        "kind": "quiz",
        "quiz": quiz.pk,
        "lesson": lesson.pk,
        "questions": question_ids(quiz),
        "answers": right_choices(quiz),
    }
    [result] = post(client, action).json()["results"]
    attempt = QuizAttempt.objects.get(learner=learner, quiz=quiz)
    assert result["status"] == "done" and attempt.passed and attempt.score == 100
    assert result["url"] == reverse("assessments:result", args=[attempt.pk])
    # Passing the lesson's quiz completed the lesson, as online.
    assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()
    post(client, action)
    assert QuizAttempt.objects.filter(learner=learner, quiz=quiz).count() == 1


def test_a_quiz_with_no_attempt_left_comes_back_refused_with_her_message(
    learner, learner_client, client, course
):
    quiz = make_quiz(max_attempts=1)
    first = {"id": new_id(), "kind": "quiz", "quiz": quiz.pk, "questions": question_ids(quiz)}
    second = {**first, "id": new_id(), "answers": right_choices(quiz)}
    results = post(client, {**first, "answers": {}}, second).json()["results"]
    assert [r["status"] for r in results] == ["done", "refused"]
    with translation.override("zh-hans"):
        expected = translation.ngettext(
            "You have used your %(n)s attempt at this quiz.",
            "You have used all %(n)s attempts at this quiz.",
            1,
        ) % {"n": 1}
    assert results[1]["message"] == expected
    assert QuizAttempt.objects.filter(learner=learner, quiz=quiz).count() == 1
    # In English when her phone syncs in English.
    english = post(client, {**second, "id": new_id()}, url="/en/learn/sync/").json()
    assert english["results"][0]["message"] == "You have used your 1 attempt at this quiz."


def test_a_timed_quiz_is_refused_offline(learner, learner_client, client):
    quiz = make_quiz(time_limit_minutes=10)
    action = {"id": new_id(), "kind": "quiz", "quiz": quiz.pk, "questions": question_ids(quiz)}
    [result] = post(client, action, url="/en/learn/sync/").json()["results"]
    assert result["status"] == "refused"
    assert "time limit" in result["message"]
    assert not QuizAttempt.objects.filter(learner=learner).exists()


def test_a_task_with_a_photo_is_handed_in_once(learner, learner_client, client):
    task = make_task(min_photos=1)
    client_id = new_id()
    action = {"id": client_id, "kind": "task", "task": task.pk, "text": "我的方案", "submit": True}

    def send():
        name = f"photo-{client_id}-0"
        return client.post(
            "/learn/sync/",
            {
                "actions": json.dumps([{**action, "photos": [name]}]),
                name: SimpleUploadedFile("p.jpg", jpeg_bytes(), content_type="image/jpeg"),
            },
        ).json()["results"][0]

    assert send()["status"] == "done"
    assert send()["replayed"]
    submission = Submission.objects.get(learner=learner, task=task)
    assert submission.status == "submitted"
    version = submission.versions.get()
    assert version.text == "我的方案" and version.photos.count() == 1


def test_an_incomplete_task_keeps_her_draft_and_says_why(learner, learner_client, client):
    task = make_task(min_photos=1)
    action = {"id": new_id(), "kind": "task", "task": task.pk, "text": "草稿", "submit": True}
    [result] = post(client, action, url="/en/learn/sync/").json()["results"]
    assert result["status"] == "refused"
    assert "Add at least 1 photo before handing in." in result["message"]
    draft = Submission.objects.get(learner=learner, task=task).versions.get()
    assert draft.text == "草稿" and draft.submitted_at is None


def test_sync_needs_her_login_her_csrf_token_and_a_valid_id(learner, course):
    lesson = lessons_of(course)[0]
    action = {"id": new_id(), "kind": "lesson", "lesson": lesson.pk}
    assert post(Client(), action).status_code == 401
    guarded = Client(enforce_csrf_checks=True)
    guarded.force_login(learner)
    assert post(guarded, action).status_code == 403
    plain = Client()
    plain.force_login(learner)
    [bad] = post(plain, {**action, "id": "x"}).json()["results"]
    assert bad["status"] == "invalid"
    unknown = post(plain, {"id": new_id(), "kind": "wipe"}).json()["results"][0]
    assert unknown["status"] == "refused"
    assert not LessonCompletion.objects.exists()


def test_the_offline_quiz_page_has_no_answer_key(learner, learner_client, client, course):
    quiz = make_quiz()
    response = client.get(reverse("assessments:quiz_offline", args=[quiz.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    for question in questions_of(quiz):
        assert question.text in html
        assert question.explanation not in html
    assert "is_correct" not in html and "correct" not in html.lower()


def test_saving_a_course_lists_its_pages_and_untimed_quizzes_only(learner_client, client, course):
    first, second = lessons_of(course)
    untimed, timed = make_quiz("不限时"), make_quiz("限时", time_limit_minutes=5)
    put_quiz_in_lesson(first, untimed)
    put_quiz_in_lesson(second, timed)
    manifest = client.get(reverse("learn:course_offline", args=[course.pk])).json()
    assert manifest["pages"][0] == reverse("learn:dashboard")
    assert course.url in manifest["pages"] and first.url in manifest["pages"]
    offline = reverse("assessments:quiz_offline", args=[untimed.pk]) + f"?lesson={first.pk}"
    assert offline in manifest["pages"]
    assert not any(f"/quizzes/{timed.pk}/" in url for url in manifest["pages"])
    # An editor's change is a new version, which her phone fetches again.
    first.title = "改过的标题"
    first.save_revision().publish()
    assert (
        client.get(reverse("learn:course_offline", args=[course.pk])).json()["version"]
        != (manifest["version"])
    )


def test_service_worker_and_manifest(client):
    worker = client.get("/sw.js")
    assert worker["Content-Type"].startswith("application/javascript")
    assert "no-cache" in worker["Cache-Control"]
    body = worker.content.decode()
    assert "workbox-v7.4.1" in body and "googleapis" not in body
    assert '"/mentor/"' in body and '"/admin/"' in body  # never answered from the phone
    manifest = client.get("/manifest.webmanifest").json()
    assert manifest["start_url"] == "/learn/" and manifest["name"] == zh("Companion Academy")
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}


def test_how_often_saved_courses_are_checked_is_a_setting(client, settings):
    settings.OFFLINE_REFRESH_SECONDS = 60
    assert '"refreshEvery": 60000' in client.get("/sw.js").content.decode()


def phone_clock(moment):
    """The time her phone notes with an action: milliseconds since 1970."""
    return int(moment.timestamp() * 1000)


def near(moment, expected):
    return abs(moment - expected) < timedelta(seconds=1)


def test_what_she_did_offline_is_recorded_when_she_did_it(learner, learner_client, client, course):
    first, second = lessons_of(course)
    quiz = make_quiz()
    put_quiz_in_lesson(second, quiz)
    task = make_task(min_photos=0)
    monday, tuesday, wednesday = (timezone.now() - timedelta(days=d) for d in (3, 2, 1))
    results = post(
        client,
        {"id": new_id(), "kind": "lesson", "lesson": first.pk, "created": phone_clock(monday)},
        {
            "id": new_id(),
            "kind": "quiz",
            "quiz": quiz.pk,
            "lesson": second.pk,
            "questions": question_ids(quiz),
            "answers": right_choices(quiz),
            "created": phone_clock(tuesday),
        },
        {
            "id": new_id(),
            "kind": "task",
            "task": task.pk,
            "text": "周三写的",
            "submit": True,
            "created": phone_clock(wednesday),
        },
    ).json()["results"]
    assert [r["status"] for r in results] == ["done"] * 3
    completions = LessonCompletion.objects.filter(learner=learner)
    assert near(completions.get(lesson=first).completed_at, monday)
    attempt = QuizAttempt.objects.get(learner=learner, quiz=quiz)
    assert near(attempt.started_at, tuesday) and near(attempt.submitted_at, tuesday)
    assert near(completions.get(lesson=second).completed_at, tuesday)  # by passing its quiz
    submission = Submission.objects.get(learner=learner, task=task)
    assert near(submission.submitted_at, wednesday)
    assert near(submission.versions.get().submitted_at, wednesday)


@pytest.mark.parametrize(
    "created",
    [
        phone_clock(timezone.now() + timedelta(days=1)),  # a clock ahead
        phone_clock(timezone.now() - timedelta(days=31)),  # too long ago to believe
        "yesterday",
        None,  # a phone that sent no time
    ],
    ids=["a-day-ahead", "a-month-ago", "yesterday", "no-time"],
)
def test_an_unbelievable_phone_clock_gives_way_to_the_time_of_arrival(
    learner, learner_client, client, course, created
):
    lesson = lessons_of(course)[0]
    action = {"id": new_id(), "kind": "lesson", "lesson": lesson.pk, "created": created}
    before = timezone.now()
    [result] = post(client, action).json()["results"]
    assert result["status"] == "done"
    completed = LessonCompletion.objects.get(learner=learner, lesson=lesson).completed_at
    assert before <= completed <= timezone.now()
