"""Learners at risk: the active members of the staff member's cohorts who need attention,
by the one engagement rule (lms/engagement/rules.py)."""

import itertools
import json
import operator
from dataclasses import dataclass, field
from functools import reduce

from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lms.engagement.models import EngagementSettings, LearnerFacts
from lms.engagement.rules import (
    REASONS,
    engagement_stream,
    reason_conditions,
    reason_labels,
)

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
    cohorts: list  # the names of her cohorts among the list's
    reasons: dict = field(default_factory=dict)  # code: detail


def at_risk_rows(cohorts, *, reason=None, today=None, now=None, config=None) -> "AtRiskRows":
    """Active members of `cohorts` who need attention by the engagement rule, ordered by
    name: a sequence read a slice at a time (a page of the screen) or streamed whole (the
    export). Who is on it and why is decided in the database from the engagement facts
    (lms/engagement/facts.py), by the rule's own conditions: a fixed number of queries, and
    no row object for a learner who is not read."""
    return AtRiskRows(cohorts, reason=reason, today=today, now=now, config=config)


class AtRiskRows:
    """The list's length is counted, and its page found, on the facts table alone (its
    members' rows, by the rule's conditions, sorted by the name copied there): at 50,000
    learners a join of every member's facts with her account and her mentor cost more than
    the rest of the page."""

    def __init__(self, cohorts, *, reason=None, today=None, now=None, config=None):
        self.now = now or timezone.now()
        self.today = today or timezone.localdate(self.now)
        self.config = config or EngagementSettings.load()
        self.cohorts = cohorts
        conditions = reason_conditions(self.config, today=self.today, now=self.now)
        wanted = conditions[reason] if reason else reduce(operator.or_, conditions.values())
        self.facts = LearnerFacts.objects.filter(
            learner_id__in=active_members(cohorts).values("learner_id")
        ).filter(wanted)
        self.by_name = self.facts.order_by("display_name", "learner_id")
        self._count = None

    def count(self):
        if self._count is None:
            self._count = self.facts.count()
        return self._count

    __len__ = count

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = list(self.by_name.values_list("learner_id", flat=True)[index])
        if not ids:
            return []
        return list(
            self._read(LearnerFacts.objects.filter(learner_id__in=ids), among=ids, order=ids)
        )

    def __iter__(self):
        """Every row, in order, streamed from one cursor."""
        return self._read(self.by_name)

    def _read(self, facts, among=None, order=None):
        """The rows of `facts`, with their names and reasons
        (lms.engagement.rules.engagement_stream), and their cohorts among the list's, read
        for each batch of rows as they come (one query a batch): memory stays the same
        whatever the length of the list."""
        english = get_language() == "en"
        stream = engagement_stream(
            facts,
            config=self.config,
            today=self.today,
            now=self.now,
            among=among,
            fields=(
                "learner__display_name",
                "learner__username",
                "learner__home_region__name",
                "learner__home_region__name_en",
            ),
        )
        rows = {} if order is not None else None
        for batch in iter(lambda: list(itertools.islice(stream, BATCH)), []):
            cohorts = self._cohorts_of([pk for pk, _values, _reasons in batch])
            for pk, (name, username, village, village_en), reasons in batch:
                if pk not in cohorts:  # no longer an active member since the list was counted
                    continue
                village = (english and village_en) or village or ""
                row = RiskRow(Person(pk, name or username, village), cohorts[pk], reasons)
                if rows is None:
                    yield row
                else:
                    rows[pk] = row
        if order is not None:
            yield from (rows[pk] for pk in order if pk in rows)

    def _cohorts_of(self, learner_ids):
        """{learner id: the names of her cohorts among the list's}, for these learners."""
        cohorts = {}
        for learner_id, name in (
            active_members(self.cohorts)
            .filter(learner_id__in=_one_parameter(learner_ids))
            .order_by("learner_id", "cohort__name")
            .values_list("learner_id", "cohort__name")
        ):
            cohorts.setdefault(learner_id, []).append(name)
        return cohorts


BATCH = 2000  # rows read, looked up and written at a time (the cursor's chunk)


def _one_parameter(ids):
    """These ids as a subquery of one parameter (an array; JSON on SQLite): a list of 2,000
    ids as an IN list costs Django more to build than the database to run."""
    ids = [int(pk) for pk in ids]
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [ids])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])


def at_risk_table(rows, config):
    """(headers, the rows as cells): a list for a list, and for the whole at-risk list a
    sequence that is read a chunk at a time (an export streams it to the file)."""
    labels = reason_labels(config)
    headers = [_("Learner"), _("Village"), _("Cohort"), _("Reasons"), _("Details")]

    def cells(row):
        return [
            row.learner.name,
            row.learner.village,
            ", ".join(row.cohorts),
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
