import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import Max
from django.utils import timezone
from wagtail.models import Locale, Revision, Site

from assessments.models import (
    PracticalTask,
    Question,
    Quiz,
    QuizAttempt,
    Rubric,
    RubricCriterion,
    Submission,
    SubmissionStatus,
)
from assessments.selectors import grading_queue
from certificates.models import (
    ApprovalRequest,
    ApprovalStatus,
    Certificate,
    CertificateSettings,
    CertificationLevel,
    LevelRequirement,
    SignOff,
)
from certificates.readiness import ladder, readiness_for
from certificates.services import certificate_award_if_ready, sign_off_create
from cms.models import HomePage
from courses.models import CoursePage, Enrolment, LessonCompletion, LessonPage, ModulePage
from courses.selectors import learner_progress
from lms.accounts import roles
from lms.accounts.models import Region, User
from lms.core.dates import add_months
from lms.core.hooks import level_locked_reason
from lms.mentoring.models import CoachingContact, MentorAssignment
from lms.mentoring.permissions import is_mentor
from lms.notifications.models import Notification
from lms.programme.models import (
    Attendance,
    Cohort,
    CohortMembership,
    SessionBooking,
    TrainingSession,
)

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "regions": Region.objects.count(),
        "users": User.objects.count(),
        "pages": LessonPage.objects.count(),
        "enrolments": Enrolment.objects.count(),
        "completions": LessonCompletion.objects.count(),
        "cohorts": Cohort.objects.count(),
        "revisions": Revision.objects.count(),
        "quizzes": Quiz.objects.count(),
        "questions": Question.objects.count(),
        "rubrics": Rubric.objects.count(),
        "criteria": RubricCriterion.objects.count(),
        "tasks": PracticalTask.objects.count(),
        "attempts": QuizAttempt.objects.count(),
        "submissions": Submission.objects.count(),
        "contacts": CoachingContact.objects.count(),
        "notifications": Notification.objects.count(),
        "levels": CertificationLevel.objects.count(),
        "requirements": LevelRequirement.objects.count(),
        "certificates": Certificate.objects.count(),
        "sign-offs": SignOff.objects.count(),
        "approvals": ApprovalRequest.objects.count(),
        "sessions": TrainingSession.objects.count(),
        "bookings": SessionBooking.objects.count(),
        "attendance": Attendance.objects.count(),
    }


QUIZ_LESSON = "/courses/running-a-childrens-home/opening-every-day/daily-routine/"


def demo_quiz(title):
    return Quiz.objects.get(locale=Locale.get_default(), title=title)


def test_seed_demo_builds_the_demo_and_running_it_again_duplicates_nothing(client):
    call_command("seed_demo", stdout=io.StringIO())
    first = snapshot()
    call_command("seed_demo", stdout=io.StringIO())
    assert snapshot() == first
    # Also on another day, when every "so many days ago" in the data means another date.
    with time_machine.travel(timezone.now() + datetime.timedelta(days=3), tick=False):
        call_command("seed_demo", stdout=io.StringIO())
    assert snapshot() == first

    # Courses for all three levels, each with two modules of three lessons, in both languages.
    zh = Locale.get_default()
    courses = CoursePage.objects.filter(locale=zh)
    assert {c.level for c in courses} == {"primary", "intermediate", "advanced"}
    assert courses.count() >= 3
    for course in courses:
        assert course.get_children().count() >= 2
        assert LessonPage.objects.descendant_of(course).count() >= 6
        assert course.get_translation(Locale.objects.get(language_code="en")).title != course.title

    # Every role, password companion-demo.
    expected = {
        "+8613800000001": roles.LEARNER,
        "+8613800000002": roles.MENTOR,
        "+8613800000003": roles.PROGRAMME_STAFF,
        "+8613800000004": roles.CONTENT_EDITOR,
        "+8613800000007": roles.LEARNER,
    }
    for phone, role in expected.items():
        user = User.objects.get(phone=phone)
        assert roles.has_role(user, role)
        assert user.check_password("companion-demo")
    # Least privilege: the content editor is not a superuser; the platform team's account is
    # the only one.
    assert list(User.objects.filter(is_superuser=True).values_list("phone", flat=True)) == [
        "+8613800000009"
    ]

    # A cohort of 20+ learners with varied progress.
    cohort = Cohort.objects.get()
    assert cohort.memberships.count() >= 20
    done = {sum(p.done for p in learner_progress(m.learner)) for m in cohort.memberships.all()}
    assert len(done) >= 4

    # The site serves the Chinese home page at / and the English one at /en/.
    assert isinstance(Site.objects.get(is_default_site=True).root_page.specific, HomePage)
    assert "陪伴妈妈学堂" in client.get("/").content.decode()
    assert "Companion Academy" in client.get("/en/").content.decode()


