"""The engagement rule: when a learner needs attention, and why. The one place it is written.

Her mentor's caseload (the flags and the filters), the mentor's weekly digest, the staff
at-risk list and its export all ask `engagement_of`, with the thresholds staff edit in
Settings › Engagement settings, so that they never disagree about who needs attention.

The rule is about the learner, whoever looks at her:
- inactive: her last lesson activity is older than N days, or she has had none in the N days
  since her account was made;
- quiz_failures: N or more failed attempts at a quiz she has not passed;
- task_waiting: practical work waiting more than N days, for the mentor's grade or for her
  revision;
- no_mentor: she has no current mentor;
- no_contact: her last coaching contact (with any mentor) is older than N days, or she has had
  none in the N days since her account was made;
- follow_up: a follow-up planned at her last contact is due (a later contact cancels it);
- expiring: a certificate she holds expires within N days.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    When,
)
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.models import QuizAttempt, Submission, SubmissionStatus
from certificates.models import Certificate, current_certificates_q
from certificates.readiness import ladder
from courses.models import Enrolment
from lms.accounts.models import User
from lms.core.translation import localized_many
from lms.mentoring.models import MentorAssignment
from lms.mentoring.selectors import last_contact_on, pending_follow_up

from .models import EngagementSettings, LearnerFacts

REASONS = (
    "inactive",
    "quiz_failures",
    "task_waiting",
    "no_mentor",
    "no_contact",
    "follow_up",
    "expiring",
)


def reason_labels(config) -> dict:
    """Each reason as a heading, with the threshold it uses."""
    return {
        "inactive": _("No activity for %(days)s days") % {"days": config.inactive_days},
        "quiz_failures": _("%(n)s or more failed attempts at a quiz") % {"n": config.quiz_failures},
        "task_waiting": _("Practical task waiting more than %(days)s days")
        % {"days": config.task_wait_days},
        "no_mentor": _("No mentor"),
        "no_contact": _("No coaching contact for %(days)s days") % {"days": config.no_contact_days},
        "follow_up": _("Follow-up due"),
        "expiring": _("Certificate expiring within %(days)s days")
        % {"days": config.expiry_warning_days},
    }


@dataclass
class Engagement:
    """One learner: what the rule looked at, and the reasons she needs attention (code: detail,
    in the order of REASONS)."""

    learner_id: int
    last_activity: datetime.datetime | None = None
    last_contact_on: datetime.date | None = None
    next_follow_up: datetime.date | None = None
    has_mentor: bool = False
    reasons: dict = field(default_factory=dict)

    @property
    def needs_attention(self):
        return bool(self.reasons)


def engagement_of(learner_ids, *, config=None, today=None, now=None) -> dict[int, Engagement]:
    """{learner id: Engagement} for these learners (a list, or a queryset of ids for many).
    Five queries whatever their number, plus the settings and the ladder's names."""
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    config = config or EngagementSettings.load()
    found = {}
    reasons = {}
    reasons_of = _facts_reasons(config, today, now)
    for row in _learner_facts(learner_ids):
        found[row["pk"]] = Engagement(
            learner_id=row["pk"],
            last_activity=row["last_activity"],
            last_contact_on=row["last_contact_on"],
            next_follow_up=row["next_follow_up"],
            has_mentor=row["has_mentor"],
        )
        reasons[row["pk"]] = reasons_of(row)
    ids = list(found)
    for learner_id, code, detail in [
        *_quiz_failures(ids, config),
        *_tasks_waiting(ids, config, now),
        *_expiring(ids, config, today),
    ]:
        reasons[learner_id].setdefault(code, detail)
    for pk, engagement in found.items():
        engagement.reasons = {code: reasons[pk][code] for code in REASONS if code in reasons[pk]}
    return found


