"""The certification ladder, and a learner meeting its primary level."""

from dataclasses import dataclass

from certificates.models import CertificationLevel, Issuance, LevelRequirement
from courses.levels import Level

from .assessments import make_quiz, make_rubric, make_task, pass_task, take_quiz
from .courses import complete_course, make_course
from .mentoring import log_contact
from .programme import attend, held_session


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


def meet_primary_except_sign_off(learner, ladder, mentor, region):
    complete_course(learner, ladder.course)
    take_quiz(learner, ladder.quiz)
    pass_task(learner, ladder.task, mentor)
    attend(learner, held_session(region))
    log_contact(mentor, learner)