@pytest.mark.parametrize("language", ["", "/en"])
def test_every_demo_role_opens_its_pages(demo, client, language):
    from django.contrib.auth.models import Group

    cohort = Cohort.objects.get()
    quiz = demo_quiz("日常开放小测验")
    task = PracticalTask.objects.get(locale=Locale.get_default(), title="为儿童之家设计一次活动")
    waiting = Submission.objects.filter(status=SubmissionStatus.SUBMITTED).first()
    ready = User.objects.get(phone="+8613800000007")
    approval = ApprovalRequest.objects.get(status=ApprovalStatus.PENDING)
    certificate = Certificate.objects.filter(learner__phone="+8613900000002").get()
    level = CertificationLevel.objects.get(locale=Locale.get_default(), slug="trainer")
    session = TrainingSession.objects.filter(starts_at__gt=timezone.now()).first()
    pages = {
        "+8613800000001": [
            "/learn/",
            "/courses/",
            "/notifications/",
            QUIZ_LESSON,
            f"/learn/quizzes/{quiz.pk}/",
            f"/learn/tasks/{task.pk}/",
            "/certificates/",
            "/learn/training/",
            f"/learn/training/{session.pk}/",
        ],
        "+8613800000002": [
            "/mentor/",
            "/mentor/?flag=any&sort=activity",
            "/notifications/",
            "/mentor/grading/",
            f"/mentor/grading/{waiting.pk}/",
            f"/mentor/mentees/{ready.pk}/",
            f"/certificates/sign-off/{ready.pk}/",
            "/certificates/",
            "/certificates/observations/",
        ],
        "+8613800000007": ["/learn/", "/certificates/", "/learn/training/"],
        "+8613800000003": [
            "/admin/assessment-results/",
            f"/admin/assessment-results/{cohort.pk}/",
            "/admin/",
            "/admin/regions/",
            "/admin/cohorts/",
            "/admin/memberships/",
            "/admin/mentors/",
            "/admin/mentor_assignments/",
            f"/admin/auto-assign/{cohort.pk}/",
            "/admin/coaching_contacts/",
            "/admin/certificates/",
            "/admin/certificates/approvals/",
            f"/admin/certificates/approvals/{approval.pk}/",
            f"/admin/certificates/{certificate.pk}/",
        ],
        "+8613800000009": ["/admin/reports/site-history/", "/admin/users/"],
        "+8613800000004": [
            "/admin/",
            "/admin/pages/",
            "/admin/snippets/assessments/quiz/",
            f"/admin/snippets/assessments/quiz/edit/{quiz.pk}/",
            "/admin/snippets/certificates/certificationlevel/",
            f"/admin/snippets/certificates/certificationlevel/edit/{level.pk}/",
        ],
    }
    assert Group.objects.filter(name=roles.PROGRAMME_STAFF).exists()
    for phone, urls in pages.items():
        client.force_login(User.objects.get(phone=phone))
        for url in urls:
            prefix = language if not url.startswith("/admin") else ""
            response = client.get(prefix + url)
            assert response.status_code == 200, (phone, url, response.status_code)
    # The editor edits content and sees no learner: every screen with learners refuses her.
    client.force_login(User.objects.get(phone="+8613800000004"))
    for url in [
        "/admin/users/",
        "/admin/memberships/",
        "/admin/coaching_contacts/",
        "/admin/mentor_assignments/",
        "/admin/certificates/",
        "/admin/dashboards/",
        "/admin/reports/site-history/",
        "/admin/background_tasks/",
    ]:
        assert client.get(url).status_code in (302, 403), url
    # The auto-assign preview places the cohort's waiting learners with the nearest mentors.
    client.force_login(User.objects.get(phone="+8613800000003"))
    plan = client.get(f"/admin/auto-assign/{cohort.pk}/").context["plan"]
    assert len(plan.placements) == 12 and not plan.unplaced


