"""The at-risk list decides who is on it from the engagement facts (a table kept current by
events, so that a province is filtered in one query); the mentor's page asks the rule fresh.
After every kind of change, the table must hold what counting afresh gives, and the list's
conditions must pick exactly the learners and reasons the fresh rule gives, for any
thresholds and as days pass."""

import datetime
import uuid

import pytest
from django.utils import timezone

from assessments.models import Submission
from assessments.services import submission_draft_save, submission_grade, submission_submit
from certificates.services import certificate_issue, certificate_revoke
from courses.models import Enrolment
from courses.services import lesson_complete, lesson_visit
from lms.accounts.models import User
from lms.dashboards.selectors import at_risk_rows
from lms.engagement.facts import FIELDS, facts_of
from lms.engagement.models import EngagementSettings, LearnerFacts
from lms.engagement.rules import REASONS, engagement_of, reason_conditions
from lms.mentoring.models import CoachingContact, MentorAssignment
from lms.mentoring.services import mentor_assign, mentor_assign_bulk, mentor_assignment_end
from lms.programme.models import CohortMembership, MembershipStatus
from lms.programme.services import import_apply, import_preview, import_start
from tests.factories import (
    CohortFactory,
    cohort_member,
    lessons_of,
    log_contact,
    make_mentor,
    make_quiz,
    pass_task,
    staff_user,
    take_quiz,
)
from tests.factories.assessments import levels_for

pytestmark = pytest.mark.django_db

CONFIGS = [
    EngagementSettings(
        inactive_days=14,
        quiz_failures=2,
        task_wait_days=7,
        no_contact_days=30,
        expiry_warning_days=30,
    ),
    EngagementSettings(
        inactive_days=3,
        quiz_failures=1,
        task_wait_days=1,
        no_contact_days=5,
        expiry_warning_days=400,
    ),
]
DAYS_LATER = (0, 2, 8, 15, 31, 61, 400)


def assert_agree(learners):
    ids = [learner.pk for learner in learners]
    stored = {
        row["learner_id"]: {name: row[name] for name in FIELDS}
        for row in LearnerFacts.objects.filter(learner_id__in=ids).values("learner_id", *FIELDS)
    }
    nothing = dict.fromkeys(FIELDS) | {"quiz_failures": 0}
    for pk, fresh in facts_of(ids).items():
        assert stored.get(pk, nothing) == fresh, User.objects.get(pk=pk)
    now = timezone.now()
    for config in CONFIGS:
        for days in DAYS_LATER:
            later = now + datetime.timedelta(days=days)
            today = timezone.localdate(later)
            fresh = engagement_of(ids, config=config, today=today, now=later)
            conditions = reason_conditions(config, today=today, now=later)
            for code in REASONS:
                listed = set(
                    LearnerFacts.objects.filter(learner_id__in=ids)
                    .filter(conditions[code])
                    .values_list("learner_id", flat=True)
                )
                expected = {pk for pk, e in fresh.items() if code in e.reasons}
                assert listed == expected, (code, config.inactive_days, days)


def test_the_facts_and_the_fresh_rule_agree_after_every_kind_of_change(
    ladder, counties, django_capture_on_commit_callbacks
):
    _province, county, _other = counties
    cohort = CohortFactory(region=county)
    mentor, other_mentor = make_mentor(county), make_mentor(county)
    quiz = make_quiz("安全测验", max_attempts=9)
    lesson = lessons_of(ladder.course)[0]
    people = []

    def step(action):
        with django_capture_on_commit_callbacks(execute=True):
            action()
        assert_agree(people)

    step(
        lambda: people.extend(
            cohort_member(cohort, f"妈妈{i}", joined_days_ago=20) for i in range(4)
        )
    )
    a, b, c, d = people
    step(lambda: mentor_assign(learner=a, mentor=mentor))
    step(lambda: mentor_assign(learner=b, mentor=mentor))
    step(
        lambda: mentor_assignment_end(
            assignment=MentorAssignment.objects.get(learner=a), reason="搬家了"
        )
    )
    step(lambda: mentor_assign(learner=c, mentor=mentor))
    step(lambda: lesson_visit(learner=a, lesson=lesson))  # not enrolled: nothing noted
    step(lambda: lesson_complete(learner=a, lesson=lesson))
    step(lambda: lesson_complete(learner=a, lesson=lesson))  # again: activity only
    step(lambda: lesson_visit(learner=a, lesson=lesson))
    step(lambda: take_quiz(b, quiz, passing=False))
    step(lambda: take_quiz(b, quiz, passing=False))
    step(lambda: take_quiz(b, ladder.quiz, passing=False))
    step(lambda: take_quiz(b, quiz, passing=True))
    step(
        lambda: submission_draft_save(
            learner=c, task=ladder.task, text="方案", form_token=uuid.uuid4().hex
        )
    )
    step(lambda: submission_submit(learner=c, task=ladder.task))
    step(lambda: grade(c, mentor))
    step(lambda: pass_task(c, ladder.task, mentor))
    step(lambda: mentor_assign(learner=d, mentor=mentor))
    step(lambda: log_contact(mentor, d, days_ago=10, follow_up_in=5))
    step(lambda: log_contact(mentor, d, days_ago=12))  # earlier: the follow-up stays
    step(
        lambda: mentor_assign(learner=d, mentor=other_mentor, replace_current=True, reason="换导师")
    )
    step(lambda: log_contact(other_mentor, d, days_ago=1))  # later: cancels it
    step(lambda: CoachingContact.objects.filter(learner=d).order_by("-contact_date")[0].delete())
    step(lambda: certificate_issue(learner=d, level=ladder.primary))
    step(
        lambda: certificate_revoke(
            certificate=d.certificates.get(), actor=staff_user(county), reason="错发"
        )
    )
    step(lambda: Enrolment.objects.filter(learner=a).delete())
    step(lambda: a.delete())