def engagement_stream(facts, *, config, today, now, among=None, fields=()):
    """(learner id, her reasons) for each of `facts` (LearnerFacts rows, a queryset in the
    order wanted), decided in the database by reason_conditions, the same conditions that
    choose the at-risk list, and read as the rows come (a server-side cursor): a whole
    province's list at once without holding her rows. The details that need the records (a
    quiz's title, a task's, a certificate's) are read for everyone whose facts show the
    reason, or only for the learners `among` (a page). With `fields` (of the facts row, or
    of her account through `learner__`), each is (learner id, those values, her reasons).
    Four queries, and the ladder's names."""
    conditions = reason_conditions(config, today=today, now=now)
    waiting_since = now - datetime.timedelta(days=config.task_wait_days)
    failing = LearnerFacts.objects.filter(quiz_failures__gte=config.quiz_failures)
    waiting = LearnerFacts.objects.filter(waiting_since__lt=waiting_since)
    if among is not None:
        failing, waiting = (
            failing.filter(learner_id__in=among),
            waiting.filter(learner_id__in=among),
        )
    details = {}
    for learner_id, code, detail in [
        *_quiz_failures(failing.values("learner_id"), config),
        *_tasks_waiting(waiting.values("learner_id"), config, now),
        *_expiring(among, config, today),
    ]:
        details.setdefault(learner_id, {}).setdefault(code, detail)
    texts = _reason_texts()
    rows = facts.annotate(
        **{
            f"is_{code}": ExpressionWrapper(conditions[code], output_field=BooleanField())
            for code in REASONS
        },
        # Dates, not times: a time costs the reader ten times more to read, for 40,000 rows.
        last_active_on=TruncDate("last_activity"),
    ).values_list(
        "learner_id",
        *(f"is_{code}" for code in REASONS),
        "last_active_on",
        "last_contact_on",
        "next_follow_up",
        *fields,
    )
    width = len(REASONS)
    for pk, *values in rows.iterator(chunk_size=2000):
        flags = values[:width]
        last_active_on, contact_on, follow_up_on = values[width : width + 3]
        reasons = {}
        for code, flag in zip(REASONS, flags, strict=True):
            if not flag:
                continue
            if code == "inactive":
                reasons[code] = (
                    texts["last_active"] % {"date": last_active_on.isoformat()}
                    if last_active_on
                    else texts["never_active"]
                )
            elif code == "no_contact":
                reasons[code] = (
                    texts["last_contact"] % {"date": contact_on.isoformat()}
                    if contact_on
                    else texts["never_contacted"]
                )
            elif code == "follow_up":
                reasons[code] = texts["planned"] % {"date": follow_up_on.isoformat()}
            elif code == "no_mentor":
                reasons[code] = texts["no_mentor"]
            else:
                reasons[code] = details.get(pk, {}).get(code, "")
        if fields:
            yield pk, values[width + 3 :], reasons
        else:
            yield pk, reasons


def _reason_texts():
    return {
        "last_active": _("last active %(date)s"),
        "never_active": _("no activity since she joined"),
        "no_mentor": _("no current mentor"),
        "last_contact": _("last contact %(date)s"),
        "never_contacted": _("no contact since she joined"),
        "planned": _("planned for %(date)s"),
    }


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def reason_conditions(config, *, today, now) -> dict:
    """The same rule as a condition on the engagement facts (models.LearnerFacts rows) for
    each reason, for lists that filter a whole province in the database (the staff at-risk
    list): every fact it reads is on the row, but a certificate about to expire."""

    def joined_before(days):
        return Q(date_joined__lt=_start_of(today - datetime.timedelta(days=days)))

    return {
        "inactive": Q(last_activity__lt=now - datetime.timedelta(days=config.inactive_days))
        | (Q(last_activity__isnull=True) & joined_before(config.inactive_days)),
        "quiz_failures": Q(quiz_failures__gte=config.quiz_failures),
        "task_waiting": Q(waiting_since__lt=now - datetime.timedelta(days=config.task_wait_days)),
        "no_mentor": Q(has_mentor=False),
        "no_contact": Q(last_contact_on__lt=today - datetime.timedelta(days=config.no_contact_days))
        | (Q(last_contact_on__isnull=True) & joined_before(config.no_contact_days)),
        "follow_up": Q(next_follow_up__lte=today),
        "expiring": Q(
            learner_id__in=Certificate.objects.filter(
                current_certificates_q(today),
                expires_on__lte=today + datetime.timedelta(days=config.expiry_warning_days),
            ).values("learner_id")
        ),
    }


def _learner_facts(learner_ids):
    """Per learner: her last activity, last contact, the follow-up pending after it, whether
    she has a mentor now, and when her account was made. One query."""
    return (
        User.objects.filter(pk__in=learner_ids)
        .annotate(
            last_activity=Subquery(
                Enrolment.objects.filter(learner=OuterRef("pk"), last_activity_at__isnull=False)
                .order_by("-last_activity_at")
                .values("last_activity_at")[:1]
            ),
            last_contact_on=last_contact_on(),
        )
        .annotate(
            next_follow_up=pending_follow_up(),
            has_mentor=Exists(
                MentorAssignment.objects.filter(learner=OuterRef("pk"), ended_at__isnull=True)
            ),
        )
        .values(
            "pk",
            "date_joined",
            "display_name",
            "last_activity",
            "last_contact_on",
            "next_follow_up",
            "has_mentor",
        )
    )


