"""Reads for learning pages. Each costs a fixed number of queries however many courses,
modules or lessons there are."""

from dataclasses import dataclass, field

from django.db.models import Exists, F, Func, OuterRef, Q, Subquery
from django.utils.translation import get_language
from wagtail.models import Page

from lms.core.caching import learner_generation, memoized
from lms.core.hooks import lesson_completion_gates, level_locked_reason, level_locks

from .levels import COURSE_LEVEL_CHOICES, Level
from .models import CoursePage, Enrolment, LessonCompletion, LessonPage, ModulePage

# --- What "course completed" means (the one place: progress, readiness, dashboards) ---------


def _required_q(prefix="", course_path=None):
    """A lesson counts toward completing its course when it is published and not optional."""
    condition = Q(**{f"{prefix}live": True, f"{prefix}is_optional": False})
    if course_path is not None:
        condition &= Q(**{f"{prefix}path__startswith": course_path})
    return condition


def required_lessons(course_path=None):
    """The lessons that count toward completing a course (under `course_path`, a path or an
    OuterRef, when given)."""
    return LessonPage.objects.filter(_required_q("", course_path))


def required_completions(course_path=None):
    """Completions of those lessons: a course is complete when a learner has one for each."""
    return LessonCompletion.objects.filter(_required_q("lesson__", course_path))


def _count(queryset):
    return Subquery(
        queryset.order_by().annotate(_n=Func(F("pk"), function="COUNT")).values("_n")[:1]
    )


def _percent(done, total):
    return round(100 * done / total) if total else 0


@dataclass
class CourseProgress:
    course: Page  # in the reader's language when translated
    level: str
    done: int
    total: int
    next_lesson: Page | None
    last_activity_at: object = None

    @property
    def percent(self):
        return _percent(self.done, self.total)

    @property
    def is_complete(self):
        return self.total > 0 and self.done >= self.total

    @property
    def level_label(self):
        return Level(self.level).label


def _kept_for(learner, name, compute, *key):
    """`compute()` about one learner, kept in memory until something of hers, a page or the
    ladder (its level locks) changes (lms/core/caching.py)."""
    return memoized(
        (name, learner.pk, get_language(), *key),
        depends_on=(learner_generation(learner.pk), "pages", "ladder"),
        compute=compute,
    )


def learner_progress(learner, language=None) -> list[CourseProgress]:
    """Every course the learner is enrolled in, with required lessons done / total and the
    next unfinished lesson. Three queries, whatever the number of courses (none while it is
    kept)."""
    if language is None:
        return _kept_for(learner, "progress", lambda: _learner_progress(learner))
    return _learner_progress(learner, language)


def _learner_progress(learner, language=None) -> list[CourseProgress]:
    required = required_lessons(OuterRef("course__path"))
    unfinished = required.filter(
        ~Exists(LessonCompletion.objects.filter(learner=learner, lesson=OuterRef("pk")))
    ).order_by("path")
    enrolments = list(
        Enrolment.objects.filter(learner=learner, course__live=True)
        .select_related("course")
        .annotate(
            total=_count(required),
            done=_count(required_completions(OuterRef("course__path")).filter(learner=learner)),
            next_lesson_id=Subquery(unfinished.values("pk")[:1]),
            first_lesson_id=Subquery(required.order_by("path").values("pk")[:1]),
        )
        .order_by(F("last_activity_at").desc(nulls_last=True), "course__path")
    )
    localize = _localizer(
        course_ids=[e.course_id for e in enrolments],
        lesson_ids=[e.next_lesson_id or e.first_lesson_id for e in enrolments],
        language=language,
    )
    return [
        CourseProgress(
            course=localize(e.course_id),
            level=e.course.level,
            done=e.done,
            total=e.total,
            next_lesson=localize(e.next_lesson_id or e.first_lesson_id),
            last_activity_at=e.last_activity_at,
        )
        for e in enrolments
    ]


