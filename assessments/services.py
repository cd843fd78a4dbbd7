"""Every write about quizzes and practical tasks. Each is atomic and idempotent where a
double click or a retried request could repeat it."""

import random
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import LessonCompletion, canonical
from courses.services import lesson_complete
from lms.accounts.extensions import progress_changed
from lms.mentoring.models import MentorAssignment
from lms.notifications.services import notify_in_language

from .models import (
    AttemptAnswer,
    Decision,
    PracticalTask,
    Question,
    QuestionKind,
    Quiz,
    QuizAttempt,
    Review,
    ReviewScore,
    Submission,
    SubmissionPhoto,
    SubmissionStatus,
    SubmissionVersion,
)
from .permissions import can_grade
from .selectors import localized
from .uploads import photo_process

# --- Quizzes -----------------------------------------------------------------------------


def attempt_start(*, learner, quiz: Quiz, lesson=None) -> tuple[QuizAttempt, bool]:
    """Start an attempt, or return the unfinished one (so a double click, a retry or a second
    tab resumes it). An unfinished attempt whose time ran out is scored first. Raises
    ValidationError when every allowed attempt is used. Returns (attempt, created)."""
    quiz = canonical(quiz)
    open_attempt = QuizAttempt.objects.filter(
        learner=learner, quiz=quiz, submitted_at__isnull=True
    ).first()
    if open_attempt is not None:
        if not open_attempt.time_is_up():
            return open_attempt, False
        attempt_finish_expired(attempt=open_attempt)
    used = QuizAttempt.objects.filter(learner=learner, quiz=quiz).count()
    if quiz.attempts_left(used) == 0:
        raise ValidationError(
            ngettext(
                "You have used your %(n)s attempt at this quiz.",
                "You have used all %(n)s attempts at this quiz.",
                quiz.max_attempts,
            )
            % {"n": quiz.max_attempts},
            code="no_attempts_left",
        )
    questions = list(quiz.questions.order_by("sort_order"))
    if not questions:
        raise ValidationError(_("This quiz has no questions yet."), code="empty")
    rng = random.SystemRandom()
    if quiz.draw_count and quiz.draw_count < len(questions):
        questions = sorted(rng.sample(questions, quiz.draw_count), key=lambda q: q.sort_order)
    if quiz.shuffle_questions:
        rng.shuffle(questions)
    choice_order = {}
    for question in questions:
        ids = [choice_id for choice_id, _text in question.choice_options()]
        if quiz.shuffle_choices and question.kind != QuestionKind.TRUE_FALSE:
            rng.shuffle(ids)
        choice_order[str(question.pk)] = ids
    now = timezone.now()
    if lesson is not None:
        lesson = canonical_lesson_with_quiz(lesson, quiz)
    try:
        with transaction.atomic():
            number = (
                QuizAttempt.objects.filter(learner=learner, quiz=quiz).aggregate(n=Max("number"))[
                    "n"
                ]
                or 0
            ) + 1
            if quiz.max_attempts is not None and number > quiz.max_attempts:
                raise ValidationError(
                    _("You have used all %(n)s attempts at this quiz.") % {"n": quiz.max_attempts},
                    code="no_attempts_left",
                )
            attempt = QuizAttempt.objects.create(
                learner=learner,
                quiz=quiz,
                number=number,
                lesson=lesson,
                started_at=now,
                deadline=now + timedelta(minutes=quiz.time_limit_minutes)
                if quiz.time_limit_minutes
                else None,
                question_ids=[q.pk for q in questions],
                choice_order=choice_order,
                question_count=len(questions),
            )
    except IntegrityError:
        # A concurrent request started one first: resume that one.
        return QuizAttempt.objects.get(learner=learner, quiz=quiz, submitted_at__isnull=True), False
    return attempt, True


def canonical_lesson_with_quiz(lesson, quiz):
    """The lesson (default language) if the quiz is really in it, else None."""
    lesson = canonical(lesson)
    quiz_ids = {canonical(v["quiz"]).pk for v in lesson.block_values("quiz") if v["quiz"]}
    return lesson if quiz.pk in quiz_ids else None