def test_demo_assessments_are_bilingual_placed_and_in_use(demo, client):
    zh, en = Locale.get_default(), Locale.objects.get(language_code="en")

    # Two quizzes, two rubrics, two tasks, each with its English translation whose choices
    # and rubric levels keep the Chinese block ids (answers and grades are stored by id).
    assert Quiz.objects.filter(locale=zh).count() == 2
    for quiz in Quiz.objects.filter(locale=zh):
        english = {q.translation_key: q for q in quiz.get_translation(en).questions.all()}
        for question in quiz.questions.all():
            translated = english[question.translation_key]
            assert translated.locale == en and translated.text != question.text
            assert [c.id for c in translated.choices] == [c.id for c in question.choices]
            assert [c.value["is_correct"] for c in translated.choices] == [
                c.value["is_correct"] for c in question.choices
            ]
            assert question.explanation and translated.explanation
            question.full_clean()
    for rubric in Rubric.objects.filter(locale=zh):
        english = {c.translation_key: c for c in rubric.get_translation(en).criteria.all()}
        for criterion in rubric.criteria.all():
            assert [o[0] for o in english[criterion.translation_key].level_options()] == [
                o[0] for o in criterion.level_options()
            ]
    for task in PracticalTask.objects.filter(locale=zh):
        assert task.get_translation(en).rubric == task.rubric.get_translation(en)
        task.full_clean()

    first = demo_quiz("日常开放小测验")
    assert (first.pass_mark, first.max_attempts, first.time_limit_minutes) == (80, 3, None)
    assert first.shuffle_choices and first.draw_count is None
    assert {q.kind for q in first.questions.all()} == {"single", "multiple", "true_false"}
    pool = demo_quiz("走进孩子的家：单元测验")
    assert (pool.pass_mark, pool.max_attempts, pool.time_limit_minutes) == (75, None, 10)
    assert pool.shuffle_questions and pool.draw_count == 4 and pool.questions.count() == 6
    rubric = Rubric.objects.get(locale=zh, title="活动方案评分")
    assert rubric.criteria.count() == 3
    assert rubric.pass_points == 6 == sum(c.max_points for c in rubric.criteria.all()) * 2 // 3

    # The first quiz ends the last lesson of the first module, in both languages; the task
    # sits just before it. The pool quiz ends the home-visit module.
    task = PracticalTask.objects.get(locale=zh, title="为儿童之家设计一次活动")
    lesson = LessonPage.objects.get(
        locale=zh, url_path__endswith="/opening-every-day/daily-routine/"
    )
    for page in (lesson, lesson.get_translation(en)):
        body = list(page.body)
        assert body[-1].block_type == "quiz" and body[-1].value["quiz"] == first
        assert body[-2].block_type == "practical_task" and body[-2].value["task"] == task
    for module in ModulePage.objects.filter(slug="visiting-homes"):
        assert module.end_quiz == pool

    # Results and the grading queue are not empty: passes and fails, and two mentees' plans
    # waiting for 张丽华.
    attempts = QuizAttempt.objects.filter(submitted_at__isnull=False)
    assert attempts.filter(passed=True).exists() and attempts.filter(passed=False).exists()
    assert attempts.filter(quiz=pool).exists()
    mentor = User.objects.get(phone="+8613800000002")
    queue = grading_queue(mentor)
    assert len(queue) == 2 and {row.submission.task for row in queue} == {task}

    # The demo learner has this lesson still to do; passing its quiz completes it.
    learner = User.objects.get(phone="+8613800000001")
    assert not LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()
    assert not QuizAttempt.objects.filter(learner=learner).exists()
    client.force_login(learner)
    page = client.get(QUIZ_LESSON).content.decode()
    assert "日常开放小测验" in page and "为儿童之家设计一次活动" in page
    assert "Opening Every Day: Quiz" in client.get("/en" + QUIZ_LESSON).content.decode()
    response = client.post(f"/learn/quizzes/{first.pk}/start/", {"lesson": lesson.pk})
    attempt = QuizAttempt.objects.get(learner=learner)
    assert response.url == f"/learn/attempts/{attempt.pk}/"
    answers = {
        f"q{q.pk}": sorted(q.correct_ids())
        for q in first.questions.filter(pk__in=attempt.question_ids)
    }
    client.post(f"/learn/attempts/{attempt.pk}/", answers)
    attempt.refresh_from_db()
    assert attempt.passed and attempt.score == 100
    assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()


