"""The demo site's pages: the home page, About, and the course catalogue (site.yaml and
catalogue.yaml), in Chinese with English translations made through Wagtail's translation
API, and the quizzes and tasks placed in lessons and modules (assessments.yaml).

Why through Wagtail's page tree and revisions, as an editor's "publish" would: the page tree,
the live revision and the translation keys are what the site, the admin's history and the
learners' progress read. A page that exists is left as editors made it: it is found by its
slug under its parent, its translation is made only once, and a quiz or task block is added
to a lesson only when it is missing (a lesson made before its quiz existed gets it later)."""

from wagtail.models import Page, Site

from cms.demo.load import load
from cms.models import HomePage, SiteSettings, StandardPage
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage


def seed_site(zh, en):
    """The home page (the site's root, in place of Wagtail's placeholder) and About."""
    data = load("site")
    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.filter(locale=zh).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(slug=data["home"]["slug"], locale=zh, **texts(data["home"], "zh"))
        )
        home.save_revision().publish()
        welcome = site.root_page  # the placeholder page Wagtail's migrations create
        site.root_page = home
        site.site_name = data["site_name"]
        site.save()
        if welcome.specific_class is Page:
            welcome.delete()
    translate(home, en, texts(data["home"], "en"))
    settings = SiteSettings.for_site(site)
    if not settings.contact_phone:
        settings.contact_phone = data["contact_phone"]
        settings.save()
    about = data["about"]
    page = StandardPage.objects.child_of(home).filter(slug=about["slug"]).first()
    if page is None:
        page = home.add_child(
            instance=StandardPage(
                slug=about["slug"], show_in_menus=True, **standard_page(about, "zh")
            )
        )
        page.save_revision().publish()
    translate(page, en, standard_page(about, "en"))
    return home


def standard_page(data, language):
    return {
        "title": data["title"][language],
        "intro": data["intro"][language],
        "body": [{"type": "paragraph", "value": data["body"][language]}],
    }


def texts(data, language):
    """The page's fields in one language: every {zh, en} pair of `data`."""
    return {name: value[language] for name, value in data.items() if isinstance(value, dict)}


def seed_catalogue(home, en, assessments):
    """The course index, and every course, module and lesson under it."""
    data = load("catalogue")
    placed = load("assessments")
    lesson_blocks = placed["lesson_blocks"]
    end_quizzes = placed["module_end_quizzes"]
    index_data = load("site")["catalogue"]
    index = CourseIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=CourseIndexPage(slug=index_data["slug"], **texts(index_data, "zh"))
        )
        index.save_revision().publish()
    translate(index, en, texts(index_data, "en"))
    for course_data in data["courses"]:
        course = child(
            index,
            CoursePage,
            course_data["slug"],
            title=course_data["title"]["zh"],
            summary=course_data["summary"]["zh"],
            level=course_data["level"],
            estimated_minutes=course_data["minutes"],
        )
        translate(
            course,
            en,
            {"title": course_data["title"]["en"], "summary": course_data["summary"]["en"]},
        )
        for module_data in course_data["modules"]:
            path = f"{course_data['slug']}/{module_data['slug']}"
            end_quiz = assessments.quizzes.get(end_quizzes.get(path))
            module = child(
                course,
                ModulePage,
                module_data["slug"],
                title=module_data["title"]["zh"],
                intro=module_data["intro"]["zh"],
                end_quiz=end_quiz,
            )
            translate(
                module,
                en,
                {"title": module_data["title"]["en"], "intro": module_data["intro"]["en"]},
            )
            if end_quiz is not None:
                for page in (module, module.get_translation(en)):
                    ensure_end_quiz(page, end_quiz)
            for lesson_data in module_data["lessons"]:
                # Both languages point at the Chinese quiz or task: the app shows each in the
                # reader's language and keeps her attempts on the Chinese one.
                extra = assessment_blocks(
                    lesson_blocks.get(f"{path}/{lesson_data['slug']}", []), assessments
                )
                lesson = child(
                    module,
                    LessonPage,
                    lesson_data["slug"],
                    title=lesson_data["title"]["zh"],
                    estimated_minutes=lesson_data["minutes"],
                    is_optional=lesson_data["optional"],
                    body=lesson_body(lesson_data["body"], "zh") + extra,
                )
                translate(
                    lesson,
                    en,
                    {
                        "title": lesson_data["title"]["en"],
                        "body": lesson_body(lesson_data["body"], "en") + extra,
                    },
                )
                if extra:
                    for page in (lesson, lesson.get_translation(en)):
                        ensure_blocks(page, extra)
    return index


def lesson_body(blocks, language):
    """The StreamField value of a lesson's blocks in one language."""
    body = []
    for block in blocks:
        ((kind, text),) = block.items()
        value = text[language]
        if kind == "tip":
            body.append({"type": "tip", "value": {"title": "", "text": f"<p>{value}</p>"}})
        elif kind == "reflection":
            body.append({"type": "reflection", "value": {"prompt": value}})
        else:
            body.append({"type": kind, "value": value})
    return body


def assessment_blocks(placements, assessments):
    """The raw quiz and task blocks that end a lesson's body: [{quiz: slug} or
    {practical_task: slug}, …] from assessments.yaml."""
    blocks = []
    for placement in placements:
        ((block_type, slug),) = placement.items()
        if block_type == "quiz":
            value = {"quiz": assessments.quizzes[slug].pk}
        else:
            value = {"task": assessments.tasks[slug].pk}
        blocks.append({"type": block_type, "value": value})
    return blocks


def ensure_blocks(lesson, blocks):
    """Add the blocks a lesson seeded before assessments existed lacks, once."""
    raw = [dict(block) for block in lesson.body.raw_data]
    missing = [
        block
        for block in blocks
        if not any(r["type"] == block["type"] and r["value"] == block["value"] for r in raw)
    ]
    if missing:
        lesson.body = raw + missing
        lesson.save_revision().publish()


def ensure_end_quiz(module, quiz):
    if module.end_quiz_id != quiz.pk:
        module.end_quiz = quiz
        module.save_revision().publish()


def child(parent, model, slug, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(slug=slug, **fields))
        page.save_revision().publish()
    return page


def translate(page, locale, fields):
    """Create the page's translation in `locale` once, with the given fields."""
    if page.get_translation_or_none(locale):
        return
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