def _clean_answers(attempt, answers, questions) -> dict[int, list[str]]:
    """Check submitted answers against the attempt: only its questions, only each question's
    own choices, one choice where one is asked. Raises ValidationError on forged data."""
    cleaned = {}
    by_id = {q.pk: q for q in questions}
    for raw_id, selected in answers.items():
        try:
            question_id = int(raw_id)
        except (TypeError, ValueError):
            question_id = None
        question = by_id.get(question_id)
        if question is None and question_id in attempt.question_ids:
            continue  # removed by an editor while she was answering: nothing to check
        if question is None or question_id not in attempt.question_ids:
            raise ValidationError(
                _("Your answers did not match this quiz. Please reload the page and try again."),
                code="unknown_question",
            )
        selected = list(dict.fromkeys(str(s) for s in selected))
        valid = {choice_id for choice_id, _text in question.choice_options()}
        if any(choice not in valid for choice in selected):
            raise ValidationError(
                _("An answer did not match its question. Please reload the page and try again."),
                code="unknown_choice",
            )
        if question.kind != QuestionKind.MULTIPLE and len(selected) > 1:
            raise ValidationError(
                _("Choose only one answer for “%(question)s”.") % {"question": question.text},
                code="too_many_choices",
            )
        cleaned[question_id] = selected
    return cleaned


def _store_answers(attempt, cleaned, questions, *, score: bool):
    rows = []
    for question in questions:
        if question.pk not in cleaned and not score:
            continue
        selected = cleaned.get(question.pk, [])
        rows.append(
            AttemptAnswer(
                attempt=attempt,
                question=question,
                selected=selected,
                is_correct=(set(selected) == question.correct_ids()) if score else None,
            )
        )
    if rows:
        AttemptAnswer.objects.bulk_create(
            rows,
            update_conflicts=True,
            unique_fields=["attempt", "question"],
            update_fields=["selected", "is_correct", "answered_at"],
        )


def _saved_answers(attempt):
    return {
        a.question_id: a.selected
        for a in AttemptAnswer.objects.filter(attempt=attempt, question__isnull=False)
    }


def _score(attempt, questions, answers, *, timed_out=False):
    """Score the attempt from `answers` (question id → selected ids) and close it."""
    _store_answers(attempt, answers, questions, score=True)
    correct = sum(1 for q in questions if set(answers.get(q.pk, [])) == q.correct_ids())
    # Scored over the questions that still exist: one an editor removed while she was
    # answering counts neither for nor against her.
    total = len(questions)
    attempt.question_count = total
    attempt.correct_count = correct
    attempt.score = round(100 * correct / total) if total else 0
    # Compared exactly, not through the rounded score: 79.5% does not pass an 80% mark.
    attempt.passed = bool(total) and correct * 100 >= attempt.quiz.pass_mark * total
    attempt.submitted_at = timezone.now()
    attempt.timed_out = timed_out
    attempt.save(
        update_fields=[
            "question_count",
            "correct_count",
            "score",
            "passed",
            "submitted_at",
            "timed_out",
        ]
    )
    if attempt.passed:
        progress_changed([attempt.learner_id])
        if attempt.lesson_id:
            _complete_lesson_if_open(attempt)


def _complete_lesson_if_open(attempt):
    lesson = attempt.lesson
    if LessonCompletion.objects.filter(learner=attempt.learner_id, lesson=lesson).exists():
        return
    try:
        with transaction.atomic():
            lesson_complete(learner=attempt.learner, lesson=lesson)
    except ValidationError:
        pass  # another quiz in the same lesson is still to be passed


def _locked_attempt(attempt_id, learner):
    attempt = (
        QuizAttempt.objects.select_for_update(of=("self",))
        .select_related("quiz", "lesson")
        .filter(pk=attempt_id)
        .first()
    )
    if attempt is None:
        raise ValidationError(_("This quiz attempt does not exist."), code="missing")
    if attempt.learner_id != learner.pk:
        raise PermissionDenied
    return attempt


def _questions_of(attempt):
    return list(Question.objects.filter(pk__in=attempt.question_ids))


@transaction.atomic
def attempt_answers_save(*, attempt_id, learner, answers) -> QuizAttempt:
    """Save answers without submitting, to finish later. Refused once the attempt is closed
    or its time is up."""
    attempt = _locked_attempt(attempt_id, learner)
    if not attempt.is_open:
        raise ValidationError(_("This attempt was already submitted."), code="closed")
    if attempt.time_is_up():
        raise ValidationError(
            _("The time for this quiz is up; your answers can no longer be changed."),
            code="time_up",
        )
    questions = _questions_of(attempt)
    _store_answers(attempt, _clean_answers(attempt, answers, questions), questions, score=False)
    return attempt


