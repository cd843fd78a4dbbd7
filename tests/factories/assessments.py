"""Quizzes, rubrics and practical tasks, and a learner's attempts and graded work, through
the assessments services."""

import io
import uuid

from PIL import Image

from assessments.models import PracticalTask, Question, Quiz, Rubric, RubricCriterion
from assessments.services import (
    attempt_start,
    attempt_submit,
    submission_draft_save,
    submission_grade,
    submission_submit,
)
from courses.models import LessonPage

DEFAULT_QUESTIONS = [
    (
        "single",
        "家访前要做什么？",
        [("提前和家长约好时间", True), ("直接上门", False), ("不用准备", False)],
    ),
    (
        "multiple",
        "哪些是儿童之家的安全要求？",
        [("插座有盖", True), ("药品锁好", True), ("门一直锁着", False)],
    ),
    ("true_false", "孩子的照片可以随便发到群里。", False),
]


def make_quiz(title="家访测验", *, questions=DEFAULT_QUESTIONS, **rules):
    """A quiz in the default language. Each question is (kind, text, choices) with choices as
    [(text, is_correct)], or ("true_false", text, statement_is_true)."""
    quiz = Quiz.objects.create(title=title, **rules)
    for order, (kind, text, spec) in enumerate(questions):
        question = Question(quiz=quiz, kind=kind, text=text, sort_order=order)
        if kind == "true_false":
            question.statement_is_true = spec
        else:
            question.choices = [
                {"type": "choice", "value": {"text": t, "is_correct": c}, "id": str(uuid.uuid4())}
                for t, c in spec
            ]
        question.explanation = f"解释：{text}"
        question.save()
    return quiz


def questions_of(quiz):
    return list(quiz.questions.order_by("sort_order"))


def right_answers(attempt):
    """{question id: the correct choice ids} for every question of the attempt."""
    questions = {q.pk: q for q in Question.objects.filter(pk__in=attempt.question_ids)}
    return {pk: sorted(questions[pk].correct_ids()) for pk in attempt.question_ids}


def wrong_answers(attempt):
    answers = {}
    for pk in attempt.question_ids:
        question = Question.objects.get(pk=pk)
        wrong = [cid for cid, _t in question.choice_options() if cid not in question.correct_ids()]
        answers[pk] = wrong[:1]
    return answers


def make_rubric(title="活动方案评分", *, criteria=("目标清楚", "考虑安全"), pass_points=4):
    """Each criterion has levels 需要改进 (0), 基本达到 (2), 很好 (3)."""
    rubric = Rubric.objects.create(title=title, pass_points=pass_points)
    for order, name in enumerate(criteria):
        RubricCriterion.objects.create(
            rubric=rubric,
            title=name,
            sort_order=order,
            levels=[
                {
                    "type": "level",
                    "id": str(uuid.uuid4()),
                    "value": {"label": label, "description": "", "points": points},
                }
                for label, points in (("需要改进", 0), ("基本达到", 2), ("很好", 3))
            ],
        )
    return rubric


def make_task(title="设计一次活动", *, rubric=None, **fields):
    fields.setdefault("instructions", "<p>写一个活动方案。</p>")
    return PracticalTask.objects.create(title=title, rubric=rubric or make_rubric(), **fields)


def levels_for(rubric, label):
    """{criterion id: id of the level called `label`} for every criterion of the rubric."""
    return {
        c.pk: next(o[0] for o in c.level_options() if o[1] == label) for c in rubric.criteria.all()
    }


def jpeg_bytes(size=(640, 480), color=(200, 120, 80)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG")
    return buffer.getvalue()


def put_quiz_in_lesson(lesson, quiz):
    lesson.body.append(("quiz", {"quiz": quiz}))
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)


def take_quiz(learner, quiz, *, passing=True):
    attempt, _created = attempt_start(learner=learner, quiz=quiz)
    answers = right_answers(attempt) if passing else wrong_answers(attempt)
    return attempt_submit(attempt_id=attempt.pk, learner=learner, answers=answers)[0]


def pass_task(learner, task, mentor, *, label="很好"):

    submission_draft_save(
        learner=learner, task=task, text="我的活动方案", form_token=uuid.uuid4().hex
    )
    submission, _created = submission_submit(learner=learner, task=task)
    version = submission.versions.order_by("-pk").first()
    submission_grade(
        reviewer=mentor,
        submission_id=submission.pk,
        version_id=version.pk,
        levels=levels_for(task.rubric, label),
        decision="pass" if label != "需要改进" else "needs_revision",
        feedback="很好",
    )
    return submission
