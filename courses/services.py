import datetime

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from lms.core.caching import learner_changed
from lms.core.hooks import level_locked_reason
from lms.core.signals import activity_changed, progress_changed
from lms.core.translation import canonical, default_locale

from .models import CoursePage, Enrolment, EnrolmentSource, LessonCompletion, LessonPage
from .selectors import lesson_completion_blockers

# Reading a lesson notes her activity at most this often: a page view writes nothing else,
# and mostly nothing at all.
ACTIVITY_THROTTLE = datetime.timedelta(minutes=10)


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
        .filter(level=level, locale=default_locale())
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
    learner_changed({e.learner_id for e in new})
    return len(new)


@transaction.atomic
def lesson_complete(*, learner, lesson: LessonPage, at=None) -> tuple[LessonCompletion, bool]:
    """Mark a lesson complete (`at`: when she did it, if not now: offline). Twice is once:
    returns (completion, created). Raises ValidationError while a gate holds it (a quiz in
    the lesson not yet passed)."""
    lesson = canonical(lesson)
    if not LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists():
        blockers = lesson_completion_blockers(learner=learner, lesson=lesson)
        if blockers:
            raise ValidationError(blockers)
    course = CoursePage.objects.ancestor_of(lesson).first()
    enrolment = enrolment_create(learner=learner, course=course)
    completion, created = LessonCompletion.objects.get_or_create(
        learner=learner, lesson=lesson, defaults={"completed_at": at or timezone.now()}
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=timezone.now())
    learner_changed([learner.pk])
    if created:
        progress_changed([learner.pk])
    else:
        activity_changed([learner.pk])
    return completion, created


def lesson_visit(*, learner, lesson: LessonPage) -> None:
    """Note that the learner was active in the lesson's course (if she is enrolled), at most
    once per ACTIVITY_THROTTLE: a page view mostly only reads (once noted, a mark in the
    cache spares the database until the throttle has passed; without the cache, the
    database decides)."""
    now = timezone.now()
    course_path = lesson.path[: lesson.steplen * (lesson.depth - 2)]  # lesson › module › course
    mark = f"visited:{learner.pk}:{course_path}"
    if cache.get(mark):
        return
    stale = list(
        Enrolment.objects.filter(
            Q(last_activity_at__isnull=True) | Q(last_activity_at__lt=now - ACTIVITY_THROTTLE),
            learner=learner,
            course__translation_key__in=Page.objects.filter(path=course_path).values(
                "translation_key"
            ),
        ).values_list("pk", flat=True)
    )
    if stale:
        with transaction.atomic():
            Enrolment.objects.filter(pk__in=stale).update(last_activity_at=now)
            activity_changed([learner.pk])
        learner_changed([learner.pk])
    cache.set(mark, True, ACTIVITY_THROTTLE.total_seconds())
