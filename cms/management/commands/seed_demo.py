"""Load the demo: regions, a course catalogue in Chinese and English with quizzes and practical
tasks, the certification ladder, users of every role, a cohort with varied progress, quiz
results and work waiting to be graded, face-to-face training sessions, and learners at each
step of the ladder. Safe to run again: it adds only what is missing."""

import datetime
import uuid

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from assessments.models import (
    PracticalTask,
    Question,
    QuestionKind,
    Quiz,
    QuizAttempt,
    Review,
    Rubric,
    RubricCriterion,
    Submission,
    SubmissionVersion,
)
from assessments.services import (
    attempt_start,
    attempt_submit,
    submission_draft_save,
    submission_grade,
    submission_submit,
)
from certificates.models import (
    ApprovalRequest,
    Certificate,
    CertificateSettings,
    CertificationLevel,
    LevelRequirement,
    SignOff,
)
from certificates.services import (
    certificate_award_if_ready,
    certificate_issue,
    sign_off_create,
)
from cms.demo.assessments import (
    DEMO_ATTEMPTS,
    DEMO_SUBMISSIONS,
    LESSON_BLOCKS,
    MODULE_END_QUIZZES,
    QUIZZES,
    RUBRICS,
    TASKS,
)
from cms.demo.catalogue import COURSES
from cms.demo.ladder import (
    AWAITING_APPROVAL,
    CERTIFICATE_DESIGN,
    LADDER_CONTACTS,
    LEVELS,
    MENTOR_CERTIFICATES,
    OBSERVATION_RUBRIC,
    OBSERVATION_RUBRIC_SLUG,
    PRIMARY_HOLDERS,
    READY_LEARNER,
    REFLECTION_TEXTS,
    SESSION_FACILITATOR,
    SESSIONS,
    SIGN_OFF_COMMENTS,
)
from cms.demo.regions import COHORT_LEARNERS, REGIONS
from cms.models import HomePage, SiteSettings, StandardPage
from courses.levels import Level
from courses.models import (
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    ModulePage,
)
from courses.services import lesson_complete
from lms.accounts import roles
from lms.accounts.models import Region, User
from lms.accounts.services import region_create, user_create
from lms.core.dates import add_months
from lms.core.translation import canonical
from lms.mentoring.models import CoachingContact, MentorAssignment
from lms.mentoring.services import coaching_contact_log, mentor_assign, mentor_profile_save
from lms.notifications.models import Notification
from lms.programme.models import (
    Attendance,
    BookingStatus,
    Cohort,
    CohortMembership,
    SessionBooking,
    TrainingSession,
)
from lms.programme.services import (
    attendance_mark,
    cohort_enrol_members,
    session_book,
    session_save,
)

PASSWORD = "companion-demo"  # noqa: S105 - published demo password

DEMO_ACCOUNTS = [
    # phone, name, roles, region code, extra
    ("13800000001", "王小梅", [roles.LEARNER], "gz-qxg-hongshan-zhoujiaqiao", {}),
    ("13800000002", "张丽华", [roles.MENTOR, roles.LEARNER], "gz-qxg-hongshan-zhoujiaqiao", {}),
    ("13800000003", "刘建国", [roles.PROGRAMME_STAFF], "gz-qxg", {"staff_regions": ["gz"]}),
    ("13800000004", "陈静", [roles.CONTENT_EDITOR], "gz", {"superuser": True}),
    ("13800000005", "周美华", [roles.MENTOR, roles.LEARNER], "gz-qxg-salaxi-reshuitian", {}),
    ("13800000006", "吴春兰", [roles.MENTOR, roles.LEARNER], "ah-lixin-kantuan-wangzhuang", {}),
    # In the demo cohort, ready for her primary sign-off (see seed_ladder_activity).
    (READY_LEARNER["phone"], READY_LEARNER["name"], [roles.LEARNER], READY_LEARNER["region"], {}),
]
COHORT_NAME = "七星关区2026年初级班"

# Mentor profiles: phone -> (capacity, regions served).
DEMO_MENTORS = {
    "13800000002": (25, ["gz-qxg"]),
    "13800000005": (8, ["gz-qxg-salaxi"]),
    "13800000006": (10, ["ah-lixin"]),
}
# Cohort learners (by position in COHORT_LEARNERS) the demo mentor already has, and how many
# days ago the assignment started; the rest of the cohort waits for auto-assignment.
DEMO_MENTEES = {0: 45, 1: 45, 2: 40, 3: 40, 4: 35, 5: 35, 6: 20, 7: 10, 8: 10, 9: 5}
# Coaching contacts: (cohort position or "demo", days ago, mode, minutes, follow-up in days).
DEMO_CONTACTS = [
    ("demo", 6, "home_visit", 45, 8),
    (2, 12, "phone_call", 15, -2),
    (3, 40, "home_visit", 60, None),
    (4, 5, "message", 5, 20),
    (6, 3, "group_session", 90, None),
]

