"""The engagement facts table (models.LearnerFacts): what the rule (rules.py) reads about each
learner, counted once when it changes instead of on every visit to the at-risk list, and what
the list counts and sorts her by (a mentor or none, when she joined, her name), so that the
list's length and its page are read from this one table.

Kept current by the events that change it, after their commit, in the background: every
transaction that changes a learner's progress or activity (a lesson, a quiz, a task, a grade, a
coaching contact, a mentor assignment, a cohort membership, her account's name) ends in one
`learner_progress_settled` or `learner_activity_settled` for its learners (lms/core/signals.py),
and receivers.py refreshes their rows. `facts_refresh_all` (the command `engagement_refresh`,
and nightly) counts everyone again: as a safety net. `tests/dashboards/test_at_risk_facts.py`
checks that the table and the fresh rule agree after every kind of change."""

from django.db import transaction
from django.db.models import Count, Min, Q

from assessments.models import QuizAttempt, Submission, SubmissionStatus
from lms.accounts.models import User

from .models import LearnerFacts
from .rules import _learner_facts, _waiting_since

BATCH = 2000
FIELDS = (
    "last_activity",
    "last_contact_on",
    "next_follow_up",
    "quiz_failures",
    "waiting_since",
    "has_mentor",
    "date_joined",
    "display_name",
)


def facts_of(learner_ids) -> dict[int, dict]:
    """{learner id: the facts' values} counted from the records now. Three queries."""
    facts = {
        row["pk"]: {
            "last_activity": row["last_activity"],
            "last_contact_on": row["last_contact_on"],
            "next_follow_up": row["next_follow_up"],
            "quiz_failures": 0,
            "waiting_since": None,
            "has_mentor": row["has_mentor"],
            "date_joined": row["date_joined"],
            "display_name": row["display_name"],
        }
        for row in _learner_facts(learner_ids)
    }
    failures = (
        QuizAttempt.objects.filter(learner_id__in=learner_ids, submitted_at__isnull=False)
        .values("learner_id", "quiz_id")
        .annotate(
            fails=Count("pk", filter=Q(passed=False)), passes=Count("pk", filter=Q(passed=True))
        )
        .filter(passes=0, fails__gt=0)
        .order_by()
        .values_list("learner_id", "fails")
    )
    for learner_id, fails in failures:
        facts[learner_id]["quiz_failures"] = max(facts[learner_id]["quiz_failures"], fails)
    waiting = (
        Submission.objects.filter(
            learner_id__in=learner_ids,
            status__in=[SubmissionStatus.SUBMITTED, SubmissionStatus.NEEDS_REVISION],
        )
        .annotate(since=_waiting_since())
        .values("learner_id")
        .annotate(oldest=Min("since"))
        .values_list("learner_id", "oldest")
    )
    for learner_id, oldest in waiting.order_by():
        facts[learner_id]["waiting_since"] = oldest
    return facts


def facts_refresh(learner_ids) -> int:
    """Count these learners' facts again and write them (a learner deleted meanwhile is
    skipped). Returns how many rows were written."""
    ids = sorted(set(learner_ids))
    written = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        facts = facts_of(chunk)
        with transaction.atomic():
            LearnerFacts.objects.bulk_create(
                [LearnerFacts(learner_id=pk, **values) for pk, values in facts.items()],
                update_conflicts=True,
                unique_fields=["learner"],
                update_fields=[*FIELDS, "updated_at"],
            )
        written += len(facts)
    return written


def facts_refresh_all() -> int:
    """Everyone's facts, counted again."""
    ids = list(User.objects.order_by("pk").values_list("pk", flat=True))
    LearnerFacts.objects.exclude(learner_id__in=ids).delete()
    return facts_refresh(ids)
