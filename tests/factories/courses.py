"""Sites, courses, modules and lessons (through Wagtail's own APIs), and progress in them."""

from wagtail.models import Locale, Page, Site

from cms.models import HomePage
from courses.levels import Level
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.services import lesson_complete


def make_site():
    """A home page with a course catalogue, set as the default site's root."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="首页", slug="home-test"))
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    index = home.add_child(instance=CourseIndexPage(title="全部课程", slug="courses"))
    return home, index


def make_course(index, *, title="课程", level=Level.PRIMARY, modules=2, lessons=3, optional=()):
    """A published course with `modules` modules of `lessons` lessons each. `optional` holds the
    (module, lesson) positions of optional lessons."""
    n = CoursePage.objects.count() + 1
    course = index.add_child(
        instance=CoursePage(title=f"{title}{n}", slug=f"course-{n}", level=level, summary="简介")
    )
    for m in range(modules):
        module = course.add_child(instance=ModulePage(title=f"单元{m + 1}", slug=f"module-{m + 1}"))
        for i in range(lessons):
            module.add_child(
                instance=LessonPage(
                    title=f"第{m + 1}.{i + 1}课",
                    slug=f"lesson-{i + 1}",
                    is_optional=(m, i) in optional,
                    body=[{"type": "paragraph", "value": f"<p>课文 {m + 1}.{i + 1}</p>"}],
                )
            )
    return course


def lessons_of(course):
    return list(LessonPage.objects.descendant_of(course).order_by("path"))


def translate_tree(page, language="en"):
    """Copy a page and all its descendants into another locale (as simple_translation does)."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    copies = {}
    for node in [page, *page.get_descendants().order_by("path")]:
        node = node.specific
        if node.get_translation_or_none(locale):
            continue
        copy = node.copy_for_translation(locale, copy_parents=True)
        copy.title = f"EN {node.title}"
        copy.save_revision().publish()
        copies[node.pk] = copy
    return copies


def complete_course(learner, course):
    for lesson in lessons_of(course):
        lesson_complete(learner=learner, lesson=lesson)
