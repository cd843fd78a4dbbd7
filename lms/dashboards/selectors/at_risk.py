"""Learners at risk: the active members of the staff member's cohorts who need attention,
by the one engagement rule (lms/engagement/rules.py)."""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lms.engagement.rules import REASONS, engagement_of, reason_labels
from lms.programme.models import Cohort

from .common import active_members

RISK_REASONS = REASONS


@dataclass
class Person:
    """A learner as the at-risk list shows her: plain values, not a model instance (a
    province has tens of thousands)."""

    pk: int
    name: str
    village: str

    def __str__(self):
        return self.name


@dataclass
class RiskRow:
    learner: Person
    cohorts: list
    joined_on: datetime.date
    reasons: dict = field(default_factory=dict)  # code: detail


def at_risk_rows(cohorts, *, reason=None, today=None, now=None, config=None) -> list[RiskRow]:
    """Active members of `cohorts` who need attention by the engagement rule, each reason with
    its detail, ordered by name. Two queries for the members and their cohorts, and the
    rule's."""
    members = {}
    cohort_ids = cohorts.values("pk") if hasattr(cohorts, "values") else [c.pk for c in cohorts]
    cohort_by_id = {c.pk: c for c in Cohort.objects.filter(pk__in=cohort_ids).only("name")}
    english = get_language() == "en"
    for learner_id, cohort_id, joined_on, name, username, village, village_en in (
        active_members(cohorts)
        .order_by("learner__display_name", "learner_id", "cohort__name")
        .values_list(
            "learner_id",
            "cohort_id",
            "joined_on",
            "learner__display_name",
            "learner__username",
            "learner__home_region__name",
            "learner__home_region__name_en",
        )
    ):
        row = members.get(learner_id)
        if row is None:
            person = Person(learner_id, name or username, (english and village_en) or village or "")
            row = members[learner_id] = RiskRow(person, [], joined_on)
        row.cohorts.append(cohort_by_id[cohort_id])
        row.joined_on = min(row.joined_on, joined_on)
    engagement = engagement_of(
        active_members(cohorts).values("learner_id"), config=config, today=today, now=now
    )
    for pk, row in members.items():
        row.reasons = engagement[pk].reasons
    rows = [row for row in members.values() if row.reasons]
    if reason:
        rows = [row for row in rows if reason in row.reasons]
    return rows


def at_risk_table(rows, config):
    labels = reason_labels(config)
    headers = [_("Learner"), _("Village"), _("Cohort"), _("Reasons"), _("Details")]
    table = [
        [
            row.learner.name,
            row.learner.village,
            ", ".join(c.name for c in row.cohorts),
            "; ".join(str(labels[code]) for code in row.reasons),
            "; ".join(str(detail) for detail in row.reasons.values()),
        ]
        for row in rows
    ]
    return headers, table
