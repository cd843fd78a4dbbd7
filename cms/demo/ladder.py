"""The demo's certification ladder and who stands where on it (ladder.yaml): the four levels
with their requirements, the mentors' certificates from years ago, 李春燕 ready for her
sign-off, two learners holding the primary certificate and one of them waiting for staff to
approve her intermediate one.

Why as a story told in order, each step at its moment through the real services: what a
service allows depends on what happened before (a sign-off needs every other requirement met,
an intermediate seat needs the primary certificate), and what it writes depends on when (a
certificate's date, serial, expiry; an approval's "ready since"). So the primary session takes
place before anyone is signed off for primary, the certificates are issued before anyone books
an intermediate seat, and so on; the certificate and the approval request come from
certificate_award_if_ready, as the progress task would make them.

The levels are content, made as the snippet editor would (no service); one that exists is
left as editors made it. Anyone who already holds (or waits for) a certificate is left as
she is."""

import datetime
from dataclasses import dataclass

from assessments.models import QuizAttempt
from certificates.models import (
    ApprovalRequest,
    Certificate,
    CertificateSettings,
    CertificationLevel,
    LevelRequirement,
    SignOff,
)
from certificates.services import certificate_award_if_ready, certificate_issue, sign_off_create
from cms.demo import learning, mentoring, training
from cms.demo.assessments import seed_rubric
from cms.demo.load import load
from courses.levels import Level
from courses.models import CoursePage
from lms.mentoring.models import MentorAssignment
from lms.notifications.models import Notification
from lms.notifications.services import notifications_mark_read

ISSUE_TIME = datetime.time(10, 0)


def seed_ladder(zh, en, assessments) -> dict:
    """The certificate design and the four levels with their requirements, in Chinese with
    English translations: {slug: level}."""
    data = load("ladder")
    design = CertificateSettings.load()
    if not design.signatory_name:
        for name, value in data["certificate_design"].items():
            setattr(design, name, value)
        design.save()
    observation = data["observation_rubric"]
    rubrics = {observation["slug"]: seed_rubric(observation["slug"], observation, zh, en)}
    courses = {course.slug: course for course in CoursePage.objects.filter(locale=zh)}
    levels = {}
    for level_data in data["levels"]:
        prerequisite = levels.get(level_data["prerequisite"])
        level = CertificationLevel.objects.filter(locale=zh, slug=level_data["slug"]).first()
        if level is None:
            level = CertificationLevel.objects.create(
                locale=zh,
                slug=level_data["slug"],
                order=level_data["order"],
                name=level_data["name"]["zh"],
                description=level_data["description"]["zh"],
                prerequisite=prerequisite,
                validity_months=level_data["validity_months"],
                issuance=level_data["issuance"],
                grants_mentoring=level_data["grants_mentoring"],
            )
            for position, wanted in enumerate(level_data["requirements"]):
                requirement = LevelRequirement(
                    level=level,
                    locale=zh,
                    sort_order=position,
                    kind=wanted["kind"],
                    count=wanted.get("count", 1),
                    course=courses.get(wanted.get("course")),
                    quiz=assessments.quizzes.get(wanted.get("quiz")),
                    task=assessments.tasks.get(wanted.get("task")),
                    rubric=rubrics.get(wanted.get("rubric")),
                )
                requirement.full_clean()
                requirement.save()
        if level.get_translation_or_none(en) is None:
            # Its requirements are copied too and keep pointing at the Chinese course, quiz
            # or task: progress counts against those.
            translation = level.copy_for_translation(en)
            translation.name = level_data["name"]["en"]
            translation.description = level_data["description"]["en"]
            if prerequisite is not None:
                translation.prerequisite = prerequisite.get_translation_or_none(en) or prerequisite
            translation.save()
        levels[level_data["slug"]] = level
    return levels


def seed_mentor_certificates(people, levels, clock):
    """The demo mentors hold the whole ladder, issued by programme staff over the years, in
    ladder order (a trainer certificate makes her a mentor)."""
    data = load("ladder")
    certificates = data["mentor_certificates"]
    staff = people[certificates["issued_by"]]
    for phone, held in certificates["holders"].items():
        mentor = people[phone]
        for level_data in data["levels"]:
            level = levels[level_data["slug"]]
            if Certificate.objects.filter(learner=mentor, level=level).exists():
                continue
            when = held[level_data["slug"]]
            issued = clock.day(
                months_ago=when["months_ago"], days_ago=when.get("days_ago", 0), at=ISSUE_TIME
            )
            with clock.at(issued):
                certificate_issue(learner=mentor, level=level, issued_by=staff)
                read_congratulations(mentor)


