"""Learner pages (quizzes, practical tasks, her photos) and the mentor's grading pages.
Mobile-first; every write goes through a service."""

import time

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from courses.models import LessonPage
from lms.accounts.decorators import login_required_with_message, safe_url
from lms.core.caching import valid_until
from lms.core.kept_responses import kept_response
from lms.core.translation import localized
from lms.mentoring.decorators import mentor_required
from lms.mentoring.permissions import is_current_mentor

from .forms import TaskDraftForm
from .models import Decision, PracticalTask, Quiz, QuizAttempt, Submission, SubmissionPhoto
from .permissions import attempts_visible_to, can_grade, can_view_photo
from .selectors import (
    attempt_questions,
    grading_history,
    grading_queue,
    quiz_status,
    rubric_for_grading,
    seconds_left,
    task_state,
)
from .services import (
    attempt_answers_save,
    attempt_close_expired,
    attempt_start,
    attempt_submit,
    submission_draft_save,
    submission_grade,
    submission_submit,
)

# --- Quizzes -----------------------------------------------------------------------------


def _lesson_from(request):
    lesson_id = request.POST.get("lesson") or request.GET.get("lesson")
    if lesson_id and str(lesson_id).isdecimal() and len(str(lesson_id)) < 19:
        return LessonPage.objects.live().filter(pk=lesson_id).first()
    return None


@login_required_with_message
def quiz_detail(request, quiz_id):
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    status = quiz_status(request.user, quiz)
    return render(
        request,
        "assessments/quiz_detail.html",
        {
            "status": status,
            "quiz": status.quiz,
            "lesson": _lesson_from(request),
        },
    )


@require_POST
@login_required_with_message
def quiz_start(request, quiz_id):
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    expired = attempt_close_expired(learner=request.user, quiz=quiz)
    if expired is not None:
        # Show her how the attempt whose time ran out went before she spends another one.
        messages.warning(
            request, _("The time for this quiz is up. Your saved answers were scored.")
        )
        return redirect("assessments:result", attempt_id=expired.pk)
    try:
        attempt, created = attempt_start(
            learner=request.user, quiz=quiz, lesson=_lesson_from(request)
        )
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
        return redirect("assessments:quiz", quiz_id=quiz.pk)
    if not created:
        messages.info(request, _("You are continuing the attempt you started earlier."))
    return redirect("assessments:attempt", attempt_id=attempt.pk)


def _attempt_post(request, attempt_id):
    """Save or submit. The service locks and checks the attempt; someone else's is a 404."""
    answers = _posted_answers(request.POST)
    try:
        if "save" in request.POST:
            attempt = attempt_answers_save(
                attempt_id=attempt_id, learner=request.user, answers=answers
            )
            messages.success(request, _("Your answers are saved. You can finish later."))
            return redirect("assessments:quiz", quiz_id=attempt.quiz_id)
        # A question left empty would cost her a try: unless she said "Submit anyway", her
        # answers are kept and she is asked first.
        attempt, outcome = attempt_submit(
            attempt_id=attempt_id,
            learner=request.user,
            answers=answers,
            when_complete="submit_anyway" not in request.POST,
        )
        if outcome == "unanswered":
            empty = len(attempt.unanswered)
            messages.warning(
                request,
                ngettext(
                    "%(n)s question has no answer yet. Answer it, or press “Submit "
                    "anyway”: this counts as one of your tries.",
                    "%(n)s questions have no answer yet. Answer them, or press “Submit "
                    "anyway”: this counts as one of your tries.",
                    empty,
                )
                % {"n": empty},
            )
            return redirect(reverse("assessments:attempt", args=[attempt.pk]) + "?unanswered=1")
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        if getattr(exc, "code", None) == "missing":
            raise Http404 from exc
        messages.error(request, exc.messages[0])
        if getattr(exc, "code", None) == "closed":
            return redirect("assessments:result", attempt_id=attempt_id)
        return redirect("assessments:attempt", attempt_id=attempt_id)
    if outcome == "late":
        messages.warning(
            request,
            _(
                "The time was up before your answers arrived. The answers you had saved "
                "in time were scored."
            ),
        )
    elif outcome == "already":
        messages.info(request, _("This attempt was already submitted."))
    return redirect("assessments:result", attempt_id=attempt.pk)


def _posted_answers(post) -> dict:
    """Answers arrive as q<question id> = choice id(s)."""
    return {key[1:]: post.getlist(key) for key in post if key.startswith("q") and key != "quiz"}


@login_required_with_message
def attempt_take(request, attempt_id):
    if request.method == "POST":
        return _attempt_post(request, attempt_id)
    attempt = get_object_or_404(
        QuizAttempt.objects.select_related("quiz"), pk=attempt_id, learner=request.user
    )
    if not attempt.is_open:
        return redirect("assessments:result", attempt_id=attempt.pk)
    if attempt.time_is_up():
        # Scored by her press on the quiz page (or by the task within minutes): reading a
        # page changes nothing.
        messages.warning(request, _("The time for this quiz is up."))
        return redirect("assessments:quiz", quiz_id=attempt.quiz_id)
    return render(
        request,
        "assessments/attempt_take.html",
        {
            "attempt": attempt,
            "quiz": localized(attempt.quiz),
            "questions": attempt_questions(attempt, submitted=False, show_key=False),
            "seconds_left": seconds_left(attempt),
        },
    )


