"""Factories for tests. Pages and tree nodes go through Wagtail / treebeard's own APIs."""

import datetime
import io
import itertools
import uuid

import factory
from django.contrib.auth.models import Group
from django.utils import timezone
from PIL import Image
from wagtail.models import Locale, Page, Site

from assessments.models import PracticalTask, Question, Quiz, Rubric, RubricCriterion
from cms.models import HomePage
from courses.levels import Level
from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from lms.accounts import roles
from lms.accounts.models import Region, RegionKind, User
from lms.mentoring.models import MentorAssignment
from lms.mentoring.services import coaching_contact_log, mentor_profile_save
from lms.programme.models import Cohort

PASSWORD = "a-good-test-password"  # noqa: S105
_region_codes = itertools.count(1)
_phones = itertools.count(1)


def make_region(name="测试省", kind=RegionKind.PROVINCE, parent=None, name_en="", code=None):
    region = Region(name=name, name_en=name_en, kind=kind, code=code or f"r{next(_region_codes)}")
    return parent.add_child(instance=region) if parent else Region.add_root(instance=region)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Sequence(lambda n: f"学员{n}")
    phone = factory.LazyFunction(lambda: f"+86139{next(_phones):08d}")
    phone_verified = True
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        names = extracted if extracted is not None else [roles.LEARNER]
        for name in names:
            group, _ = Group.objects.get_or_create(name=name)
            self.groups.add(group)

    @factory.post_generation
    def staff_regions(self, create, extracted, **kwargs):
        if extracted:
            self.staff_regions.add(*extracted)


def staff_user(*regions, **kwargs):
    roles.sync_role_groups()
    return UserFactory(roles=[roles.PROGRAMME_STAFF], staff_regions=list(regions), **kwargs)


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    name = factory.Sequence(lambda n: f"班级{n}")
    level = Level.PRIMARY
    region = factory.LazyFunction(make_region)
    start_date = datetime.date(2026, 9, 1)
    target_date = datetime.date(2027, 6, 30)


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


def make_mentor(home_region=None, *, capacity=10, serves=(), eligible=True, active=True, **kwargs):
    user = UserFactory(home_region=home_region, roles=[roles.MENTOR], **kwargs)
    mentor_profile_save(
        user=user,
        regions=list(serves),
        is_eligible=eligible,
        is_active=active,
        capacity=capacity,
        shares_phone=True,
    )
    return user


def region_tree():
    """province > county > two townships > two villages each; returns a dict by short name."""
    province = make_region("贵州省", RegionKind.PROVINCE)
    county = make_region("七星关区", RegionKind.COUNTY, province)
    t1 = make_region("洪山街道", RegionKind.TOWNSHIP, county)
    t2 = make_region("撒拉溪镇", RegionKind.TOWNSHIP, county)
    other_province = make_region("安徽省", RegionKind.PROVINCE)
    return {
        "province": province,
        "county": county,
        "t1": t1,
        "t2": t2,
        "v1": make_region("周家桥社区", RegionKind.VILLAGE, t1),
        "v2": make_region("小坝村", RegionKind.VILLAGE, t1),
        "v3": make_region("热水田村", RegionKind.VILLAGE, t2),
        "other_province": other_province,
        "other_county": make_region("利辛县", RegionKind.COUNTY, other_province),
    }


def log_contact(mentor, learner, *, days_ago=0, follow_up=None, follow_up_in=None, note=""):
    """A coaching contact through the service, `days_ago` days back. The follow-up is a date
    or a number of days after the contact."""
    date = timezone.localdate() - datetime.timedelta(days=days_ago)
    if follow_up_in is not None:
        follow_up = date + datetime.timedelta(days=follow_up_in)
    return coaching_contact_log(
        mentor=mentor,
        learner=learner,
        contact_date=date,
        mode="home_visit",
        minutes=30,
        summary="谈了家访",
        follow_up_on=follow_up,
        private_note=note,
        client_token=uuid.uuid4(),
    )[0]


def backdate_assignment(assignment, days):
    """Pretend the assignment started `days` days ago."""
    MentorAssignment.objects.filter(pk=assignment.pk).update(
        started_at=timezone.now() - datetime.timedelta(days=days)
    )


# Assessments --------------------------------------------------------------------------------

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


# Face-to-face training ----------------------------------------------------------------------


def make_session(
    *,
    region=None,
    level=Level.PRIMARY,
    capacity=10,
    starts_in=datetime.timedelta(days=7),
    hours=6,
    facilitators=(),
    **fields,
):
    """A training session starting `starts_in` from now (negative: it has started) and lasting
    `hours`, led by `facilitators`."""
    from lms.programme.models import TrainingSession

    starts_at = timezone.now() + starts_in
    fields.setdefault("title", f"{Level(level).label}面授培训")
    fields.setdefault("venue", "镇文化站二楼")
    session = TrainingSession.objects.create(
        region=region or make_region(),
        level=level,
        capacity=capacity,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(hours=hours),
        **fields,
    )
    session.facilitators.add(*facilitators)
    return session