@transaction.atomic
def attempt_submit(*, attempt_id, learner, answers) -> tuple[QuizAttempt, str]:
    """Submit and score an attempt in one short transaction. Returns (attempt, outcome):
    "submitted"; "already" when it was submitted before (a double click or a retry: nothing
    changes); "late" when the time limit had passed: the answers sent now are not taken and
    the answers saved before the limit are scored. Forged answers raise ValidationError and
    change nothing."""
    attempt = _locked_attempt(attempt_id, learner)
    if not attempt.is_open:
        return attempt, "already"
    questions = _questions_of(attempt)
    if attempt.time_is_up():
        _score(attempt, questions, _saved_answers(attempt), timed_out=True)
        return attempt, "late"
    merged = {**_saved_answers(attempt), **_clean_answers(attempt, answers, questions)}
    _score(attempt, questions, merged)
    return attempt, "submitted"


def attempt_finish_expired(*, attempt) -> bool:
    """Score an unfinished attempt whose time is up with the answers saved in time.
    Returns whether it closed it."""
    if not attempt.is_open or not attempt.time_is_up():
        return False
    with transaction.atomic():
        attempt = (
            QuizAttempt.objects.select_for_update(of=("self",))
            .select_related("quiz")
            .get(pk=attempt.pk)
        )
        if not attempt.is_open:
            return False
        _score(attempt, _questions_of(attempt), _saved_answers(attempt), timed_out=True)
    return True


# --- Practical tasks ---------------------------------------------------------------------


def _submission_for(learner, task) -> Submission:
    try:
        with transaction.atomic():
            submission, _created = Submission.objects.get_or_create(learner=learner, task=task)
    except IntegrityError:
        submission = Submission.objects.get(learner=learner, task=task)
    return submission


def _draft_for(submission) -> SubmissionVersion:
    """Her draft, or a new one that starts from her last handed-in version."""
    draft = submission.versions.filter(submitted_at__isnull=True).first()
    if draft is not None:
        return draft
    last = submission.versions.order_by("-number").first()
    draft = SubmissionVersion.objects.create(
        submission=submission,
        number=(last.number + 1) if last else 1,
        text=last.text if last else "",
    )
    if last is not None:
        # Start the revision from what she handed in; the files are shared, not copied.
        SubmissionPhoto.objects.bulk_create(
            [
                SubmissionPhoto(
                    version=draft,
                    image=p.image.name,
                    thumbnail=p.thumbnail.name,
                    width=p.width,
                    height=p.height,
                    uploaded_at=p.uploaded_at,
                )
                for p in last.photos.all()
            ]
        )
    return draft


def _check_editable(submission):
    if submission.status == SubmissionStatus.PASSED:
        raise ValidationError(_("This task is already passed."), code="passed")
    if submission.status == SubmissionStatus.SUBMITTED:
        raise ValidationError(
            _("Your work is waiting for your mentor; you can change it after she grades it."),
            code="waiting",
        )