@login_required_with_message
def attempt_result(request, attempt_id):
    attempt = get_object_or_404(
        attempts_visible_to(request.user).select_related("quiz", "learner", "lesson"),
        pk=attempt_id,
    )
    if attempt.is_open:
        if attempt.learner_id == request.user.pk:
            return redirect("assessments:attempt", attempt_id=attempt.pk)
        raise Http404
    return render(
        request,
        "assessments/attempt_result.html",
        {
            "attempt": attempt,
            "quiz": localized(attempt.quiz),
            "questions": attempt_questions(
                attempt, submitted=True, show_key=attempt.quiz.show_answers
            ),
            "is_own": attempt.learner_id == request.user.pk,
            "status": quiz_status(attempt.learner, attempt.quiz),
            "lesson": localized(attempt.lesson) if attempt.lesson else None,
        },
    )


# --- Practical tasks ---------------------------------------------------------------------


@login_required_with_message
def task_detail(request, task_id):
    task = get_object_or_404(PracticalTask, pk=task_id)
    form = TaskDraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _task_save(request, task, form.cleaned_data)
        return redirect("assessments:task", task_id=task.pk)
    state = task_state(request.user, task)
    if request.method == "GET" and state.draft is not None:
        form = TaskDraftForm(initial={"text": state.draft.text})
    elif request.method == "GET" and state.history:
        form = TaskDraftForm(initial={"text": state.history[0].text})
    return render(request, "assessments/task_detail.html", {"state": state, "form": form})


def _task_save(request, task, data):
    """Save her draft and, when she asked, hand it in; tell her what happened."""
    try:
        _draft, problems = submission_draft_save(
            learner=request.user,
            task=task,
            text=data["text"],
            photos=request.FILES.getlist("photos"),
            remove_photo_ids=data["remove"],
            form_token=data["form_token"],
        )
        for problem in problems:
            messages.error(request, problem)
        if problems:
            messages.info(request, _("The rest of your draft is saved."))
        elif "submit" in request.POST:
            _submission, now = submission_submit(learner=request.user, task=task)
            if now:
                messages.success(
                    request, _("Handed in. Your mentor has been told and will grade it.")
                )
            else:
                messages.info(request, _("This work was already handed in."))
        else:
            messages.success(request, _("Draft saved. You can come back to it later."))
    except ValidationError as exc:
        if "submit" in request.POST and getattr(exc, "code", None) == "waiting":
            messages.info(request, _("This work was already handed in."))  # a double click
            return
        for message in exc.messages:
            messages.error(request, message)


@login_required_with_message
def photo(request, photo_id, variant):
    if variant not in ("small", "full"):
        raise Http404
    photo = get_object_or_404(
        SubmissionPhoto.objects.select_related("version__submission"), pk=photo_id
    )
    if not can_view_photo(request.user, photo):
        raise Http404
    file = photo.thumbnail if variant == "small" else photo.image
    try:
        response = FileResponse(file.open("rb"), content_type="image/jpeg")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response["Cache-Control"] = "private, max-age=86400"
    return response


# --- Grading (mentor) --------------------------------------------------------------------


@mentor_required
@kept_response
def queue(request):
    rows = grading_queue(request.user)
    if rows:  # "waiting for 3 hours, 5 minutes" moves on every minute
        valid_until(time.time() + 60)
    return render(request, "assessments/grading_queue.html", {"rows": rows})


@mentor_required
def grade(request, submission_id):
    submission = get_object_or_404(
        Submission.objects.select_related("learner", "task__rubric"), pk=submission_id
    )
    if not is_current_mentor(request.user, submission.learner_id):
        raise Http404
    history = grading_history(submission)
    # The newest handed-in version, while it waits for her grade.
    waiting = (
        history[0]
        if history and can_grade(request.user, submission) and not hasattr(history[0], "review")
        else None
    )
    chosen = {}
    errors = []
    if request.method == "POST":
        if waiting is None:
            messages.info(request, _("This work was already graded."))
            return redirect("grading:queue")
        chosen = {
            key.removeprefix("criterion_"): value
            for key, value in request.POST.items()
            if key.startswith("criterion_")
        }
        try:
            _review, created = submission_grade(
                reviewer=request.user,
                submission_id=submission.pk,
                version_id=request.POST.get("version", ""),
                levels=chosen,
                feedback=request.POST.get("feedback", "")[:5000],
                decision=request.POST.get("decision", ""),
            )
        except PermissionDenied as exc:
            raise Http404 from exc
        except ValidationError as exc:
            errors = exc.messages
        else:
            if created:
                messages.success(
                    request,
                    _("Grade saved. %(name)s has been told.") % {"name": submission.learner},
                )
            return redirect(safe_url(request, request.POST.get("next", "")) or "grading:queue")
    criteria = rubric_for_grading(submission.task.rubric)
    for criterion in criteria:
        criterion.selected = chosen.get(str(criterion.criterion.pk), "")
    return render(
        request,
        "assessments/grade.html",
        {
            "submission": submission,
            "task": localized(submission.task),
            "waiting": waiting,
            "history": history,
            "criteria": criteria,
            "rubric": localized(submission.task.rubric),
            "chosen": chosen,
            "feedback": request.POST.get("feedback", ""),
            "decision": request.POST.get("decision", ""),
            "decisions": Decision.choices,
            "errors": errors,
        },
    )