def _facts_reasons(config, today, now):
    """The reasons read from one learner's dates: a function of her row, with the thresholds
    and the texts worked out once (a province's export asks it 40,000 times)."""
    inactive_since = now - datetime.timedelta(days=config.inactive_days)
    joined_inactive = _start_of(today - datetime.timedelta(days=config.inactive_days))
    contact_since = today - datetime.timedelta(days=config.no_contact_days)
    joined_no_contact = _start_of(contact_since)
    texts = _reason_texts()
    last_active, never_active = texts["last_active"], texts["never_active"]
    no_mentor, planned = texts["no_mentor"], texts["planned"]
    last_contact, never_contacted = texts["last_contact"], texts["never_contacted"]

    def reasons_of(row) -> dict:
        reasons = {}
        joined = row["date_joined"]
        last = row["last_activity"]
        if last is not None and last < inactive_since:
            reasons["inactive"] = last_active % {
                "date": timezone.localtime(last).date().isoformat()
            }
        elif last is None and joined < joined_inactive:
            reasons["inactive"] = never_active
        if not row["has_mentor"]:
            reasons["no_mentor"] = no_mentor
        contact = row["last_contact_on"]
        if contact is not None and contact < contact_since:
            reasons["no_contact"] = last_contact % {"date": contact.isoformat()}
        elif contact is None and joined < joined_no_contact:
            reasons["no_contact"] = never_contacted
        follow_up = row["next_follow_up"]
        if follow_up is not None and follow_up <= today:
            reasons["follow_up"] = planned % {"date": follow_up.isoformat()}
        return reasons

    return reasons_of


def _quiz_failures(ids, config):
    """Repeated failures at a quiz she has not passed (the first such quiz by title)."""
    rows = (
        QuizAttempt.objects.filter(learner_id__in=ids, submitted_at__isnull=False)
        .values("learner_id", "quiz_id")
        .annotate(
            fails=Count("pk", filter=Q(passed=False)), passes=Count("pk", filter=Q(passed=True))
        )
        .filter(passes=0, fails__gte=config.quiz_failures)
        .order_by("learner_id", "quiz__title")
        .values_list("learner_id", "quiz__title", "fails")
    )
    for learner_id, title, fails in rows:
        yield (
            learner_id,
            "quiz_failures",
            _("“%(quiz)s”: %(n)s failed attempts") % {"quiz": title, "n": fails},
        )


def _waiting_since():
    return Case(
        When(status=SubmissionStatus.SUBMITTED, then=F("submitted_at")), default=F("updated_at")
    )


def _tasks_waiting(ids, config, now):
    """Practical work waiting for the mentor's grade, or for her revision (the oldest)."""
    waiting_since = now - datetime.timedelta(days=config.task_wait_days)
    rows = (
        Submission.objects.filter(learner_id__in=ids)
        .filter(
            Q(status=SubmissionStatus.SUBMITTED, submitted_at__lt=waiting_since)
            | Q(status=SubmissionStatus.NEEDS_REVISION, updated_at__lt=waiting_since)
        )
        .annotate(since=_waiting_since())
        .order_by("learner_id", "since")
        .values_list("learner_id", "task__title", "status", "since")
    )
    for learner_id, title, status, since in rows:
        text = (
            _("“%(task)s” waiting for grading since %(date)s")
            if status == SubmissionStatus.SUBMITTED
            else _("“%(task)s” waiting for her revision since %(date)s")
        )
        yield (
            learner_id,
            "task_waiting",
            text % {"task": title, "date": timezone.localtime(since).date().isoformat()},
        )


def _expiring(ids, config, today):
    """A certificate she holds now that expires soon, its level named in the reader's
    language (the soonest). `ids` None: everyone's."""
    expiring = Certificate.objects.filter(
        current_certificates_q(today),
        expires_on__lte=today + datetime.timedelta(days=config.expiry_warning_days),
    )
    rows = list(
        (expiring if ids is None else expiring.filter(learner_id__in=ids))
        .order_by("learner_id", "expires_on")
        .values_list("learner_id", "level_id", "expires_on")
    )
    if not rows:
        return
    names = {pk: level.name for pk, level in localized_many(ladder()).items()}
    for learner_id, level_id, expires_on in rows:
        yield (
            learner_id,
            "expiring",
            _("%(level)s expires %(date)s")
            % {"level": names.get(level_id, ""), "date": expires_on.isoformat()},
        )
