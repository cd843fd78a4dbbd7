"""Cases found in review: each would have lost, leaked or duplicated something."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import ProtectedError
from django.urls import reverse
from openpyxl import load_workbook

from assessments.models import QuizAttempt, SubmissionPhoto
from assessments.services import (
    attempt_start,
    attempt_submit,
    submission_draft_save,
    submission_submit,
)
from lms.mentoring.services import mentor_assign
from lms.programme.models import CohortMembership
from tests.factories import (
    CohortFactory,
    UserFactory,
    jpeg_bytes,
    make_mentor,
    make_quiz,
    make_task,
    questions_of,
    right_answers,
    staff_user,
)

pytestmark = pytest.mark.django_db


def _photo():
    return SimpleUploadedFile("a.jpg", jpeg_bytes(), content_type="image/jpeg")


def test_a_score_just_below_the_pass_mark_does_not_round_up_to_a_pass(learner):
    questions = [("true_false", f"第{i}题", True) for i in range(44)]
    quiz = make_quiz(questions=questions, pass_mark=80)
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    answers = {pk: ["true"] for pk in attempt.question_ids[:35]}  # 35 of 44 = 79.5%
    attempt, _ = attempt_submit(attempt_id=attempt.pk, learner=learner, answers=answers)
    assert (attempt.score, attempt.passed) == (80, False)


def test_a_question_removed_while_she_answers_does_not_count_against_her(learner):
    quiz = make_quiz(pass_mark=100)
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    answers = right_answers(attempt)
    questions_of(quiz)[2].delete()
    attempt, _ = attempt_submit(attempt_id=attempt.pk, learner=learner, answers=answers)
    assert (attempt.correct_count, attempt.question_count, attempt.passed) == (2, 2, True)


def test_a_quiz_someone_took_cannot_be_deleted(learner):
    quiz = make_quiz()
    attempt_start(learner=learner, quiz=quiz)
    with pytest.raises(ProtectedError):
        quiz.delete()


def test_continuing_a_timed_out_attempt_shows_its_result_before_spending_another(
    learner_client, learner
):
    quiz = make_quiz(time_limit_minutes=1, max_attempts=2)
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    QuizAttempt.objects.filter(pk=attempt.pk).update(
        deadline=attempt.started_at - datetime.timedelta(minutes=5)
    )
    response = learner_client.post(reverse("assessments:quiz_start", args=[quiz.pk]))
    assert response.url == reverse("assessments:result", args=[attempt.pk])
    assert QuizAttempt.objects.filter(learner=learner).count() == 1


def test_the_same_form_sent_twice_adds_its_photos_once(learner):
    task = make_task(max_photos=4)
    for _ in range(2):
        submission_draft_save(
            learner=learner, task=task, text="x", photos=[_photo(), _photo()], form_token="t1"
        )
    assert SubmissionPhoto.objects.count() == 2
    submission_draft_save(learner=learner, task=task, text="x", photos=[_photo()], form_token="t2")
    assert SubmissionPhoto.objects.count() == 3


def test_a_removed_photo_leaves_no_file_but_a_shared_one_stays(
    learner, province, django_capture_on_commit_callbacks
):
    mentor = make_mentor(province)
    mentor_assign(learner=learner, mentor=mentor)
    task = make_task(max_photos=3)
    draft, _ = submission_draft_save(learner=learner, task=task, text="x", photos=[_photo()])
    removed = draft.photos.get()
    names = [removed.image.name, removed.thumbnail.name]
    with django_capture_on_commit_callbacks(execute=True):
        submission_draft_save(learner=learner, task=task, text="x", remove_photo_ids=[removed.pk])
    assert not any(default_storage.exists(n) for n in names)

    # A photo carried into a revision shares its file with the version handed in.
    draft, _ = submission_draft_save(learner=learner, task=task, text="x", photos=[_photo()])
    submission_submit(learner=learner, task=task)
    from assessments.models import Submission
    from assessments.services import submission_grade
    from tests.factories import levels_for

    submission = Submission.objects.get()
    submission_grade(
        reviewer=mentor,
        submission_id=submission.pk,
        version_id=draft.pk,
        levels=levels_for(task.rubric, "需要改进"),
        feedback="再试试",
        decision="needs_revision",
    )
    revision, _ = submission_draft_save(learner=learner, task=task, text="y")
    shared = revision.photos.get()
    with django_capture_on_commit_callbacks(execute=True):
        submission_draft_save(learner=learner, task=task, text="y", remove_photo_ids=[shared.pk])
    assert default_storage.exists(shared.image.name)  # still shown in the version handed in


@pytest.mark.parametrize("version", ["abc", "", "99999999999999999999999"])
def test_a_malformed_version_on_the_grading_form_is_a_message(client, learner, province, version):
    mentor = make_mentor(province)
    mentor_assign(learner=learner, mentor=mentor)
    task = make_task()
    submission_draft_save(learner=learner, task=task, text="x")
    submission = submission_submit(learner=learner, task=task)[0]
    client.force_login(mentor)
    response = client.post(
        reverse("grading:grade", args=[submission.pk]), {"version": version, "decision": "pass"}
    )
    assert response.status_code == 200
    assert "This submission does not exist." in response.content.decode()


@pytest.mark.parametrize("lesson", ["²", "99999999999999999999999", "abc"])
def test_a_malformed_lesson_parameter_is_ignored(learner_client, lesson):
    quiz = make_quiz()
    assert (
        learner_client.get(
            reverse("assessments:quiz", args=[quiz.pk]), {"lesson": lesson}
        ).status_code
        == 200
    )
    response = learner_client.post(
        reverse("assessments:quiz_start", args=[quiz.pk]), {"lesson": lesson}
    )
    assert response.status_code == 302


def test_a_huge_photo_id_to_remove_does_not_crash(learner_client):
    task = make_task()
    response = learner_client.post(
        reverse("assessments:task", args=[task.pk]),
        {"text": "我的文字", "remove": "99999999999999999999999", "save": "1"},
    )
    assert response.status_code == 200  # the form says what is wrong, her text is on the page
    assert "我的文字" in response.content.decode()


def test_a_name_that_looks_like_a_formula_stays_text_in_the_export(client, province):
    cohort = CohortFactory(region=province)
    person = UserFactory(display_name='=HYPERLINK("http://evil.example","点击")')
    CohortMembership.objects.create(cohort=cohort, learner=person)
    attempt, _ = attempt_start(learner=person, quiz=make_quiz())
    attempt_submit(attempt_id=attempt.pk, learner=person, answers={})
    client.force_login(staff_user(province))
    url = reverse("assessment_results:cohort", args=[cohort.pk])
    book = load_workbook(io.BytesIO(client.get(url, {"export": "xlsx"}).content))
    cell = book.active.cell(row=2, column=1)
    assert cell.data_type == "s" and cell.value.startswith("'=")
    assert "'=HYPERLINK" in client.get(url, {"export": "csv"}).content.decode("utf-8-sig")


def test_every_attempt_over_the_limit_is_refused_even_when_counted_late(learner):
    quiz = make_quiz(max_attempts=1)
    attempt, _ = attempt_start(learner=learner, quiz=quiz)
    attempt_submit(attempt_id=attempt.pk, learner=learner, answers={})
    with pytest.raises(ValidationError):
        attempt_start(learner=learner, quiz=quiz)
    assert QuizAttempt.objects.filter(learner=learner).count() == 1