HOME = {
    "zh": {
        "title": "陪伴妈妈学堂",
        "intro": "<p>欢迎来到陪伴妈妈学堂。这里有初级、中级、高级三个等级的课程，"
        "帮助你办好儿童之家、做好家访、保护孩子安全，也帮助优秀的妈妈成为带教老师。</p>",
    },
    "en": {
        "title": "Companion Academy",
        "intro": "<p>Welcome to Companion Academy. Courses at primary, intermediate and advanced "
        "level help you run your Children's Home, make home visits and keep children safe, and "
        "help the best mothers become trainers of others.</p>",
    },
}
CATALOGUE = {
    "zh": {
        "title": "全部课程",
        "intro": "<p>按等级排列的课程。每门课程由几个单元组成，每个单元有几节课。</p>",
    },
    "en": {
        "title": "All courses",
        "intro": "<p>Courses by level. Each course has modules, and "
        "each module a few short lessons.</p>",
    },
}
ABOUT = {
    "zh": {
        "title": "关于我们",
        "intro": "陪伴妈妈学堂为村里的儿童守护妈妈提供培训和认证。",
        "body": "<p>我们和县、乡、村一起，帮助每一位妈妈从第一节课学到成为带教老师。"
        "有问题请联系你所在县的项目官员。</p>",
    },
    "en": {
        "title": "About us",
        "intro": "Companion Academy trains and certifies village companion mothers.",
        "body": "<p>With counties, townships and villages we help each "
        "mother from her first lesson to becoming a trainer. For questions, contact your "
        "county programme officer.</p>",
    },
}