def test_demo_ladder_makes_the_mentors_trainers_and_one_learner_ready_for_sign_off(demo, client):
    en = Locale.objects.get(language_code="en")
    today = timezone.localdate()

    design = CertificateSettings.load()
    assert (design.programme_name, design.programme_name_en) == (
        "陪伴妈妈学堂",
        "Companion Academy",
    )
    assert (design.signatory_name, design.signatory_title) == ("刘建国", "项目主任")

    # Four levels in Chinese, each translated, in a chain of prerequisites.
    levels = ladder()
    primary, intermediate, advanced, trainer = levels
    assert [(level.slug, level.order, level.name) for level in levels] == [
        ("primary", 1, "初级陪伴妈妈"),
        ("intermediate", 2, "中级陪伴妈妈"),
        ("advanced", 3, "高级陪伴妈妈"),
        ("trainer", 4, "培训师"),
    ]
    assert [level.get_translation(en).name for level in levels] == [
        "Primary companion mother",
        "Intermediate companion mother",
        "Advanced companion mother",
        "Trainer",
    ]
    assert [level.prerequisite_id for level in levels] == [
        None,
        primary.pk,
        intermediate.pk,
        advanced.pk,
    ]
    assert [level.issuance for level in levels] == [
        "automatic",
        "approval",
        "automatic",
        "approval",
    ]
    assert [level.validity_months for level in levels] == [None, None, 36, 24]
    assert [level.grants_mentoring for level in levels] == [False, False, False, True]
    for level in levels:
        level.full_clean()
        level.get_translation(en).full_clean()
        for requirement in level.reqs:
            requirement.full_clean()
    assert [(r.kind, r.count) for r in primary.reqs] == [
        ("course", 1),
        ("course", 1),
        ("quiz", 1),
        ("task", 1),
        ("sessions", 1),
        ("contacts", 2),
        ("sign_off", 1),
    ]
    assert {r.course.level for r in intermediate.reqs + advanced.reqs if r.course_id} == {
        "intermediate",
        "advanced",
    }
    assert primary.reqs[2].quiz.title == "走进孩子的家：单元测验"
    assert primary.reqs[3].task.title == "家访反思"
    # The browser test has the demo learner take these for the first time: not requirements.
    assert not LevelRequirement.objects.filter(quiz__title="日常开放小测验").exists()
    assert not LevelRequirement.objects.filter(task__title="为儿童之家设计一次活动").exists()
    observed = next(r for r in trainer.reqs if r.kind == "co_facilitate")
    assert observed.rubric.title == "带课观察评分" and observed.rubric.criteria.count() == 3

    # The demo mentors hold the whole ladder, issued by staff: that is what makes them mentors.
    staff = User.objects.get(phone="+8613800000003")
    for phone in ("+8613800000002", "+8613800000005", "+8613800000006"):
        mentor = User.objects.get(phone=phone)
        assert is_mentor(mentor), phone
        held = Certificate.objects.filter(learner=mentor, status="valid")
        assert {c.level_id for c in held if c.is_current()} == {level.pk for level in levels}
        assert {c.issued_by for c in held} == {staff}
    expiring = Certificate.objects.get(learner__phone="+8613800000006", level=trainer)
    assert today < expiring.expires_on <= today + datetime.timedelta(days=design.reminder_days)

    # 李春燕, in the cohort and mentored by 张丽华, lacks only her mentor's sign-off.
    ready = User.objects.get(phone="+8613800000007")
    mentor = User.objects.get(phone="+8613800000002")
    assert ready.display_name == "李春燕" and ready.check_password("companion-demo")
    assert Cohort.objects.get().memberships.filter(learner=ready).exists()
    assert MentorAssignment.objects.get(learner=ready, ended_at__isnull=True).mentor == mentor
    readiness = readiness_for(ready, primary)
    assert [check.kind for check in readiness.missing] == ["sign_off"]
    assert not readiness.is_held
    client.force_login(mentor)
    page = client.get(f"/mentor/mentees/{ready.pk}/").content.decode()
    assert f"/certificates/sign-off/{ready.pk}/" in page

    # Two cohort learners hold the primary certificate, so the intermediate courses are open
    # to them; one waits for staff to approve her intermediate certificate.
    for phone in ("+8613900000002", "+8613900000004"):
        holder = User.objects.get(phone=phone)
        assert readiness_for(holder, primary).is_held
        assert level_locked_reason(holder, "intermediate") is None
    assert level_locked_reason(User.objects.get(phone="+8613800000001"), "intermediate")
    approval = ApprovalRequest.objects.get(status=ApprovalStatus.PENDING)
    assert (approval.learner.phone, approval.level) == ("+8613900000002", intermediate)
    assert readiness_for(approval.learner, intermediate).is_ready

    # Training in the demo county: a past primary session she attended, led by her mentor;
    # a full small one with a waiting list; one with seats; an intermediate one to come.
    now = timezone.now()
    past = TrainingSession.objects.get(level="primary", starts_at__lt=now)
    assert past.region.code == "gz-qxg" and list(past.facilitators.all()) == [mentor]
    assert past.attendances.filter(learner=ready, present=True).exists()
    upcoming = TrainingSession.objects.filter(starts_at__gt=now, is_cancelled=False)
    primary_upcoming = list(upcoming.filter(level="primary"))
    booked = [s.bookings.filter(status="booked").count() for s in primary_upcoming]
    waiting = [s.bookings.filter(status="waiting").count() for s in primary_upcoming]
    assert len(primary_upcoming) == 2
    assert booked[0] == primary_upcoming[0].capacity and waiting[0] >= 1
    assert booked[1] < primary_upcoming[1].capacity and waiting[1] == 0
    assert upcoming.filter(level="intermediate").exists()

    # Her mentor's sign-off is all it takes: the primary certificate is issued.
    sign_off_create(learner=ready, level=primary, mentor=mentor, comment="她准备好了")
    certificate_award_if_ready(learner=ready)
    certificate = Certificate.objects.get(learner=ready, level=primary)
    assert certificate.is_current() and certificate.holder_name == "李春燕"
    assert certificate.design["signatory_name"] == "刘建国"


