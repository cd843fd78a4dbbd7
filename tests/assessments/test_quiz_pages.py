"""Quiz pages from the outside: what the learner sees, what never reaches her browser, and
what other people get when they try her URLs."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from assessments.models import AttemptAnswer, QuizAttempt
from assessments.services import attempt_start, attempt_submit
from tests.factories import (
    DEFAULT_QUESTIONS,
    UserFactory,
    lessons_of,
    make_course,
    make_quiz,
    put_quiz_in_lesson,
    questions_of,
    right_answers,
    wrong_answers,
)

pytestmark = pytest.mark.django_db


def _post_answers(answers):
    data = {}
    for question_id, choice_ids in answers.items():
        data[f"q{question_id}"] = choice_ids
    return data


def _start(client, quiz, **data):
    response = client.post(reverse("assessments:quiz_start", args=[quiz.pk]), data)
    return QuizAttempt.objects.get(quiz=quiz, submitted_at__isnull=True), response


def test_the_attempt_page_holds_no_answer_key(learner_client, learner):
    quiz = make_quiz()
    attempt, response = _start(learner_client, quiz)
    assert response.status_code == 302
    html = learner_client.get(reverse("assessments:attempt", args=[attempt.pk])).content.decode()
    for question in questions_of(quiz):
        assert question.text in html
        assert question.explanation not in html
    assert "correct" not in html.lower()
    assert "is_correct" not in html and "data-correct" not in html
    # Each choice is shown by id only; right and wrong ones look the same.
    single = questions_of(quiz)[0]
    for choice_id, text in single.choice_options():
        assert f'value="{choice_id}"' in html and text in html


def test_she_submits_and_sees_her_score_what_she_missed_and_why(learner_client, learner):
    quiz = make_quiz(pass_mark=60)
    attempt, _ = _start(learner_client, quiz)
    answers = right_answers(attempt)
    missed = questions_of(quiz)[1]
    answers[missed.pk] = wrong_answers(attempt)[missed.pk]
    response = learner_client.post(
        reverse("assessments:attempt", args=[attempt.pk]), {"submit": "1", **_post_answers(answers)}
    )
    assert response.url == reverse("assessments:result", args=[attempt.pk])
    html = learner_client.get(response.url).content.decode()
    assert "67%" in html and "Passed!" in html
    assert "Missed" in html and missed.explanation in html
    assert "(correct answer)" in html


def test_editors_can_hold_back_the_answers(learner_client):
    quiz = make_quiz(show_answers=False)
    attempt, _ = _start(learner_client, quiz)
    learner_client.post(
        reverse("assessments:attempt", args=[attempt.pk]),
        {"submit": "1", "submit_anyway": "1", **_post_answers({})},
    )
    html = learner_client.get(reverse("assessments:result", args=[attempt.pk])).content.decode()
    assert "Not answered" in html and "(correct answer)" not in html


def test_an_unanswered_question_is_pointed_out_before_a_try_is_counted(learner_client):
    quiz = make_quiz(max_attempts=3)
    attempt, _ = _start(learner_client, quiz)
    url = reverse("assessments:attempt", args=[attempt.pk])
    answers = wrong_answers(attempt)
    skipped = attempt.question_ids[-1]
    del answers[skipped]
    response = learner_client.post(url, {"submit": "1", **_post_answers(answers)}, follow=True)
    page = response.content.decode()
    assert "1 question has no answer yet" in page and "Submit anyway" in page
    attempt.refresh_from_db()
    assert attempt.is_open  # no try counted; what she chose is kept
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == len(answers)
    response = learner_client.post(url, {"submit": "1", "submit_anyway": "1"}, follow=True)
    attempt.refresh_from_db()
    assert not attempt.is_open
    assert "2 tries left." in response.content.decode()


def test_a_double_click_on_submit_makes_one_submission(learner_client):
    quiz = make_quiz()
    attempt, _ = _start(learner_client, quiz)
    url = reverse("assessments:attempt", args=[attempt.pk])
    data = {"submit": "1", **_post_answers(right_answers(attempt))}
    first = learner_client.post(url, data)
    second = learner_client.post(url, {"submit": "1", **_post_answers(wrong_answers(attempt))})
    assert first.status_code == second.status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 100
    assert QuizAttempt.objects.filter(quiz=quiz).count() == 1


def test_a_double_click_on_start_makes_one_attempt(learner_client):
    quiz = make_quiz(max_attempts=1)
    _start(learner_client, quiz)
    _start(learner_client, quiz)
    assert QuizAttempt.objects.filter(quiz=quiz).count() == 1


def test_a_forged_choice_gets_a_message_and_saves_nothing(learner_client):
    quiz = make_quiz()
    other = questions_of(make_quiz(title="别的"))[0]
    attempt, _ = _start(learner_client, quiz)
    first = attempt.question_ids[0]
    response = learner_client.post(
        reverse("assessments:attempt", args=[attempt.pk]),
        {"submit": "1", f"q{first}": other.choice_options()[0][0]},
        follow=True,
    )
    assert response.status_code == 200
    assert "An answer did not match its question" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.is_open and not AttemptAnswer.objects.filter(attempt=attempt).exists()


def test_save_and_finish_later_keeps_her_answers(learner_client):
    quiz = make_quiz()
    attempt, _ = _start(learner_client, quiz)
    first = questions_of(quiz)[0]
    choice = first.choice_options()[1][0]
    learner_client.post(
        reverse("assessments:attempt", args=[attempt.pk]), {"save": "1", f"q{first.pk}": choice}
    )
    _start(learner_client, quiz)  # "continue where you stopped"
    html = learner_client.get(reverse("assessments:attempt", args=[attempt.pk])).content.decode()
    assert f'value="{choice}" checked' in html


def test_the_limit_is_shown_and_an_extra_start_is_refused(learner_client, learner):
    quiz = make_quiz(max_attempts=1)
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    attempt_submit(attempt_id=attempt.pk, learner=learner, answers={})
    html = learner_client.get(reverse("assessments:quiz", args=[quiz.pk])).content.decode()
    assert "You have used every attempt" in html
    response = learner_client.post(reverse("assessments:quiz_start", args=[quiz.pk]), follow=True)
    assert "You have used your 1 attempt at this quiz." in response.content.decode()
    assert QuizAttempt.objects.filter(quiz=quiz).count() == 1


def test_other_people_cannot_open_or_submit_her_attempt(client, learner):
    quiz = make_quiz()
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    client.force_login(UserFactory())
    take = reverse("assessments:attempt", args=[attempt.pk])
    assert client.get(take).status_code == 404
    assert client.post(take, {"submit": "1"}).status_code == 404
    attempt_submit(attempt_id=attempt.pk, learner=learner, answers={})
    assert client.get(reverse("assessments:result", args=[attempt.pk])).status_code == 404
    attempt.refresh_from_db()
    assert attempt.score == 0  # her own submission, untouched by the stranger


def test_a_lesson_with_a_quiz_asks_her_to_pass_it(learner_client, site_pages):
    _home, index = site_pages
    quiz = make_quiz(title="安全小测验")
    lesson = put_quiz_in_lesson(lessons_of(make_course(index))[0], quiz)
    html = learner_client.get(lesson.url).content.decode()  # the Chinese page
    assert "安全小测验" in html and "去做测验" in html
    assert "通过测验“安全小测验”，这节课才算学完。" in html
    assert "我学完这节课了" not in html  # no "mark complete" button
    response = learner_client.post(reverse("learn:lesson_complete", args=[lesson.pk]), follow=True)
    assert (
        '<li class="error">通过测验“安全小测验”，这节课才算学完。</li>' in response.content.decode()
    )


def test_an_english_reader_answers_the_english_text_against_the_chinese_key(
    client, learner, site_pages
):
    quiz = make_quiz()
    english = quiz.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    english.title = "Home visit quiz"
    english.save()
    for question in english.questions.all():
        question.text = f"EN {question.text}"
        question.save()
    client.force_login(learner)
    client.post(reverse("assessments:quiz_start", args=[english.pk]))
    attempt = QuizAttempt.objects.get(learner=learner)
    assert attempt.quiz_id == quiz.pk  # attempts always belong to the Chinese quiz
    with translation.override("en"):
        url = reverse("assessments:attempt", args=[attempt.pk])
    assert url.startswith("/en/")
    html = client.get(url).content.decode()
    assert "Home visit quiz" in html and "EN 家访前要做什么？" in html
    client.post(url, {"submit": "1", **_post_answers(right_answers(attempt))})
    attempt.refresh_from_db()
    assert attempt.score == 100


def test_the_quiz_page_states_the_rules_the_settings_make(learner_client):
    """An editor changes the rules; the page follows (no sentence to forget to edit)."""
    quiz = make_quiz(questions=DEFAULT_QUESTIONS * 2, pass_mark=80, max_attempts=3)
    with translation.override("en"):
        url = reverse("assessments:quiz", args=[quiz.pk])
    page = learner_client.get(url).content.decode()
    assert "6 questions" in page and "Pass with 5 of 6 right (80% pass mark)" in page
    assert "Attempts used: 0 of 3" in page and "the right answers and why" in page
    quiz.pass_mark, quiz.draw_count, quiz.show_answers = 50, 4, False
    quiz.save()
    page = learner_client.get(url).content.decode()
    assert "4 questions each time, drawn at random from 6" in page
    assert "Pass with 2 of 4 right (50% pass mark)" in page
    assert "which questions you missed" in page
    with translation.override("zh-hans"):
        page = learner_client.get(reverse("assessments:quiz", args=[quiz.pk])).content.decode()
    assert "答对 2 道（共 4 道）即通过" in page