def seed_ladder_activity(people, regions, levels, assessments, clock):
    """Where cohort learners stand on the ladder, with the training sessions around them, in
    the order it happened."""
    data = load("ladder")
    sessions = training.seed_sessions(regions, people, clock)
    contacts = data["contacts"]
    for contact in contacts["log"]:
        mentoring.log_contact(
            people[contact["learner"]],
            contact,
            summary=contacts["summary"],
            # The token the demo has always used for these: no second copy on a re-run.
            token=f"demo-ladder-contact:{contact['learner']}:{contact['days_ago']}",
            clock=clock,
        )
    training.hold_past_sessions(sessions, Level.PRIMARY, people, clock)
    work = PrimaryWork(
        quiz=assessments.quizzes[requirement_slug(data, Level.PRIMARY, "quiz")],
        task=assessments.tasks[requirement_slug(data, Level.PRIMARY, "task")],
        lessons=learning.required_lessons(Level.PRIMARY),
        feedback=data["reflection_feedback"],
    )

    # 李春燕: everything the primary level asks for, but her mentor's sign-off.
    ready = data["ready_learner"]
    work.do(
        people[ready["learner"]],
        ready["task_text"],
        quiz_at=clock.ago(days=ready["quiz_days_ago"]),
        task_at=clock.ago(days=ready["task_days_ago"]),
        lessons_at=clock.ago(days=ready["lessons_days_ago"]),
        clock=clock,
    )

    # Those who earned the primary certificate: in the week before, the lessons, the module
    # quiz and the reflection; then her mentor's sign-off.
    primary = levels[Level.PRIMARY]
    for phone, days_ago in data["primary_holders"].items():
        learner = people[phone]
        if Certificate.objects.filter(learner=learner, level=primary).exists():
            continue
        signed = clock.ago(days=days_ago)
        work.do(
            learner,
            data["reflection_texts"][phone],
            lessons_at=signed - datetime.timedelta(days=4),
            quiz_at=signed - datetime.timedelta(days=3),
            task_at=signed - datetime.timedelta(days=2),
            clock=clock,
        )
        sign_off(learner, primary, data["sign_off_comments"][primary.slug], at=signed, clock=clock)

    # One of them has since done the intermediate work: her certificate waits for approval.
    training.hold_past_sessions(sessions, Level.INTERMEDIATE, people, clock)
    intermediate = levels[Level.INTERMEDIATE]
    waiting = data["awaiting_approval"]
    learner = people[waiting["learner"]]
    if not (
        Certificate.objects.filter(learner=learner, level=intermediate).exists()
        or ApprovalRequest.objects.filter(learner=learner, level=intermediate).exists()
    ):
        signed = clock.ago(days=waiting["days_ago"])
        learning.complete_lessons(
            learner,
            learning.required_lessons(Level.INTERMEDIATE),
            finished=signed - datetime.timedelta(days=1),
            clock=clock,
        )
        comment = data["sign_off_comments"][intermediate.slug]
        sign_off(learner, intermediate, comment, at=signed, clock=clock)

    # Seats in the sessions still to come: the intermediate ones need the primary certificate.
    training.book_upcoming(sessions, people, clock)


@dataclass
class PrimaryWork:
    """What the primary level asks a learner to do herself: its lessons, its quiz, its task."""

    quiz: object
    task: object
    lessons: list
    feedback: str

    def do(self, learner, task_text, *, lessons_at, quiz_at, task_at, clock):
        """The lessons she has not done yet, finished `lessons_at`; the quiz passed (every
        answer right) `quiz_at`; the task handed in `task_at` and passed by her mentor the
        next day. What she has already done is left as it is."""
        learning.complete_lessons(learner, self.lessons, finished=lessons_at, clock=clock)
        if not QuizAttempt.objects.filter(learner=learner, quiz=self.quiz, passed=True).exists():
            tries = [learning.quiz_size(self.quiz)]
            learning.take_quiz(learner, self.quiz, None, tries, ending=quiz_at, clock=clock)
        learning.pass_task(
            learner, self.task, task_text, handed_in=task_at, feedback=self.feedback, clock=clock
        )


def sign_off(learner, level, comment, *, at, clock):
    """Her current mentor signs her off `at`; the certificate is issued (or, for a level that
    needs approval, queued for staff) as the progress task would, the same moment."""
    mentor = MentorAssignment.objects.get(learner=learner, ended_at__isnull=True).mentor
    with clock.at(at):
        if not SignOff.objects.filter(learner=learner, level=level).exists():
            sign_off_create(learner=learner, level=level, mentor=mentor, comment=comment)
        certificate_award_if_ready(learner=learner)
        read_congratulations(learner)


def read_congratulations(learner):
    """She read the certificate's notification the day it came: in the demo it is old news,
    not one more unread message."""
    congratulations = Notification.objects.filter(recipient=learner, kind="certificate_issued")
    notifications_mark_read(
        user=learner, notification_ids=list(congratulations.values_list("pk", flat=True))
    )


def requirement_slug(data, level_slug, kind):
    """The demo slug of the quiz or task a level asks for (ladder.yaml)."""
    level = next(d for d in data["levels"] if d["slug"] == level_slug)
    return next(r[kind] for r in level["requirements"] if r["kind"] == kind)
