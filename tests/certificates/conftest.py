import datetime
import uuid
from dataclasses import dataclass

import pytest
from django.utils import timezone, translation

from assessments.services import (
    attempt_start,
    attempt_submit,
    submission_draft_save,
    submission_grade,
    submission_submit,
)
from certificates.models import CertificationLevel, Issuance, LevelRequirement
from courses.levels import Level
from courses.services import lesson_complete
from lms.mentoring.services import mentor_assign
from lms.programme.models import Attendance, TrainingSession
from tests.factories import (
    lessons_of,
    levels_for,
    log_contact,
    make_course,
    make_mentor,
    make_quiz,
    make_rubric,
    make_task,
    right_answers,
    wrong_answers,
)


@pytest.fixture(autouse=True)
def _english():
    """Messages and pages in English here; the browser test reads the Chinese ones."""
    with translation.override("en"):
        yield


@dataclass
class Ladder:
    primary: CertificationLevel
    intermediate: CertificationLevel
    trainer: CertificationLevel
    course: object
    quiz: object
    task: object
    rubric: object
    intermediate_course: object


def make_level(slug, order, *, prerequisite=None, requirements=(), **fields):
    level = CertificationLevel.objects.create(
        slug=slug,
        order=order,
        name=fields.pop("name", f"{slug}证书"),
        prerequisite=prerequisite,
        **fields,
    )
    for position, (kind, extra) in enumerate(requirements):
        LevelRequirement.objects.create(level=level, kind=kind, sort_order=position, **extra)
    return level


def make_ladder(index, *, primary_issuance=Issuance.AUTOMATIC, validity_months=None):
    """primary (course, quiz, task, 1 session, 1 contact, sign-off; automatic) →
    intermediate (prerequisite, a course; staff approval) → trainer (prerequisite, one
    observed co-facilitation; may mentor)."""
    course = make_course(index, title="初级课程", modules=1, lessons=2)
    quiz = make_quiz("家访测验", pass_mark=80)
    task = make_task("设计一次活动")
    primary = make_level(
        Level.PRIMARY,
        1,
        name="初级陪伴妈妈",
        issuance=primary_issuance,
        validity_months=validity_months,
        requirements=[
            ("course", {"course": course}),
            ("quiz", {"quiz": quiz}),
            ("task", {"task": task}),
            ("sessions", {"count": 1}),
            ("contacts", {"count": 1}),
            ("sign_off", {}),
        ],
    )
    intermediate_course = make_course(
        index, title="中级课程", level=Level.INTERMEDIATE, modules=1, lessons=1
    )
    intermediate = make_level(
        Level.INTERMEDIATE,
        2,
        name="中级陪伴妈妈",
        prerequisite=primary,
        issuance=Issuance.APPROVAL,
        requirements=[("prerequisite", {}), ("course", {"course": intermediate_course})],
    )
    rubric = make_rubric("带课观察", pass_points=4)
    trainer = make_level(
        Level.TRAINER,
        4,
        name="培训师",
        prerequisite=intermediate,
        grants_mentoring=True,
        requirements=[("prerequisite", {}), ("co_facilitate", {"count": 1, "rubric": rubric})],
    )
    return Ladder(primary, intermediate, trainer, course, quiz, task, rubric, intermediate_course)


def make_session(region, *, level=Level.PRIMARY, days_from_now=-1, capacity=20, **fields):
    start = timezone.now() + datetime.timedelta(days=days_from_now)
    return TrainingSession.objects.create(
        level=level,
        title=fields.pop("title", "面授培训"),
        region=region,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
        venue="镇文化站",
        capacity=capacity,
        **fields,
    )


def attend(learner, session):
    return Attendance.objects.create(session=session, learner=learner, present=True)


def complete_course(learner, course):
    for lesson in lessons_of(course):
        lesson_complete(learner=learner, lesson=lesson)


def take_quiz(learner, quiz, *, passing=True):
    attempt, _created = attempt_start(learner=learner, quiz=quiz)
    answers = right_answers(attempt) if passing else wrong_answers(attempt)
    return attempt_submit(attempt_id=attempt.pk, learner=learner, answers=answers)[0]


def pass_task(learner, task, mentor, *, label="很好"):

    submission_draft_save(
        learner=learner, task=task, text="我的活动方案", form_token=uuid.uuid4().hex
    )
    submission, _created = submission_submit(learner=learner, task=task)
    version = submission.versions.order_by("-pk").first()
    submission_grade(
        reviewer=mentor,
        submission_id=submission.pk,
        version_id=version.pk,
        levels=levels_for(task.rubric, label),
        decision="pass" if label != "需要改进" else "needs_revision",
        feedback="很好",
    )
    return submission


def meet_primary_except_sign_off(learner, ladder, mentor, region):
    complete_course(learner, ladder.course)
    take_quiz(learner, ladder.quiz)
    pass_task(learner, ladder.task, mentor)
    attend(learner, make_session(region))
    log_contact(mentor, learner)


@pytest.fixture
def ladder(site_pages):
    _home, index = site_pages
    return make_ladder(index)


@pytest.fixture
def mentor(province, learner, role_groups):
    mentor = make_mentor(province, display_name="张丽华")
    mentor_assign(learner=learner, mentor=mentor)
    return mentor


def zh(msgid, **values):
    """The Chinese of a message, as pages without a language prefix (and the admin) show it."""
    with translation.override("zh-hans"):
        text = translation.gettext(msgid)
    return text % values if values else text
