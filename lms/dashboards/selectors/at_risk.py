"""Learners at risk: the active members of the staff member's cohorts who need attention,
by the one engagement rule (lms/engagement/rules.py)."""

import datetime
import operator
from dataclasses import dataclass, field
from functools import reduce

from django.db.models import Count, Window
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lms.accounts.models import User
from lms.engagement.models import EngagementSettings
from lms.engagement.rules import REASONS, engagement_of, reason_conditions, reason_labels
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


def at_risk_rows(cohorts, *, reason=None, today=None, now=None, config=None) -> "AtRiskRows":
    """Active members of `cohorts` who need attention by the engagement rule, ordered by
    name: a sequence read a slice at a time (a page of the screen, a chunk of the export).
    Who is on it is decided in the database from the engagement facts (one query whatever
    the province's size); each row's reasons and details are the rule's, counted fresh for
    the rows read."""
    return AtRiskRows(cohorts, reason=reason, today=today, now=now, config=config)


class AtRiskRows:
    CHUNK = 2000  # rows counted together when the whole list is read (the export)

    def __init__(self, cohorts, *, reason=None, today=None, now=None, config=None):
        self.now = now or timezone.now()
        self.today = today or timezone.localdate(self.now)
        self.config = config or EngagementSettings.load()
        self.cohorts, self.reason = cohorts, reason
        conditions = reason_conditions(self.config, today=self.today, now=self.now)
        wanted = conditions[reason] if reason else reduce(operator.or_, conditions.values())
        self.learners = (
            User.objects.filter(pk__in=active_members(cohorts).values("learner_id"))
            .filter(wanted)
            .order_by("display_name", "pk")
            .values_list("pk", flat=True)
        )
        self._count = None

    def count(self):
        if self._count is None:
            self._count = self.learners.count()
        return self._count

    __len__ = count

    def read_ahead(self, start, stop):
        """Read the learners of rows start…stop and the length of the list in one query (the
        database finds and sorts the list once, not once to count it and again for the
        page): a paginator's count and slice that follow cost nothing more."""
        found = list(
            self.learners.annotate(total=Window(Count("pk"))).values_list("pk", "total")[
                start:stop
            ]
        )
        if found:
            self._count = found[0][1]
            self._ahead = (start, stop, [pk for pk, _total in found])

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ahead = getattr(self, "_ahead", None)
        if ahead and (index.start or 0, index.stop) == ahead[:2]:
            return self._rows(ahead[2])
        return self._rows(list(self.learners[index]))

    def __iter__(self):
        ids = list(self.learners)
        for start in range(0, len(ids), self.CHUNK):
            yield from self._rows(ids[start : start + self.CHUNK])

    def _rows(self, ids) -> list[RiskRow]:
        """These learners' rows, in this order: her cohorts among the list's, when she
        joined the first, and the rule's reasons. Three queries, and the rule's."""
        if not ids:
            return []
        members = {}
        cohort_ids = set()
        english = get_language() == "en"
        for learner_id, cohort_id, joined_on, name, username, village, village_en in (
            active_members(self.cohorts)
            .filter(learner_id__in=ids)
            .order_by("learner_id", "cohort__name")
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
                village = (english and village_en) or village or ""
                row = members[learner_id] = RiskRow(
                    Person(learner_id, name or username, village), [], joined_on
                )
            row.cohorts.append(cohort_id)
            cohort_ids.add(cohort_id)
            row.joined_on = min(row.joined_on, joined_on)
        cohort_by_id = {c.pk: c for c in Cohort.objects.filter(pk__in=cohort_ids).only("name")}
        engagement = engagement_of(ids, config=self.config, today=self.today, now=self.now)
        rows = []
        for pk in ids:
            row = members.get(pk)
            if row is None:  # no longer an active member since the list was counted
                continue
            row.cohorts = [cohort_by_id[c] for c in row.cohorts]
            row.reasons = engagement[pk].reasons
            # The facts lag the records by the moment the background refresh takes: the
            # fresh rule has the last word.
            if row.reasons and (self.reason is None or self.reason in row.reasons):
                rows.append(row)
        return rows


def at_risk_table(rows, config):
    """(headers, the rows as cells): a list for a list, and for the whole at-risk list a
    sequence that is read a chunk at a time (an export streams it to the file)."""
    labels = reason_labels(config)
    headers = [_("Learner"), _("Village"), _("Cohort"), _("Reasons"), _("Details")]

    def cells(row):
        return [
            row.learner.name,
            row.learner.village,
            ", ".join(c.name for c in row.cohorts),
            "; ".join(str(labels[code]) for code in row.reasons),
            "; ".join(str(detail) for detail in row.reasons.values()),
        ]

    if isinstance(rows, AtRiskRows):
        return headers, Mapped(rows, cells)
    return headers, [cells(row) for row in rows]


class Mapped:
    """`function` over each of `rows` when read, with the length of `rows`."""

    def __init__(self, rows, function):
        self.rows, self.function = rows, function

    def __len__(self):
        return len(self.rows)

    def __iter__(self):
        return map(self.function, self.rows)