def submission_draft_save(
    *, learner, task: PracticalTask, text: str, photos=(), remove_photo_ids=(), form_token=""
) -> tuple[SubmissionVersion, list[str]]:
    """Save her draft: the text, new photos, photos she removed. A photo that fails the
    checks is left out with a message and the rest is still saved. `form_token` identifies
    the form she sent: the same form sent again (a double click, a retry) adds no photo twice.
    Returns (draft, messages about refused photos). Raises ValidationError when the work
    cannot be changed."""
    task = canonical(task)
    submission = _submission_for(learner, task)
    _check_editable(submission)  # before decoding any photo
    problems = []
    photos = list(photos)
    if len(photos) > task.max_photos:
        problems.append(_too_many_photos(task))
        photos = photos[: task.max_photos]  # never decode more than could be kept
    processed = []
    for upload in photos:
        try:
            processed.append(photo_process(upload))
        except ValidationError as exc:
            name = getattr(upload, "name", "") or _("photo")
            problems.append(_("%(name)s: %(problem)s") % {"name": name, "problem": exc.messages[0]})
    written = []
    try:
        with transaction.atomic():
            submission = Submission.objects.select_for_update(of=("self",)).get(pk=submission.pk)
            _check_editable(submission)
            draft = _draft_for(submission)
            repeated = bool(form_token) and draft.last_form_token == form_token
            draft.text = text.strip()
            draft.last_form_token = form_token or draft.last_form_token
            draft.save(update_fields=["text", "last_form_token"])
            if remove_photo_ids:
                removed = draft.photos.filter(pk__in=list(remove_photo_ids))
                gone = [name for pair in removed.values_list("image", "thumbnail") for name in pair]
                removed.delete()
                transaction.on_commit(lambda: _delete_unreferenced_files(gone))
            if repeated:
                processed = []
            room = task.max_photos - draft.photos.count()
            if len(processed) > room:
                if _too_many_photos(task) not in problems:
                    problems.append(_too_many_photos(task))
                processed = processed[: max(room, 0)]
            for photo in processed:
                saved = SubmissionPhoto.objects.create(
                    version=draft, image=photo.image, thumbnail=photo.thumbnail
                )
                written += [saved.image.name, saved.thumbnail.name]
    except BaseException:
        _delete_unreferenced_files(written)  # files saved before the rollback
        raise
    return draft, problems


def _too_many_photos(task):
    return ngettext(
        "You can hand in at most %(n)s photo; the extra one was not added.",
        "You can hand in at most %(n)s photos; the extra ones were not added.",
        task.max_photos,
    ) % {"n": task.max_photos}


def _delete_unreferenced_files(names):
    """Delete photo files no version uses any more. (A revision shares its photos' files with
    the version before, so a file goes only when its last row does.) A photo she removed
    leaves nothing behind: it may show something she did not want kept."""
    for name in names:
        if not SubmissionPhoto.objects.filter(Q(image=name) | Q(thumbnail=name)).exists():
            default_storage.delete(name)


def submission_submit(*, learner, task: PracticalTask) -> tuple[Submission, bool]:
    """Hand in her draft for grading and tell her mentor. Twice is once: returns
    (submission, handed_in_now). Raises ValidationError when the draft is incomplete."""
    task = canonical(task)
    with transaction.atomic():
        submission = (
            Submission.objects.select_for_update(of=("self",))
            .filter(learner=learner, task=task)
            .first()
        )
        if submission is None:
            raise ValidationError(_("Write your answer or add photos first."), code="empty")
        if submission.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.PASSED):
            return submission, False
        draft = submission.versions.filter(submitted_at__isnull=True).first()
        if draft is None:
            raise ValidationError(_("Write your answer or add photos first."), code="empty")
        problems = []
        if task.text_required and not draft.text.strip():
            problems.append(_("Write your answer before handing in."))
        photo_count = draft.photos.count()
        if photo_count < task.min_photos:
            problems.append(
                ngettext(
                    "Add at least %(n)s photo before handing in.",
                    "Add at least %(n)s photos before handing in.",
                    task.min_photos,
                )
                % {"n": task.min_photos}
            )
        if not draft.text.strip() and not photo_count:
            problems.append(_("Write your answer or add photos first."))
        if problems:
            raise ValidationError(problems, code="incomplete")
        now = timezone.now()
        draft.submitted_at = now
        draft.save(update_fields=["submitted_at"])
        submission.status = SubmissionStatus.SUBMITTED
        submission.submitted_at = now
        submission.save(update_fields=["status", "submitted_at", "updated_at"])
        _notify_mentor(submission, draft)
    return submission, True


def _notify_mentor(submission, version):
    assignment = (
        MentorAssignment.objects.filter(learner_id=submission.learner_id, ended_at__isnull=True)
        .select_related("mentor")
        .first()
    )
    if assignment is None:
        return  # staff see it waiting in the results; assigning a mentor shows it to her
    notify_in_language(
        recipient=assignment.mentor,
        kind="submission_waiting",
        dedupe_key=f"submission-version:{version.pk}",
        title=lambda: (
            _("%(name)s handed in “%(task)s”")
            % {"name": submission.learner, "task": localized(submission.task).title}
        ),
        body=lambda: _("Her work is waiting for you to grade it."),
        url=lambda: reverse("grading:grade", args=[submission.pk]),
    )


