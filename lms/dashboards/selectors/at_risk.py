"""Learners at risk: the active members of the staff member's cohorts who need attention,
by the one engagement rule (lms/engagement/rules.py)."""

import operator
from dataclasses import dataclass, field
from functools import reduce

from django.db.models import Count, Window
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lms.accounts.models import User
from lms.engagement.models import EngagementSettings
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
    def __init__(self, cohorts, *, reason=None, today=None, now=None, config=None):
        self.now = now or timezone.now()
        self.today = today or timezone.localdate(self.now)
        self.config = config or EngagementSettings.load()
        self.cohorts = cohorts
        conditions = reason_conditions(self.config, today=self.today, now=self.now)
        wanted = conditions[reason] if reason else reduce(operator.or_, conditions.values())
        self.users = (
            User.objects.filter(pk__in=active_members(cohorts).values("learner_id"))
            .filter(wanted)
            .order_by("display_name", "pk")
        )
        self.learners = self.users.values_list("pk", flat=True)
        self._count = None
        self._ahead = None

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
            self.learners.annotate(total=Window(Count("pk"))).values_list("pk", "total")[start:stop]
        )
        if found:
            self._count = found[0][1]
            self._ahead = (start, stop, [pk for pk, _total in found])

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        if self._ahead and (index.start or 0, index.stop) == self._ahead[:2]:
            ids = self._ahead[2]
        else:
            ids = list(self.learners[index])
        if not ids:
            return []
        return list(self._read(User.objects.filter(pk__in=ids), among=ids, order=ids))

    def __iter__(self):
        """Every row, in order, streamed from one cursor."""
        return self._read(self.users)

    def _read(self, users, among=None, order=None):
        """The rows of `users`: their cohorts among the list's (one query), and their names
        and reasons (lms.engagement.rules.engagement_stream)."""
        members = active_members(self.cohorts)
        members = members.filter(learner_id__in=among if among is not None else users.values("pk"))
        cohorts = {}
        for learner_id, name in (
            members.order_by("learner_id", "cohort__name")
            .values_list("learner_id", "cohort__name")
            .iterator(chunk_size=5000)
        ):
            cohorts.setdefault(learner_id, []).append(name)
        english = get_language() == "en"
        stream = engagement_stream(
            users,
            config=self.config,
            today=self.today,
            now=self.now,
            among=among,
            fields=("display_name", "username", "home_region__name", "home_region__name_en"),
        )
        rows = {} if order is not None else None
        for pk, (name, username, village, village_en), reasons in stream:
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