class Command(BaseCommand):
    help = "Load the demo data (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            roles.sync_role_groups()
            zh = Locale.get_default()
            en, _created = Locale.objects.get_or_create(language_code="en")
            regions = self.seed_regions()
            home = self.seed_site(zh, en)
            # Before the lessons: the lessons' quiz and task blocks point at them.
            self.assessments = self.seed_assessments(zh, en)
            index = self.seed_catalogue(home, en)
            users = self.seed_users(regions)
            levels = self.seed_ladder(zh, en)
            # Before the mentoring: holding the trainer certificate is what makes a mentor.
            self.seed_mentor_certificates(users, levels)
            learners = self.seed_cohort(regions, users)
            self.seed_mentoring(regions, users, learners)
            # After the mentoring: handing in a task notifies the learner's mentor.
            self.seed_assessment_activity(learners)
            self.seed_ladder_activity(regions, users, levels)
        counts = {
            "regions": Region.objects.count(),
            "courses": CoursePage.objects.filter(locale=zh).count(),
            "lessons": LessonPage.objects.filter(locale=zh).count(),
            "users": User.objects.count(),
            "enrolments": Enrolment.objects.count(),
            "quizzes": Quiz.objects.filter(locale=zh).count(),
            "tasks": PracticalTask.objects.filter(locale=zh).count(),
            "quiz attempts": QuizAttempt.objects.count(),
            "submissions": Submission.objects.count(),
            "certificates": Certificate.objects.count(),
            "training sessions": TrainingSession.objects.count(),
        }
        self.stdout.write(self.style.SUCCESS(f"Demo ready ({index.title}): {counts}"))

    # Regions -------------------------------------------------------------------------------
    def seed_regions(self):
        def add(nodes, parent):
            for code, name, name_en, kind, children in nodes:
                region = Region.objects.filter(code=code).first() or region_create(
                    name=name, name_en=name_en, kind=kind, code=code, parent=parent
                )
                add(children, Region.objects.get(pk=region.pk))

        add(REGIONS, None)
        return {r.code: r for r in Region.objects.all()}

    # Pages ---------------------------------------------------------------------------------
    def seed_site(self, zh, en):
        site = Site.objects.get(is_default_site=True)
        home = HomePage.objects.filter(locale=zh).first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(instance=HomePage(slug="companion-home", locale=zh, **HOME["zh"]))
            home.save_revision().publish()
            welcome = site.root_page  # the placeholder page Wagtail's migrations create
            site.root_page = home
            site.site_name = "Companion Academy"
            site.save()
            if welcome.specific_class is Page:
                welcome.delete()
        self.translate(home, en, HOME["en"])
        settings = SiteSettings.for_site(site)
        if not settings.contact_phone:
            settings.contact_phone = "400-000-0000"
            settings.save()
        about = StandardPage.objects.child_of(home).filter(slug="about").first()
        if about is None:
            about = home.add_child(
                instance=StandardPage(
                    slug="about",
                    title=ABOUT["zh"]["title"],
                    intro=ABOUT["zh"]["intro"],
                    body=[{"type": "paragraph", "value": ABOUT["zh"]["body"]}],
                    show_in_menus=True,
                )
            )
            about.save_revision().publish()
        self.translate(
            about,
            en,
            {
                "title": ABOUT["en"]["title"],
                "intro": ABOUT["en"]["intro"],
                "body": [{"type": "paragraph", "value": ABOUT["en"]["body"]}],
            },
        )
        return home

    def seed_catalogue(self, home, en):
        index = CourseIndexPage.objects.child_of(home).first()
        if index is None:
            index = home.add_child(instance=CourseIndexPage(slug="courses", **CATALOGUE["zh"]))
            index.save_revision().publish()
        self.translate(index, en, CATALOGUE["en"])
        for course_data in COURSES:
            course = self.child(
                index,
                CoursePage,
                course_data["slug"],
                title=course_data["title"]["zh"],
                summary=course_data["summary"]["zh"],
                level=course_data["level"],
                estimated_minutes=course_data["minutes"],
            )
            self.translate(
                course,
                en,
                {"title": course_data["title"]["en"], "summary": course_data["summary"]["en"]},
            )
            for module_data in course_data["modules"]:
                key = (course_data["slug"], module_data["slug"])
                end_quiz = self.assessments["quizzes"].get(MODULE_END_QUIZZES.get(key))
                module = self.child(
                    course,
                    ModulePage,
                    module_data["slug"],
                    title=module_data["title"]["zh"],
                    intro=module_data["intro"]["zh"],
                    end_quiz=end_quiz,
                )
                self.translate(
                    module,
                    en,
                    {"title": module_data["title"]["en"], "intro": module_data["intro"]["en"]},
                )
                if end_quiz is not None:
                    for page in (module, module.get_translation(en)):
                        self.ensure_end_quiz(page, end_quiz)
                for lesson_data in module_data["lessons"]:
                    # Both languages point at the Chinese quiz or task: the app shows each
                    # in the reader's language and keeps her attempts on the Chinese one.
                    extra = self.assessment_blocks(key + (lesson_data["slug"],))
                    lesson = self.child(
                        module,
                        LessonPage,
                        lesson_data["slug"],
                        title=lesson_data["title"]["zh"],
                        estimated_minutes=lesson_data["minutes"],
                        is_optional=lesson_data["optional"],
                        body=lesson_body(lesson_data["body"], "zh") + extra,
                    )
                    self.translate(
                        lesson,
                        en,
                        {
                            "title": lesson_data["title"]["en"],
                            "body": lesson_body(lesson_data["body"], "en") + extra,
                        },
                    )
                    if extra:
                        for page in (lesson, lesson.get_translation(en)):
                            self.ensure_blocks(page, extra)
        return index

    def assessment_blocks(self, lesson_key):
        """The raw quiz and task blocks that end this lesson's body."""
        blocks = []
        for block_type, slug in LESSON_BLOCKS.get(lesson_key, []):
            if block_type == "quiz":
                value = {"quiz": self.assessments["quizzes"][slug].pk}
            else:
                value = {"task": self.assessments["tasks"][slug].pk}
            blocks.append({"type": block_type, "value": value})
        return blocks

    def ensure_blocks(self, lesson, blocks):
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

    def ensure_end_quiz(self, module, quiz):
        if module.end_quiz_id != quiz.pk:
            module.end_quiz = quiz
            module.save_revision().publish()

    def child(self, parent, model, slug, **fields):
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = parent.add_child(instance=model(slug=slug, **fields))
            page.save_revision().publish()
        return page

    def translate(self, page, locale, fields):
        """Create the page's translation in `locale` once, with the given fields."""
        if page.get_translation_or_none(locale):
            return
        translation = page.copy_for_translation(locale)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.save_revision().publish()

    # People --------------------------------------------------------------------------------
    def seed_users(self, regions):
        users = {}
        for phone, name, role_names, region_code, extra in DEMO_ACCOUNTS:
            users[phone] = self.ensure_user(phone, name, role_names, regions[region_code])
            user = users[phone]
            if extra.get("superuser") and not user.is_superuser:
                user.is_superuser = user.is_staff = True
                user.save(update_fields=["is_superuser", "is_staff"])
            for code in extra.get("staff_regions", []):
                user.staff_regions.add(regions[code])
        return users

    def ensure_user(self, phone, name, role_names, region):
        user = User.objects.filter(phone=f"+86{phone}").first()
        if user is None:
            user = user_create(
                display_name=name,
                phone=phone,
                password=PASSWORD,
                home_region=region,
                roles=role_names,
            )
        return user

    def seed_cohort(self, regions, users):
        county = regions["gz-qxg"]
        cohort, _created = Cohort.objects.get_or_create(
            region=county,
            name=COHORT_NAME,
            defaults={
                "level": Level.PRIMARY,
                "start_date": datetime.date(2026, 9, 1),
                "target_date": datetime.date(2027, 6, 30),
                "responsible_staff": users["13800000003"],
            },
        )
        learners = [users["13800000001"]]
        for n, (name, village) in enumerate(COHORT_LEARNERS, start=1):
            learners.append(
                self.ensure_user(f"139000000{n:02d}", name, [roles.LEARNER], regions[village])
            )
        for learner in learners:
            CohortMembership.objects.get_or_create(cohort=cohort, learner=learner)
        cohort_enrol_members(cohort=cohort)

        lessons = self.required_lessons(Level.PRIMARY)
        now = timezone.now()
        for n, learner in enumerate(learners):
            # Varied progress: the demo learner has started; others range from none to all.
            # The demo learner's third lesson (排好一天的活动) ends with a quiz: it stays open
            # so she can take the quiz in the browser.
            done = 2 if n == 0 else (n * 5) % (len(lessons) + 1)
            for lesson in lessons[:done]:
                self.pass_lesson_quizzes(learner, lesson, n)
                lesson_complete(learner=learner, lesson=lesson)
            Enrolment.objects.filter(learner=learner, last_activity_at__isnull=False).update(
                last_activity_at=now - datetime.timedelta(days=(n * 3) % 40)
            )
        return learners

    def seed_mentoring(self, regions, users, learners):
        for phone, (capacity, served) in DEMO_MENTORS.items():
            # Eligible through the trainer certificate (seed_mentor_certificates); this sets
            # how many mentees she takes and where.
            mentor_profile_save(
                user=users[phone],
                regions=[regions[code] for code in served],
                is_active=True,
                capacity=capacity,
                shares_phone=True,
            )
        mentor = users["13800000002"]
        cohort_learners = learners[1:]
        now = timezone.now()
        mentees = [(learners[0], 30)] + [
            (cohort_learners[i], days) for i, days in DEMO_MENTEES.items()
        ]
        for learner, days in mentees:
            if MentorAssignment.objects.filter(learner=learner, ended_at__isnull=True).exists():
                continue
            assignment = mentor_assign(
                learner=learner, mentor=mentor, reason="示例数据 · demo", actor=None
            )
            MentorAssignment.objects.filter(pk=assignment.pk).update(
                started_at=now - datetime.timedelta(days=days)
            )
        today = timezone.localdate()
        for who, days_ago, mode, minutes, follow_up in DEMO_CONTACTS:
            learner = learners[0] if who == "demo" else cohort_learners[who]
            date = today - datetime.timedelta(days=days_ago)
            CoachingContact.objects.get_or_create(
                mentor=mentor,
                client_token=uuid.uuid5(
                    uuid.NAMESPACE_URL, f"demo-contact:{learner.pk}:{days_ago}"
                ),
                defaults={
                    "learner": learner,
                    "contact_date": date,
                    "mode": mode,
                    "minutes": minutes,
                    "summary": "一起看了儿童之家的活动记录，聊了这周的家访安排。",
                    "follow_up_on": date + datetime.timedelta(days=days_ago + follow_up)
                    if follow_up is not None
                    else None,
                    "private_note": "她最近家里事情多，要多鼓励。",
                },
            )

    def pass_lesson_quizzes(self, learner, lesson, n):
        """A lesson with a quiz is complete only once the quiz is passed: pass it first, some
        learners at the second try."""
        for value in lesson.block_values("quiz"):
            quiz = canonical(value["quiz"])
            if QuizAttempt.objects.filter(learner=learner, quiz=quiz).exists():
                continue
            first_try = (quiz.draw_count or quiz.questions.count()) - (n % 2)
            tries = [first_try - 2, first_try] if n % 3 == 0 else [first_try]
            self.take_quiz(learner, quiz, lesson, tries, days_ago=(n * 3) % 40 + 1)

    # Assessments ---------------------------------------------------------------------------
    def seed_assessments(self, zh, en):
        rubrics = {slug: self.seed_rubric(slug, data, zh, en) for slug, data in RUBRICS.items()}
        return {
            "quizzes": {slug: self.seed_quiz(slug, data, zh, en) for slug, data in QUIZZES.items()},
            "tasks": {
                slug: self.seed_task(data, rubrics[data["rubric"]], zh, en)
                for slug, data in TASKS.items()
            },
        }

    def seed_quiz(self, slug, data, zh, en):
        quiz = Quiz.objects.filter(locale=zh, title=data["title"]["zh"]).first()
        if quiz is None:
            quiz = Quiz.objects.create(
                locale=zh, title=data["title"]["zh"], intro=data["intro"]["zh"], **data["rules"]
            )
            for order, question in enumerate(data["questions"]):
                Question.objects.create(
                    quiz=quiz,
                    locale=zh,
                    sort_order=order,
                    kind=question["kind"],
                    text=question["text"]["zh"],
                    statement_is_true=question.get("statement_is_true", True),
                    explanation=question["explanation"]["zh"],
                    choices=[
                        {
                            "type": "choice",
                            "id": demo_block_id(slug, order, number),
                            "value": {"text": text["zh"], "is_correct": is_correct},
                        }
                        for number, (text, is_correct) in enumerate(question.get("choices", []))
                    ],
                )
        if quiz.get_translation_or_none(en) is None:
            translation = quiz.copy_for_translation(en)
            translation.title = data["title"]["en"]
            translation.intro = data["intro"]["en"]
            sources = {q.translation_key: q for q in quiz.questions.all()}
            texts = {q["text"]["zh"]: q for q in data["questions"]}
            for question in translation.questions.all():
                source = sources[question.translation_key]
                text = texts.get(source.text)
                if text is None:
                    continue  # an editor changed it: leave her Chinese text to translate
                english = {c["zh"]: c["en"] for c, _correct in text.get("choices", [])}
                question.text = text["text"]["en"]
                question.explanation = text["explanation"]["en"]
                # The same block ids as the Chinese choices: answers are checked by id.
                question.choices = [
                    {
                        "type": choice.block_type,
                        "id": choice.id,
                        "value": {
                            "text": english.get(choice.value["text"], choice.value["text"]),
                            "is_correct": choice.value["is_correct"],
                        },
                    }
                    for choice in source.choices
                ]
            translation.save()
        return quiz

    def seed_rubric(self, slug, data, zh, en):
        rubric = Rubric.objects.filter(locale=zh, title=data["title"]["zh"]).first()
        if rubric is None:
            rubric = Rubric.objects.create(
                locale=zh, title=data["title"]["zh"], pass_points=data["pass_points"]
            )
            for order, criterion in enumerate(data["criteria"]):
                RubricCriterion.objects.create(
                    rubric=rubric,
                    locale=zh,
                    sort_order=order,
                    title=criterion["title"]["zh"],
                    description=criterion["description"]["zh"],
                    levels=[
                        {
                            "type": "level",
                            "id": demo_block_id(slug, order, number),
                            "value": {
                                "label": label["zh"],
                                "description": description["zh"],
                                "points": points,
                            },
                        }
                        for number, (label, description, points) in enumerate(criterion["levels"])
                    ],
                )
        if rubric.get_translation_or_none(en) is None:
            translation = rubric.copy_for_translation(en)
            translation.title = data["title"]["en"]
            sources = {c.translation_key: c for c in rubric.criteria.all()}
            texts = {c["title"]["zh"]: c for c in data["criteria"]}
            for criterion in translation.criteria.all():
                source = sources[criterion.translation_key]
                text = texts.get(source.title)
                if text is None:
                    continue
                criterion.title = text["title"]["en"]
                criterion.description = text["description"]["en"]
                # The same level ids as the Chinese ones: grades are stored by level id.
                criterion.levels = [
                    {
                        "type": level.block_type,
                        "id": level.id,
                        "value": {
                            "label": label["en"],
                            "description": description["en"],
                            "points": level.value["points"],
                        },
                    }
                    for level, (label, description, _points) in zip(
                        source.levels, text["levels"], strict=False
                    )
                ]
            translation.save()
        return rubric

    def seed_task(self, data, rubric, zh, en):
        task = PracticalTask.objects.filter(locale=zh, title=data["title"]["zh"]).first()
        if task is None:
            task = PracticalTask.objects.create(
                locale=zh,
                title=data["title"]["zh"],
                instructions=data["instructions"]["zh"],
                text_prompt=data["text_prompt"]["zh"],
                text_required=data["text_required"],
                min_photos=data["min_photos"],
                max_photos=data["max_photos"],
                rubric=rubric,
            )
        if task.get_translation_or_none(en) is None:
            translation = task.copy_for_translation(en)
            translation.title = data["title"]["en"]
            translation.instructions = data["instructions"]["en"]
            translation.text_prompt = data["text_prompt"]["en"]
            translation.rubric = rubric.get_translation_or_none(en) or rubric
            translation.save()
        return task

    def seed_assessment_activity(self, learners):
        """Quiz attempts and handed-in tasks of a few of the demo mentor's mentees, so the
        results and her grading queue are not empty. A learner who already has an attempt
        at the quiz, or work on the task, is left as she is."""
        cohort_learners = learners[1:]
        quizzes, tasks = self.assessments["quizzes"], self.assessments["tasks"]
        lessons = {}
        for (course, module, lesson), blocks in LESSON_BLOCKS.items():
            for block_type, slug in blocks:
                if block_type == "quiz":
                    lessons[slug] = LessonPage.objects.get(
                        locale=Locale.get_default(),
                        url_path__endswith=f"/{course}/{module}/{lesson}/",
                    )
        for position, slug, days_ago, tries in DEMO_ATTEMPTS:
            learner, quiz = cohort_learners[position], quizzes[slug]
            if QuizAttempt.objects.filter(learner=learner, quiz=quiz).exists():
                continue
            self.take_quiz(learner, quiz, lessons.get(slug), tries, days_ago=days_ago)
        now = timezone.now()
        for position, slug, days_ago, text in DEMO_SUBMISSIONS:
            learner, task = cohort_learners[position], tasks[slug]
            if Submission.objects.filter(learner=learner, task=task).exists():
                continue
            submission_draft_save(learner=learner, task=task, text=text)
            submission, _now = submission_submit(learner=learner, task=task)
            handed_in = now - datetime.timedelta(days=days_ago)
            Submission.objects.filter(pk=submission.pk).update(
                created_at=handed_in - datetime.timedelta(days=1), submitted_at=handed_in
            )
            SubmissionVersion.objects.filter(submission=submission).update(
                created_at=handed_in - datetime.timedelta(days=1), submitted_at=handed_in
            )

    def take_quiz(self, learner, quiz, lesson, tries, *, days_ago):
        """Attempts through the real services, one a day, ending `days_ago`; `tries` is how
        many questions she gets right each time (the multiple-choice ones go wrong first)."""
        now = timezone.now()
        for number, correct in enumerate(tries):
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
            attempt_submit(attempt_id=attempt.pk, learner=learner, answers=answers)
            started = now - datetime.timedelta(days=days_ago + len(tries) - 1 - number, minutes=9)
            QuizAttempt.objects.filter(pk=attempt.pk).update(
                started_at=started,
                deadline=started + datetime.timedelta(minutes=quiz.time_limit_minutes)
                if quiz.time_limit_minutes
                else None,
                submitted_at=started + datetime.timedelta(minutes=6),
            )

    def required_lessons(self, level):
        courses = CoursePage.objects.filter(locale=Locale.get_default(), level=level).order_by(
            "path"
        )
        lessons = []
        for course in courses:
            lessons += list(
                LessonPage.objects.descendant_of(course).filter(is_optional=False).order_by("path")
            )
        return lessons

    # Certification ladder ------------------------------------------------------------------
    def seed_ladder(self, zh, en):
        """The certificate design and the four levels with their requirements, in Chinese
        with English translations. A level that exists is left as editors made it."""
        design = CertificateSettings.load()
        if not design.signatory_name:
            for name, value in CERTIFICATE_DESIGN.items():
                setattr(design, name, value)
            design.save()
        rubric = self.seed_rubric(OBSERVATION_RUBRIC_SLUG, OBSERVATION_RUBRIC, zh, en)
        courses = {course.slug: course for course in CoursePage.objects.filter(locale=zh)}
        quizzes, tasks = self.assessments["quizzes"], self.assessments["tasks"]
        levels = {}
        for data in LEVELS:
            prerequisite = levels.get(data["prerequisite"])
            level = CertificationLevel.objects.filter(locale=zh, slug=data["slug"]).first()
            if level is None:
                level = CertificationLevel.objects.create(
                    locale=zh,
                    slug=data["slug"],
                    order=data["order"],
                    name=data["name"]["zh"],
                    description=data["description"]["zh"],
                    prerequisite=prerequisite,
                    validity_months=data["validity_months"],
                    issuance=data["issuance"],
                    grants_mentoring=data["grants_mentoring"],
                )
                for position, wanted in enumerate(data["requirements"]):
                    requirement = LevelRequirement(
                        level=level,
                        locale=zh,
                        sort_order=position,
                        kind=wanted["kind"],
                        count=wanted.get("count", 1),
                        course=courses.get(wanted.get("course")),
                        quiz=quizzes.get(wanted.get("quiz")),
                        task=tasks.get(wanted.get("task")),
                        rubric=rubric if "rubric" in wanted else None,
                    )
                    requirement.full_clean()
                    requirement.save()
            if level.get_translation_or_none(en) is None:
                # Its requirements are copied too and keep pointing at the Chinese course,
                # quiz or task: progress counts against those.
                translation = level.copy_for_translation(en)
                translation.name = data["name"]["en"]
                translation.description = data["description"]["en"]
                if prerequisite is not None:
                    translation.prerequisite = (
                        prerequisite.get_translation_or_none(en) or prerequisite
                    )
                translation.save()
            levels[data["slug"]] = level
        return levels

    def seed_mentor_certificates(self, users, levels):
        """The demo mentors hold the whole ladder, issued by programme staff some time ago."""
        staff = users["13800000003"]
        for phone, issued in MENTOR_CERTIFICATES.items():
            for data, (months, days) in zip(LEVELS, issued, strict=True):
                certificate, created = certificate_issue(
                    learner=users[phone], level=levels[data["slug"]], issued_by=staff
                )
                if created:
                    day = add_months(timezone.localdate(), -months) - datetime.timedelta(days=days)
                    self.backdate_certificate(certificate, day)

    def seed_ladder_activity(self, regions, users, levels):
        """Where cohort learners stand on the ladder: 李春燕 has met every primary requirement
        but her mentor's sign-off; two learners hold the primary certificate and one of them
        waits for staff to approve her intermediate one. Face-to-face sessions around them."""
        cohort = Cohort.objects.get(region=regions["gz-qxg"], name=COHORT_NAME)
        ready = users[READY_LEARNER["phone"]]
        mentor = users[READY_LEARNER["mentor"]]
        CohortMembership.objects.get_or_create(cohort=cohort, learner=ready)
        cohort_enrol_members(cohort=cohort)
        if not MentorAssignment.objects.filter(learner=ready, ended_at__isnull=True).exists():
            assignment = mentor_assign(
                learner=ready, mentor=mentor, reason="示例数据 · demo", actor=None
            )
            MentorAssignment.objects.filter(pk=assignment.pk).update(
                started_at=timezone.now()
                - datetime.timedelta(days=READY_LEARNER["assigned_days_ago"])
            )
        phones = {p for session in SESSIONS for p in session["booked"]}
        phones |= {p for p, *_rest in LADDER_CONTACTS} | set(PRIMARY_HOLDERS)
        people = {
            user.phone.removeprefix("+86"): user
            for user in User.objects.filter(phone__in=[f"+86{p}" for p in phones])
        }

        sessions = self.seed_sessions(regions["gz-qxg"], users)
        for data in SESSIONS:
            session, created = sessions[data["title"]]
            if created and data["days"] < 0:
                self.seed_attendance(session, data, people, users[SESSION_FACILITATOR])
        self.seed_ladder_contacts(people)

        # 李春燕: everything the primary level asks for, through the services; no sign-off.
        quiz = self.assessments["quizzes"][self.requirement_slug(levels["primary"], "quiz")]
        task = self.assessments["tasks"][self.requirement_slug(levels["primary"], "task")]
        self.complete_lessons(ready, self.required_lessons(Level.PRIMARY))
        if not QuizAttempt.objects.filter(learner=ready, quiz=quiz).exists():
            self.take_quiz(ready, quiz, None, [4], days_ago=READY_LEARNER["quiz_days_ago"])
        self.pass_task(
            ready, task, READY_LEARNER["task_text"], days_ago=READY_LEARNER["task_days_ago"]
        )

        # Learners who earned the primary certificate: the same work, then the sign-off.
        for phone, days_ago in PRIMARY_HOLDERS.items():
            learner = people[phone]
            if Certificate.objects.filter(learner=learner, level=levels["primary"]).exists():
                continue
            self.complete_lessons(learner, self.required_lessons(Level.PRIMARY))
            if not QuizAttempt.objects.filter(learner=learner, quiz=quiz, passed=True).exists():
                self.take_quiz(learner, quiz, None, [4], days_ago=days_ago + 3)
            self.pass_task(learner, task, REFLECTION_TEXTS[phone], days_ago=days_ago + 2)
            self.sign_off(learner, levels["primary"], days_ago)

        # One of them has done the intermediate work too: her certificate needs approval.
        phone, days_ago = AWAITING_APPROVAL
        learner = people[phone]
        if not (
            Certificate.objects.filter(learner=learner, level=levels["intermediate"]).exists()
            or ApprovalRequest.objects.filter(
                learner=learner, level=levels["intermediate"]
            ).exists()
        ):
            self.complete_lessons(learner, self.required_lessons(Level.INTERMEDIATE))
            self.sign_off(learner, levels["intermediate"], days_ago)

        # Seats in the sessions still to come (the intermediate ones need the primary
        # certificate, so they are booked last): the small one fills and has a waiting list.
        for data in SESSIONS:
            session, created = sessions[data["title"]]
            if created and data["days"] > 0:
                for phone in data["booked"]:
                    session_book(session=session, learner=people[phone])

    def seed_sessions(self, county, users):
        """{title: (session, created now)}. Sessions are created by the demo staff member
        and led by the demo mentor."""
        today = timezone.localdate()
        sessions = {}
        for data in SESSIONS:
            session = TrainingSession.objects.filter(region=county, title=data["title"]).first()
            created = session is None
            if created:
                starts_at = timezone.make_aware(
                    datetime.datetime.combine(
                        today + datetime.timedelta(days=data["days"]), datetime.time(9, 30)
                    )
                )
                session = session_save(
                    actor=users["13800000003"],
                    facilitators=[users[SESSION_FACILITATOR]],
                    level=data["level"],
                    title=data["title"],
                    region=county,
                    starts_at=starts_at,
                    ends_at=starts_at + datetime.timedelta(hours=data["hours"]),
                    venue=data["venue"],
                    capacity=data["capacity"],
                    notes=data["notes"],
                )
            sessions[data["title"]] = (session, created)
        return sessions

    def seed_attendance(self, session, data, people, facilitator):
        """A session that took place: the seats booked the week before, then the register
        its facilitator marked."""
        booked_at = session.starts_at - datetime.timedelta(days=7)
        for phone in data["booked"]:
            if not SessionBooking.objects.filter(session=session, learner=people[phone]).exists():
                SessionBooking.objects.create(
                    session=session,
                    learner=people[phone],
                    status=BookingStatus.BOOKED,
                    requested_at=booked_at,
                    status_changed_at=booked_at,
                )
        if not Attendance.objects.filter(session=session).exists():
            attendance_mark(
                session=session,
                actor=facilitator,
                present_learner_ids=[people[phone].pk for phone in data["present"]],
            )
            Attendance.objects.filter(session=session).update(marked_at=session.ends_at)

    def seed_ladder_contacts(self, people):
        today = timezone.localdate()
        for phone, days_ago, mode, minutes in LADDER_CONTACTS:
            learner = people[phone]
            assignment = MentorAssignment.objects.filter(
                learner=learner, ended_at__isnull=True
            ).first()
            if assignment is None:
                continue  # staff ended her mentoring in the demo: leave her as she is
            coaching_contact_log(
                mentor=assignment.mentor,
                learner=learner,
                contact_date=today - datetime.timedelta(days=days_ago),
                mode=mode,
                minutes=minutes,
                summary="聊了最近的家访和儿童之家的活动，一起看了她的家访记录。",
                client_token=uuid.uuid5(
                    uuid.NAMESPACE_URL, f"demo-ladder-contact:{phone}:{days_ago}"
                ),
            )

    def complete_lessons(self, learner, lessons):
        for lesson in lessons:
            if not LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists():
                self.pass_lesson_quizzes(learner, lesson, 1)
                lesson_complete(learner=learner, lesson=lesson)

    def pass_task(self, learner, task, text, *, days_ago):
        """Hand in the task and have her current mentor pass it, `days_ago` days back. Work
        she already started is left as it is."""
        if Submission.objects.filter(learner=learner, task=task).exists():
            return
        mentor = MentorAssignment.objects.get(learner=learner, ended_at__isnull=True).mentor
        submission_draft_save(learner=learner, task=task, text=text)
        submission, _now = submission_submit(learner=learner, task=task)
        version = submission.versions.get(submitted_at__isnull=False)
        review, _created = submission_grade(
            reviewer=mentor,
            submission_id=submission.pk,
            version_id=version.pk,
            levels={
                criterion.pk: max(criterion.level_options(), key=lambda o: o[2])[0]
                for criterion in task.rubric.criteria.all()
            },
            feedback="只写了事实，没有写孩子的真名，下一步也很清楚。",
            decision="pass",
        )
        handed_in = timezone.now() - datetime.timedelta(days=days_ago)
        Submission.objects.filter(pk=submission.pk).update(
            created_at=handed_in - datetime.timedelta(days=1), submitted_at=handed_in
        )
        SubmissionVersion.objects.filter(pk=version.pk).update(
            created_at=handed_in - datetime.timedelta(days=1), submitted_at=handed_in
        )
        Review.objects.filter(pk=review.pk).update(
            created_at=handed_in + datetime.timedelta(days=1)
        )

    def sign_off(self, learner, level, days_ago):
        """Her mentor signs her off, `days_ago` days back; the certificate is issued (or, for
        a level that needs approval, queued for staff) as the progress task would."""
        mentor = MentorAssignment.objects.get(learner=learner, ended_at__isnull=True).mentor
        signed_at = timezone.now() - datetime.timedelta(days=days_ago)
        if not SignOff.objects.filter(learner=learner, level=level).exists():
            sign_off = sign_off_create(
                learner=learner, level=level, mentor=mentor, comment=SIGN_OFF_COMMENTS[level.slug]
            )
            SignOff.objects.filter(pk=sign_off.pk).update(signed_at=signed_at)
        certificate_award_if_ready(learner=learner)
        ApprovalRequest.objects.filter(learner=learner, level=level).update(requested_at=signed_at)
        certificate = Certificate.objects.filter(learner=learner, level=level).first()
        if certificate is not None:
            self.backdate_certificate(certificate, timezone.localtime(signed_at).date())

    def backdate_certificate(self, certificate, day):
        """As if it had been issued on `day`: dates, serial and the notification she got.
        Called before the commit, so the PDF made after it shows the same."""
        issued_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))
        validity = certificate.level.validity_months
        serial = f"CA-{day:%Y}-{certificate.pk:06d}"
        Certificate.objects.filter(pk=certificate.pk).update(
            issued_at=issued_at,
            issued_on=day,
            expires_on=add_months(day, validity) if validity else None,
            serial=serial,
        )
        for notification in Notification.objects.filter(
            dedupe_key=f"certificate-issued:{certificate.pk}"
        ):
            notification.body = notification.body.replace(certificate.serial, serial)
            notification.created_at = notification.read_at = issued_at
            notification.save(update_fields=["body", "created_at", "read_at"])

    def requirement_slug(self, level, kind):
        """The demo slug of the quiz or task a level asks for (from cms/demo/ladder.py)."""
        data = next(d for d in LEVELS if d["slug"] == level.slug)
        return next(r[kind] for r in data["requirements"] if r["kind"] == kind)


def demo_block_id(*parts):
    """A StreamField block id that is the same in every database the demo is loaded into."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "companion-demo:" + ":".join(map(str, parts))))


def lesson_body(blocks, language):
    body = []
    for kind, text in blocks:
        value = text[language]
        if kind == "tip":
            body.append({"type": "tip", "value": {"title": "", "text": f"<p>{value}</p>"}})
        elif kind == "reflection":
            body.append({"type": "reflection", "value": {"prompt": value}})
        else:
            body.append({"type": kind, "value": value})
    return body