def rubric_choices(criteria, levels: dict) -> list:
    """[(criterion, (level id, label, points))] for the level chosen for each criterion;
    `levels` maps criterion ids (int or str) to level ids. A criterion without a valid choice
    is refused with its name."""
    chosen = []
    for criterion in criteria:
        wanted = str(levels.get(criterion.pk) or levels.get(str(criterion.pk)) or "")
        match = next((o for o in criterion.level_options() if o[0] == wanted), None)
        if match is None:
            raise ValidationError(
                _("Choose a level for “%(criterion)s”.") % {"criterion": criterion.title},
                code="level_missing",
            )
        chosen.append((criterion, match))
    return chosen


def submission_grade(
    *, reviewer, submission_id, version_id, levels: dict, feedback: str, decision: str
) -> tuple[Review, bool]:
    """Her mentor grades the version waiting: a level per rubric criterion, feedback and a
    decision. Passing needs the rubric's points. A second identical request (double click)
    returns the first review. Returns (review, created)."""
    with transaction.atomic():
        submission = (
            Submission.objects.select_for_update(of=("self",))
            .select_related("task__rubric", "learner")
            .filter(pk=submission_id)
            .first()
        )
        if submission is None:
            raise ValidationError(_("This submission does not exist."), code="missing")
        version = (
            submission.versions.filter(pk=version_id).first()
            if str(version_id).isdecimal() and len(str(version_id)) < 19
            else None
        )
        if version is None:
            raise ValidationError(_("This submission does not exist."), code="missing")
        existing = Review.objects.filter(version=version).first()
        if existing is not None:
            if existing.reviewer_id == reviewer.pk:
                return existing, False
            raise ValidationError(_("This work was already graded."), code="graded")
        if not can_grade(reviewer, submission):
            raise PermissionDenied
        if version.submitted_at is None:
            raise ValidationError(_("This version was not handed in."), code="draft")
        if decision not in Decision.values:
            raise ValidationError(_("Choose pass or needs revision."), code="decision")
        rubric = submission.task.rubric
        criteria = list(rubric.criteria.all())
        scores = rubric_choices(criteria, levels)
        unknown = {str(k) for k in levels} - {str(c.pk) for c in criteria}
        if unknown:
            raise ValidationError(
                _("The grading form did not match this rubric. Please reload the page."),
                code="unknown_criterion",
            )
        total = sum(match[2] for _criterion, match in scores)
        if decision == Decision.PASS and total < rubric.pass_points:
            raise ValidationError(
                _(
                    "%(total)s points is below the %(needed)s needed to pass. Choose “needs "
                    "revision” or check the levels."
                )
                % {"total": total, "needed": rubric.pass_points},
                code="below_pass",
            )
        feedback = feedback.strip()
        if decision == Decision.NEEDS_REVISION and not feedback:
            raise ValidationError(
                _("Tell her what to improve: feedback is needed for a revision."),
                code="feedback",
            )
        review = Review.objects.create(
            version=version,
            reviewer=reviewer,
            decision=decision,
            feedback=feedback,
            total_points=total,
        )
        ReviewScore.objects.bulk_create(
            [
                ReviewScore(
                    review=review,
                    criterion=criterion,
                    criterion_title=criterion.title,
                    level_id=match[0],
                    level_label=match[1],
                    points=match[2],
                )
                for criterion, match in scores
            ]
        )
        submission.status = (
            SubmissionStatus.PASSED
            if decision == Decision.PASS
            else SubmissionStatus.NEEDS_REVISION
        )
        submission.submitted_at = None
        submission.save(update_fields=["status", "submitted_at", "updated_at"])
        if decision == Decision.PASS:
            progress_changed([submission.learner_id])
        _notify_learner(submission, review)
    return review, True


def _notify_learner(submission, review):
    def title():
        task = localized(submission.task).title
        if review.decision == Decision.PASS:
            return _("Your task “%(task)s” is passed") % {"task": task}
        return _("Your task “%(task)s” needs revision") % {"task": task}

    notify_in_language(
        recipient=submission.learner,
        kind="submission_graded",
        dedupe_key=f"review:{review.pk}",
        title=title,
        body=review.feedback[:500],
        url=lambda: reverse("assessments:task", args=[submission.task_id]),
    )
