from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from lms.accounts.extensions import level_locked_reason, progress_changed

from .models import CoursePage, Enrolment, EnrolmentSource, LessonCompletion, LessonPage, canonical


def enrolment_create(*, learner, course: CoursePage, source=EnrolmentSource.SELF) -> Enrolment:
    """Enrol a learner in a course. Idempotent: enrolling twice returns the first enrolment.
    She cannot enrol herself in a course of a level that is locked for her."""
    course = canonical(course)
    if source == EnrolmentSource.SELF:
        reason = level_locked_reason(learner, course.level)
        if reason and not Enrolment.objects.filter(learner=learner, course=course).exists():
            raise ValidationError(reason)
    enrolment, _created = Enrolment.objects.get_or_create(
        learner=learner, course=course, defaults={"source": source}
    )
    return enrolment


def enrolments_create_for_level(*, learner_ids, level) -> int:
    """Enrol many learners in every live course of a level, in a fixed number of queries.
    Returns how many enrolments were new."""
    course_ids = list(
        CoursePage.objects.live()
        .filter(level=level, locale=Locale.get_default())
        .values_list("pk", flat=True)
    )
    if not learner_ids or not course_ids:
        return 0
    existing = set(
        Enrolment.objects.filter(learner_id__in=learner_ids, course_id__in=course_ids).values_list(
            "learner_id", "course_id"
        )
    )
    new = [
        Enrolment(learner_id=learner_id, course_id=course_id, source=EnrolmentSource.COHORT)
        for learner_id in learner_ids
        for course_id in course_ids
        if (learner_id, course_id) not in existing
    ]
    # ignore_conflicts: a concurrent run that enrolled the same pair first is not an error.
    Enrolment.objects.bulk_create(new, ignore_conflicts=True, batch_size=1000)
    return len(new)


# Rules from apps above this one (assessments: a lesson with a quiz is complete only when the
# quiz is passed). Each gate is `gate(learner, lesson) -> list of reasons, empty when open`.
_completion_gates = []


def register_completion_gate(gate):
    if gate not in _completion_gates:
        _completion_gates.append(gate)


def lesson_completion_blockers(*, learner, lesson: LessonPage) -> list[str]:
    """Why the learner cannot mark this lesson complete yet (empty: she can): its level is
    locked for her, or a gate holds it (a quiz in the lesson not yet passed)."""
    course = CoursePage.objects.ancestor_of(lesson).only("level").first()
    locked = level_locked_reason(learner, course.level) if course else None
    if locked:
        return [locked]
    return [reason for gate in _completion_gates for reason in gate(learner, lesson)]


@transaction.atomic
def lesson_complete(*, learner, lesson: LessonPage) -> tuple[LessonCompletion, bool]:
    """Mark a lesson complete. Twice is once: returns (completion, created). Raises
    ValidationError while a gate holds it (a quiz in the lesson not yet passed)."""
    lesson = canonical(lesson)
    if not LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists():
        blockers = lesson_completion_blockers(learner=learner, lesson=lesson)
        if blockers:
            raise ValidationError(blockers)
    course = CoursePage.objects.ancestor_of(lesson).first()
    enrolment = enrolment_create(learner=learner, course=course)
    completion, created = LessonCompletion.objects.get_or_create(learner=learner, lesson=lesson)
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=timezone.now())
    if created:
        progress_changed([learner.pk])
    return completion, created


def lesson_visit(*, learner, lesson: LessonPage) -> None:
    """Note that the learner was active in the lesson's course (if she is enrolled)."""
    course_path = lesson.path[: lesson.steplen * (lesson.depth - 2)]  # lesson › module › course
    Enrolment.objects.filter(
        learner=learner,
        course__translation_key__in=Page.objects.filter(path=course_path).values("translation_key"),
    ).update(last_activity_at=timezone.now())
