"""What the demo's learners have done: lessons completed, quizzes taken, tasks handed in and
graded (people.yaml for the cohort's progress, assessments.yaml for the extra attempts and
the work waiting for the demo mentor).

Why through the learner's and the mentor's services, each at its moment: a lesson completion
moves her course's "last activity" (which the mentor's flags read), a passed quiz in a lesson
completes the lesson, an attempt gets its deadline from its start, a task handed in tells her
mentor and a grade tells her. The services do all of that, with the dates of the moment the
clock shows. Work a learner already has is left as it is, so running the demo twice adds
nothing."""

import datetime

from wagtail.models import Locale

from assessments.models import Question, QuestionKind, QuizAttempt, Submission
from assessments.services import (
    attempt_start,
    attempt_submit,
    submission_draft_save,
    submission_grade,
    submission_submit,
)
from cms.demo.load import load
from courses.levels import Level
from courses.models import CoursePage, LessonCompletion, LessonPage
from courses.services import lesson_complete
from lms.core.translation import canonical
from lms.mentoring.models import MentorAssignment

# One lesson after another in a sitting; a quiz takes a few minutes.
LESSON_TIME = datetime.timedelta(minutes=15)
QUIZ_TIME = datetime.timedelta(minutes=6)


def required_lessons(level):
    """The lessons (Chinese, in course order) a learner must complete for a level."""
    courses = CoursePage.objects.filter(locale=Locale.get_default(), level=level).order_by("path")
    lessons = []
    for course in courses:
        lessons += list(
            LessonPage.objects.descendant_of(course).filter(is_optional=False).order_by("path")
        )
    return lessons


def seed_cohort_progress(people, clock):
    """Varied progress in the demo cohort: each member with `lessons` did the first so many
    primary lessons in one sitting, her last activity `active_days_ago`."""
    lessons = required_lessons(Level.PRIMARY)
    for member in load("people")["cohort"]["members"]:
        if member.get("lessons"):
            complete_lessons(
                people[member["phone"]],
                lessons[: member["lessons"]],
                finished=clock.ago(days=member["active_days_ago"]),
                quiz_correct=member.get("quiz_correct"),
                clock=clock,
            )


def complete_lessons(learner, lessons, *, finished, clock, quiz_correct=None):
    """She works through the lessons she has not completed yet, one after another, the last
    at `finished`. A lesson with a quiz is complete only once its quiz is passed: she takes
    it first (`quiz_correct`: how many right on each try; by default one try, all right)."""
    todo = [
        lesson
        for lesson in lessons
        if not LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()
    ]
    for position, lesson in enumerate(todo):
        moment = finished - LESSON_TIME * (len(todo) - 1 - position)
        for value in lesson.block_values("quiz"):
            quiz = canonical(value["quiz"])
            if not QuizAttempt.objects.filter(learner=learner, quiz=quiz).exists():
                tries = quiz_correct or [quiz_size(quiz)]
                take_quiz(learner, quiz, lesson, tries, ending=moment, clock=clock)
        with clock.at(moment):
            lesson_complete(learner=learner, lesson=lesson)


def quiz_size(quiz):
    """How many questions an attempt at the quiz asks."""
    return quiz.draw_count or quiz.questions.count()


def take_quiz(learner, quiz, lesson, tries, *, ending, clock):
    """Her attempts through the quiz services, one a day, the last handed in at `ending`.
    `tries`: how many questions she gets right each time (the multiple-choice ones go wrong
    first). An attempt in a lesson that passes completes the lesson, as in the app."""
    for number, correct in enumerate(tries):
        submitted = ending - datetime.timedelta(days=len(tries) - 1 - number)
        with clock.at(submitted - QUIZ_TIME):
            attempt, _created = attempt_start(learner=learner, quiz=quiz, lesson=lesson)
        questions = sorted(
            Question.objects.filter(pk__in=attempt.question_ids),
            key=lambda q: (q.kind == QuestionKind.MULTIPLE, q.sort_order),
        )
        answers = {}
        for index, question in enumerate(questions):
            right = sorted(question.correct_ids())
            wrong = [c for c, _text in question.choice_options() if c not in right][:1]
            if index < correct:
                answers[question.pk] = right
            elif question.kind == QuestionKind.MULTIPLE:
                answers[question.pk] = right + wrong  # ticked one too many
            else:
                answers[question.pk] = wrong
        with clock.at(submitted):
            attempt_submit(attempt_id=attempt.pk, learner=learner, answers=answers)


def hand_in(learner, task, text, *, handed_in, clock):
    """She writes her work the day before and hands it in at `handed_in`; her mentor is told."""
    with clock.at(handed_in - datetime.timedelta(days=1)):
        submission_draft_save(learner=learner, task=task, text=text)
    with clock.at(handed_in):
        submission, _handed_in_now = submission_submit(learner=learner, task=task)
    return submission


def pass_task(learner, task, text, *, handed_in, feedback, clock):
    """She hands the task in at `handed_in` and her current mentor passes it the next day,
    with the top level of every criterion. Work she already started is left as it is."""
    if Submission.objects.filter(learner=learner, task=task).exists():
        return
    submission = hand_in(learner, task, text, handed_in=handed_in, clock=clock)
    mentor = MentorAssignment.objects.get(learner=learner, ended_at__isnull=True).mentor
    version = submission.versions.get(submitted_at__isnull=False)
    with clock.at(handed_in + datetime.timedelta(days=1)):
        submission_grade(
            reviewer=mentor,
            submission_id=submission.pk,
            version_id=version.pk,
            levels={
                criterion.pk: max(criterion.level_options(), key=lambda o: o[2])[0]
                for criterion in task.rubric.criteria.all()
            },
            feedback=feedback,
            decision="pass",
        )


def seed_assessment_activity(people, assessments, clock):
    """Quiz attempts and handed-in tasks of a few of the demo mentor's mentees, so the results
    and her grading queue are not empty. A learner who already has an attempt at the quiz,
    or work on the task, is left as she is."""
    data = load("assessments")
    lessons = {}  # quiz slug: the lesson it sits in, if any
    for path, placements in data["lesson_blocks"].items():
        for placement in placements:
            if "quiz" in placement:
                lessons[placement["quiz"]] = LessonPage.objects.get(
                    locale=Locale.get_default(), url_path__endswith=f"/{path}/"
                )
    for attempt in data["attempts"]:
        learner, quiz = people[attempt["learner"]], assessments.quizzes[attempt["quiz"]]
        if QuizAttempt.objects.filter(learner=learner, quiz=quiz).exists():
            continue
        take_quiz(
            learner,
            quiz,
            lessons.get(attempt["quiz"]),
            attempt["correct"],
            ending=clock.ago(days=attempt["days_ago"]),
            clock=clock,
        )
    for work in data["submissions"]:
        learner, task = people[work["learner"]], assessments.tasks[work["task"]]
        if Submission.objects.filter(learner=learner, task=task).exists():
            continue
        hand_in(
            learner, task, work["text"], handed_in=clock.ago(days=work["days_ago"]), clock=clock
        )
