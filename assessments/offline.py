"""Quizzes and practical tasks in the learner's offline support (courses/offline): the pages a
saved lesson keeps with it, the quiz page she answers with no network (its questions and
choices, never which choice is right), and what happens when her phone sends a quiz answered
or a task written offline. Registered in wagtail_hooks.py."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from courses.models import LessonPage, ModulePage
from courses.offline.sync import Outcome
from lms.accounts.decorators import login_required_with_message
from lms.core.translation import canonical, localized, translations_of

from .models import PracticalTask, Question, QuestionKind, Quiz
from .services import (
    attempt_submit_offline,
    quiz_draw,
    submission_draft_save,
    submission_submit,
)

# --- The pages a saved lesson keeps with it ---------------------------------------------------


def offline_page_extras(request, page) -> list[tuple[str, str]]:
    """Untimed quizzes (their page and the page she answers offline) and practical tasks of a
    lesson, or a module's quiz, with stamps that change when an editor changes them."""
    quizzes, tasks, lesson_query = [], [], ""
    if isinstance(page, LessonPage):
        quizzes = [v["quiz"] for v in page.block_values("quiz") if v["quiz"]]
        tasks = [v["task"] for v in page.block_values("practical_task") if v["task"]]
        lesson_query = f"?lesson={page.pk}"
    elif isinstance(page, ModulePage) and page.end_quiz_id:
        quizzes = [page.end_quiz]
        lesson_query = ""  # the module's quiz card names no lesson
    extras = []
    for quiz in quizzes:
        quiz_canonical = canonical(quiz)
        if quiz_canonical.time_limit_minutes:
            continue  # online only
        stamp = f"quiz:{quiz_canonical.pk}:{localized(quiz_canonical).updated_at}"
        for name in ("assessments:quiz", "assessments:quiz_offline"):
            extras.append((reverse(name, args=[quiz_canonical.pk]) + lesson_query, stamp))
    for task in tasks:
        task_canonical = canonical(task)
        stamp = f"task:{task_canonical.pk}:{localized(task_canonical).updated_at}"
        extras.append((reverse("assessments:task", args=[task_canonical.pk]), stamp))
    return extras


# --- The quiz she answers with no network -------------------------------------------------------


def _offline_questions(quiz):
    """A draw of the quiz's questions in the reader's language, with their choices and no
    key: the draw is made when the page is saved on her phone, and the server checks on
    arrival that her answers are to such a draw."""
    questions, choice_order = quiz_draw(quiz, quiz.questions.order_by("sort_order"))
    shown = translations_of(Question, questions)
    result = []
    for number, question in enumerate(questions, start=1):
        texts = dict(question.choice_options())
        wording = shown[question.pk]
        if wording is not question:
            texts.update((k, v) for k, v in wording.choice_options() if k in texts)
        order = choice_order[question.pk]
        result.append(
            {
                "id": question.pk,
                "number": number,
                "text": wording.text,
                "is_multiple": question.kind == QuestionKind.MULTIPLE,
                "choices": [{"id": cid, "text": texts[cid]} for cid in order],
            }
        )
    return result


@login_required_with_message
def quiz_offline(request, quiz_id):
    quiz = canonical(get_object_or_404(Quiz, pk=quiz_id))
    lesson_id = request.GET.get("lesson", "")
    lesson = None
    if lesson_id.isdecimal() and len(lesson_id) < 19:
        lesson = LessonPage.objects.live().filter(pk=lesson_id).first()
    questions = [] if quiz.time_limit_minutes else _offline_questions(quiz)
    return render(
        request,
        "assessments/quiz_offline.html",
        {
            "quiz": localized(quiz),
            "canonical": quiz,
            "lesson": lesson,
            "questions": questions,
            "question_ids": ",".join(str(q["id"]) for q in questions),
        },
    )


# --- What her phone sends ------------------------------------------------------------------------


def quiz_answered(*, learner, payload, files, at) -> Outcome:
    quiz = Quiz.objects.get(pk=int(payload["quiz"]))
    lesson = None
    if payload.get("lesson"):
        lesson = LessonPage.objects.live().filter(pk=int(payload["lesson"])).first()
    question_ids = [int(pk) for pk in str(payload.get("questions", "")).split(",") if pk]
    attempt, outcome = attempt_submit_offline(
        learner=learner,
        quiz=quiz,
        answers=payload.get("answers") or {},
        question_ids=question_ids,
        lesson=lesson,
        at=at,
    )
    values = {"quiz": localized(attempt.quiz).title, "score": attempt.score}
    url = reverse("assessments:result", args=[attempt.pk])
    if outcome == "already":
        return Outcome.done(_("This attempt was already submitted."), url)
    if attempt.passed:
        message = _("Your answers to “%(quiz)s” were scored: %(score)s%%. You passed!")
    else:
        message = _("Your answers to “%(quiz)s” were scored: %(score)s%%. Not passed yet.")
    return Outcome.done(message % values, url)


def task_written(*, learner, payload, files, at) -> Outcome:
    task = PracticalTask.objects.get(pk=int(payload["task"]))
    photos = [files[name] for name in payload.get("photos") or [] if name in files]
    url = reverse("assessments:task", args=[canonical(task).pk])
    _draft, problems = submission_draft_save(
        learner=learner,
        task=task,
        text=str(payload.get("text", ""))[:10000],
        photos=photos,
        form_token=str(payload["id"])[:64],
    )
    if problems:
        return Outcome.refused(" ".join([*problems, _("The rest of your draft is saved.")]), url)
    if not payload.get("submit"):
        return Outcome.done(_("Draft saved. You can come back to it later."), url)
    try:
        _submission, now = submission_submit(learner=learner, task=task, at=at)
    except ValidationError as exc:  # incomplete: what she wrote stays as her draft
        return Outcome.refused(" ".join([*exc.messages, _("Your draft is saved.")]), url)
    if now:
        return Outcome.done(_("Handed in. Your mentor has been told and will grade it."), url)
    return Outcome.done(_("This work was already handed in."), url)


def offline_actions() -> dict:
    return {"quiz": quiz_answered, "task": task_written}