def test_the_demo_history_is_dated_by_the_services_at_the_moment_it_happened():
    """No date is corrected after the fact: each record carries the date, serial and expiry
    its service gave it on the day the demo's clock travelled to."""
    call_command("seed_demo", stdout=io.StringIO())
    now, today = timezone.now(), timezone.localdate()

    def days_ago(moment):
        return (today - timezone.localtime(moment).date()).days

    dated = [
        (User, "date_joined"),
        (MentorAssignment, "started_at"),
        (CoachingContact, "created_at"),
        (LessonCompletion, "completed_at"),
        (QuizAttempt, "submitted_at"),
        (Submission, "updated_at"),
        (SessionBooking, "requested_at"),
        (Attendance, "marked_at"),
        (SignOff, "signed_at"),
        (Certificate, "issued_at"),
        (ApprovalRequest, "requested_at"),
        (Notification, "created_at"),
    ]
    for model, field in dated:
        assert not model.objects.filter(**{f"{field}__gt": now}).exists(), (model, field)

    # Every certificate as certificate_issue makes it on the day: the serial's year, the
    # expiry from the level's validity.
    for certificate in Certificate.objects.select_related("level"):
        assert certificate.issued_on == timezone.localtime(certificate.issued_at).date()
        assert certificate.serial == f"CA-{certificate.issued_on:%Y}-{certificate.pk:06d}"
        months = certificate.level.validity_months
        expected = add_months(certificate.issued_on, months) if months else None
        assert certificate.expires_on == expected
    mentor = User.objects.get(phone="+8613800000006")
    trainer = Certificate.objects.get(learner=mentor, level__slug="trainer")
    assert trainer.issued_on == add_months(today, -23) - datetime.timedelta(days=10)
    assert (
        mentor.date_joined
        < Certificate.objects.filter(learner=mentor).earliest("issued_at").issued_at
    )
    assert not Notification.objects.filter(kind="certificate_issued", read_at__isnull=True).exists()

    # 张桂芳: signed off and certified eight days ago, her intermediate request two days ago.
    holder = User.objects.get(phone="+8613900000002")
    sign_off = SignOff.objects.get(learner=holder, level__slug="primary")
    assert days_ago(sign_off.signed_at) == 8
    assert sign_off.certificate.issued_at == sign_off.signed_at
    assert days_ago(ApprovalRequest.objects.get(learner=holder).requested_at) == 2

    # A timed attempt's deadline is counted from its start, and it was handed in in time.
    timed = QuizAttempt.objects.filter(quiz__time_limit_minutes__isnull=False)
    assert timed.exists()
    for attempt in timed.select_related("quiz"):
        limit = datetime.timedelta(minutes=attempt.quiz.time_limit_minutes)
        assert attempt.deadline == attempt.started_at + limit
        assert attempt.started_at < attempt.submitted_at <= attempt.deadline

    # The plans waiting for 张丽华 were handed in three days and one day ago.
    waiting = Submission.objects.filter(status=SubmissionStatus.SUBMITTED)
    assert sorted(days_ago(s.submitted_at) for s in waiting) == [1, 3]

    # The past primary session: seats booked before it, the register marked at its end.
    past = TrainingSession.objects.get(title="初级面授培训：家访演练")
    assert days_ago(past.starts_at) == 12
    assert all(booking.requested_at < past.starts_at for booking in past.bookings.all())
    assert {a.marked_at for a in past.attendances.all()} == {past.ends_at}

    # The cohort formed ten weeks ago; mentoring and contacts on their own days; the demo
    # learner was last active today.
    assert {m.joined_on for m in CohortMembership.objects.all()} == {
        today - datetime.timedelta(days=70)
    }
    started = MentorAssignment.objects.get(learner__phone="+8613900000001").started_at
    assert days_ago(started) == 45
    for contact in CoachingContact.objects.all():
        assert timezone.localtime(contact.created_at).date() == contact.contact_date
    learner = User.objects.get(phone="+8613800000001")
    last = Enrolment.objects.filter(learner=learner).aggregate(last=Max("last_activity_at"))
    assert days_ago(last["last"]) == 0