def _localizer(*, course_ids, lesson_ids, language=None):
    """Return a function mapping a canonical page id to the page in `language` (or to the
    canonical page when it has no translation). One query for all ids."""
    ids = [pk for pk in [*course_ids, *lesson_ids] if pk]
    language = language or get_language()
    pages = list(
        Page.objects.filter(
            Q(pk__in=ids)
            | Q(
                translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key"),
                locale__language_code=language,
            )
        ).select_related("locale")
    )
    by_id = {p.pk: p for p in pages}
    translated = {p.translation_key: p for p in pages if p.locale.language_code == language}

    def localize(pk):
        page = by_id.get(pk)
        if page is None:
            return None
        return translated.get(page.translation_key, page)

    return localize


@dataclass
class LessonItem:
    page: LessonPage
    completed: bool


@dataclass
class ModuleItem:
    page: ModulePage
    lessons: list = field(default_factory=list)

    @property
    def done(self):
        return sum(1 for lesson in self.lessons if lesson.completed and not lesson.page.is_optional)

    @property
    def total(self):
        return sum(1 for lesson in self.lessons if not lesson.page.is_optional)

    @property
    def percent(self):
        return _percent(self.done, self.total)


@dataclass
class CourseOutline:
    modules: list
    enrolled: bool
    next_lesson: LessonPage | None

    @property
    def done(self):
        return sum(m.done for m in self.modules)

    @property
    def total(self):
        return sum(m.total for m in self.modules)

    @property
    def percent(self):
        return _percent(self.done, self.total)


def course_outline(course: CoursePage, learner, only_module=None) -> CourseOutline:
    """Modules and lessons of a course (in the page's language) with ticks for the learner."""
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    lessons = list(LessonPage.objects.descendant_of(course).live().order_by("path"))
    completed_keys = set()
    enrolled = False
    if learner.is_authenticated:
        completed_keys = set(
            LessonCompletion.objects.filter(
                learner=learner,
                lesson__translation_key__in=[lesson.translation_key for lesson in lessons],
            ).values_list("lesson__translation_key", flat=True)
        )
        enrolled = Enrolment.objects.filter(
            learner=learner, course__translation_key=course.translation_key
        ).exists()
    items = {m.path: ModuleItem(page=m) for m in modules}
    for lesson in lessons:
        module = items.get(lesson.path[: -lesson.steplen])
        if module:
            module.lessons.append(
                LessonItem(page=lesson, completed=lesson.translation_key in completed_keys)
            )
    module_items = [items[m.path] for m in modules]
    if only_module is not None:
        module_items = [m for m in module_items if m.page.pk == only_module.pk]
    next_lesson = next(
        (
            item.page
            for m in module_items
            for item in m.lessons
            if not item.completed and not item.page.is_optional
        ),
        None,
    )
    return CourseOutline(modules=module_items, enrolled=enrolled, next_lesson=next_lesson)


def lesson_context(lesson: LessonPage, learner) -> dict:
    """Where a lesson sits in its course (the course, module, previous and next lesson: kept
    until a page changes), and whether the learner has completed it or what holds it (kept
    until something of hers changes)."""
    context = dict(
        memoized(("lesson-place", lesson.pk), depends_on=("pages",), compute=lambda: _place(lesson))
    )
    context["is_completed"], context["completion_blockers"] = (
        _kept_for(learner, "lesson-state", lambda: _state(lesson, learner), lesson.pk)
        if learner.is_authenticated
        else (False, [])
    )
    return context


def _place(lesson):
    course = CoursePage.objects.ancestor_of(lesson).first()
    siblings = list(
        LessonPage.objects.descendant_of(course)
        .live()
        .order_by("path")
        .only("pk", "title", "url_path", "path", "locale_id")
        if course
        else []
    )
    index = next((i for i, s in enumerate(siblings) if s.pk == lesson.pk), None)
    return {
        "course": course,
        "module": lesson.get_parent(),
        "previous_lesson": siblings[index - 1] if index else None,
        "next_lesson": siblings[index + 1]
        if index is not None and index + 1 < len(siblings)
        else None,
        "lesson_number": (index or 0) + 1,
        "lesson_count": len(siblings),
    }


