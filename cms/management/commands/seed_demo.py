"""Load the demo: regions, a course catalogue in Chinese and English, users of every role and
a cohort with varied progress. Safe to run again: it adds only what is missing."""

import datetime
import uuid

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from cms.demo.catalogue import COURSES
from cms.demo.regions import COHORT_LEARNERS, REGIONS
from cms.models import HomePage, SiteSettings, StandardPage
from courses.levels import Level
from courses.models import CourseIndexPage, CoursePage, Enrolment, LessonPage, ModulePage
from courses.services import lesson_complete
from lms.accounts import roles
from lms.accounts.models import Region, User
from lms.accounts.services import region_create, user_create
from lms.mentoring.models import CoachingContact, MentorAssignment
from lms.mentoring.services import mentor_assign, mentor_profile_save
from lms.programme.models import Cohort, CohortMembership
from lms.programme.services import cohort_enrol_members

PASSWORD = "companion-demo"  # noqa: S105 - published demo password

DEMO_ACCOUNTS = [
    # phone, name, roles, region code, extra
    ("13800000001", "王小梅", [roles.LEARNER], "gz-qxg-hongshan-zhoujiaqiao", {}),
    ("13800000002", "张丽华", [roles.MENTOR, roles.LEARNER], "gz-qxg-hongshan-zhoujiaqiao", {}),
    ("13800000003", "刘建国", [roles.PROGRAMME_STAFF], "gz-qxg", {"staff_regions": ["gz"]}),
    ("13800000004", "陈静", [roles.CONTENT_EDITOR], "gz", {"superuser": True}),
    ("13800000005", "周美华", [roles.MENTOR, roles.LEARNER], "gz-qxg-salaxi-reshuitian", {}),
    ("13800000006", "吴春兰", [roles.MENTOR, roles.LEARNER], "ah-lixin-kantuan-wangzhuang", {}),
]

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
            index = self.seed_catalogue(home, en)
            users = self.seed_users(regions)
            learners = self.seed_cohort(regions, users)
            self.seed_mentoring(regions, users, learners)
        counts = {
            "regions": Region.objects.count(),
            "courses": CoursePage.objects.filter(locale=zh).count(),
            "lessons": LessonPage.objects.filter(locale=zh).count(),
            "users": User.objects.count(),
            "enrolments": Enrolment.objects.count(),
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
                module = self.child(
                    course,
                    ModulePage,
                    module_data["slug"],
                    title=module_data["title"]["zh"],
                    intro=module_data["intro"]["zh"],
                )
                self.translate(
                    module,
                    en,
                    {"title": module_data["title"]["en"], "intro": module_data["intro"]["en"]},
                )
                for lesson_data in module_data["lessons"]:
                    lesson = self.child(
                        module,
                        LessonPage,
                        lesson_data["slug"],
                        title=lesson_data["title"]["zh"],
                        estimated_minutes=lesson_data["minutes"],
                        is_optional=lesson_data["optional"],
                        body=lesson_body(lesson_data["body"], "zh"),
                    )
                    self.translate(
                        lesson,
                        en,
                        {
                            "title": lesson_data["title"]["en"],
                            "body": lesson_body(lesson_data["body"], "en"),
                        },
                    )
        return index

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
            name="七星关区2026年初级班",
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
            done = 2 if n == 0 else (n * 5) % (len(lessons) + 1)
            for lesson in lessons[:done]:
                lesson_complete(learner=learner, lesson=lesson)
            Enrolment.objects.filter(learner=learner, last_activity_at__isnull=False).update(
                last_activity_at=now - datetime.timedelta(days=(n * 3) % 40)
            )
        return learners

    def seed_mentoring(self, regions, users, learners):
        for phone, (capacity, served) in DEMO_MENTORS.items():
            mentor_profile_save(
                user=users[phone],
                regions=[regions[code] for code in served],
                is_eligible=True,
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