def grade(learner, mentor):
    submission = Submission.objects.get(learner=learner)
    submission_grade(
        reviewer=mentor,
        submission_id=submission.pk,
        version_id=submission.versions.order_by("-pk").first().pk,
        levels=levels_for(submission.task.rubric, "需要改进"),
        decision="needs_revision",
        feedback="再改改",
    )


def test_the_list_counts_its_members_rows_and_they_follow_names_mentors_and_imports(
    ladder, regions, django_capture_on_commit_callbacks
):
    """The list's length and its page are read from the facts alone: every member has a row,
    and what it copies (her name, when she joined, whether she has a mentor) follows every
    path that changes it, the bulk ones too (an import, a bulk assignment)."""
    county = regions["county"]
    cohort = CohortFactory(name="2026秋初级班", region=county)
    other = CohortFactory(name="2026秋中级班", region=county)
    mentor = make_mentor(county)
    staff = staff_user(county)
    people = []

    def step(action):
        with django_capture_on_commit_callbacks(execute=True):
            action()
        members = set(
            CohortMembership.objects.filter(status=MembershipStatus.ACTIVE).values_list(
                "learner_id", flat=True
            )
        )
        assert members <= set(LearnerFacts.objects.values_list("learner_id", flat=True))
        people[:] = User.objects.filter(pk__in=members)
        assert_agree(people)
        listed = at_risk_rows([cohort, other], config=CONFIGS[0])
        fresh = engagement_of(list(members), config=CONFIGS[0])
        expected = sorted((u.display_name, u.pk) for u in people if fresh[u.pk].needs_attention)
        assert [(row.learner.name, row.learner.pk) for row in listed] == expected
        assert len(listed) == len(expected)
        assert [row.learner.pk for row in listed[1:3]] == [pk for _name, pk in expected[1:3]]

    step(lambda: [cohort_member(cohort, name, joined_days_ago=40) for name in ("丙", "甲", "乙")])
    a, b, c = sorted(people, key=lambda u: u.pk)
    step(lambda: CohortMembership.objects.create(cohort=other, learner=a))
    step(lambda: rename(a, "丁"))
    step(lambda: mentor_assign_bulk(pairs=[(a.pk, mentor.pk), (b.pk, mentor.pk)], actor=staff))
    step(lambda: mentor_assign(learner=c, mentor=mentor))
    step(lambda: MentorAssignment.objects.get(learner=c, ended_at=None).delete())
    # A new learner, and a new name for one already there (matched by her number).
    step(
        lambda: learner_import(
            staff,
            "戊,13800000001,周家桥社区,2026秋初级班,,",
            f"己,{c.phone.removeprefix('+86')},周家桥社区,2026秋初级班,,",
        )
    )
    step(lambda: a.delete())


def rename(person, name):
    person.display_name = name
    person.save()


def learner_import(staff, *lines):
    data = "\n".join(["姓名,手机号,村,班级,邮箱,带教老师", *lines]).encode()
    batch = import_preview(actor=staff, file_name="a.csv", data=data)
    import_start(batch=batch, actor=staff)
    import_apply(batch_id=batch.pk)