def _state(lesson, learner):
    completed = LessonCompletion.objects.filter(
        learner=learner, lesson__translation_key=lesson.translation_key
    ).exists()
    blockers = [] if completed else lesson_completion_blockers(learner=learner, lesson=lesson)
    return completed, [str(reason) for reason in blockers]


def lesson_completion_blockers(*, learner, lesson: LessonPage) -> list[str]:
    """Why the learner cannot mark this lesson complete yet (empty: she can): its level is
    locked for her, or a rule of an app above holds it (a quiz in the lesson not yet passed)."""
    course = CoursePage.objects.ancestor_of(lesson).only("level").first()
    locked = level_locked_reason(learner, course.level) if course else None
    if locked:
        return [locked]
    return lesson_completion_gates(learner, lesson)


def module_context(module: ModulePage, learner) -> dict:
    """A module page: its course, the module's outline with her ticks, and its end quiz (shown
    with the same card as a quiz block in a lesson)."""
    course = module.get_parent().specific
    return {
        "course": course,
        "outline": course_outline(course, learner, only_module=module),
        "end_quiz_block": {"quiz": module.end_quiz} if module.end_quiz_id else None,
    }


def course_context(course: CoursePage, learner) -> dict:
    return {
        "outline": course_outline(course, learner),
        "locked_reason": level_locked_reason(learner, course.level)
        if learner.is_authenticated
        else None,
    }


def catalogue_context(index_page, learner) -> dict:
    groups = catalogue_courses(index_page)
    levels = [value for value, _label, _courses in groups]
    return {
        "level_groups": groups,
        "locks": level_locks(learner, levels) if learner.is_authenticated else {},
    }


def catalogue_courses(index_page) -> list[tuple[str, str, list]]:
    """Live courses of the catalogue grouped by level, with cover renditions prefetched."""
    courses = list(
        CoursePage.objects.child_of(index_page)
        .live()
        .select_related("cover_image")
        .prefetch_related("cover_image__renditions")
        .order_by("path")
    )
    return [
        (value, label, [c for c in courses if c.level == value])
        for value, label in COURSE_LEVEL_CHOICES
        if any(c.level == value for c in courses)
    ]


@dataclass
class ProgressSummary:
    done: int = 0
    total: int = 0

    @property
    def percent(self):
        return _percent(self.done, self.total)


def progress_summaries(learner_ids) -> dict[int, ProgressSummary]:
    """Required lessons done / total over all her live courses, for many learners in three
    queries whatever their number (the last returns one row per completed lesson)."""
    learner_ids = list(learner_ids)
    summaries = {pk: ProgressSummary() for pk in learner_ids}
    enrolments = list(
        Enrolment.objects.filter(learner_id__in=learner_ids, course__live=True).values_list(
            "learner_id", "course_id"
        )
    )
    course_ids = {course_id for _learner, course_id in enrolments}
    courses = {
        pk: (path, n)
        for pk, path, n in CoursePage.objects.filter(pk__in=course_ids)
        .annotate(n=_count(required_lessons(OuterRef("path"))))
        .values_list("pk", "path", "n")
    }
    course_paths = {}
    for learner_id, course_id in enrolments:
        path, required = courses[course_id]
        summaries[learner_id].total += required or 0
        course_paths.setdefault(learner_id, []).append(path)
    # Count only completions inside the courses she is enrolled in, as learner_progress does.
    completions = (
        required_completions()
        .filter(learner_id__in=learner_ids)
        .values_list("learner_id", "lesson__path")
    )
    for learner_id, lesson_path in completions:
        if any(lesson_path.startswith(path) for path in course_paths.get(learner_id, ())):
            summaries[learner_id].done += 1
    return summaries
