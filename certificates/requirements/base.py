"""What every kind of requirement is made of. A unit (one module per kind, beside this one)
says everything the platform knows about its kind: its name, which field of the requirement
it needs, how it is evaluated for one learner and in bulk, how it is described to the learner
and how it shows in a dashboard cell. The readiness engine, the checklist, the certificate
views and the dashboards ask the unit; none of them knows a kind by name."""

from dataclasses import dataclass, field

from django.db.models import Count
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from lms.core.translation import localized


@dataclass
class Check:
    """One requirement for one learner. `have`/`need` are counts (lessons, sessions,
    contacts), a score (quiz: best %, pass mark) or 0/1; `state` adds what the numbers
    cannot say (a practical task's status)."""

    requirement: object  # a LevelRequirement
    met: bool
    have: int | None = None
    need: int | None = None
    state: str = ""
    unit: "RequirementUnit" = field(default=None, compare=False, repr=False)

    @property
    def kind(self):
        return self.requirement.kind

    @property
    def fraction(self) -> float:
        """How far she is, from 0 to 1 (the readiness percent averages these)."""
        return self.unit.fraction(self)

    def key(self):
        """What single and bulk evaluation must agree on."""
        return (self.requirement.pk, self.kind, self.met, self.have, self.need, self.state)


@dataclass
class ChecklistItem:
    """A requirement in words a mother understands, with where to go to close the gap."""

    met: bool
    text: str
    detail: str
    url: str = ""
    link_text: str = ""


class RequirementUnit:
    kind = ""  # the value stored in LevelRequirement.kind
    label = ""  # its name, for editors and column headings
    target = None  # the LevelRequirement field it needs ("course", "quiz", …), or None
    counted = False  # it asks for `count` of something

    def evaluate(self, learner_id, requirement, level, today) -> Check:
        raise NotImplementedError

    def evaluate_bulk(self, learners, requirement, level, today) -> tuple[dict, dict]:
        """({learner id: Check fields} for the learners that have anything, the fields of
        the rest), in a fixed number of queries whatever the number of learners. `learners`
        is a list of ids or a queryset of them."""
        raise NotImplementedError

    def met_bulk(self, learners, requirement, level, today, ids) -> set:
        """The learners among `ids` (all of `learners`, as a set) who meet it: what
        evaluate_bulk says, for the overview's counts. A kind that counts many rows answers
        in the database instead (only the learners who meet it come back)."""
        found, default = self.evaluate_bulk(learners, requirement, level, today)
        if default["met"]:
            return ids - {pk for pk, answer in found.items() if not answer["met"]}
        return {pk for pk, answer in found.items() if answer["met"]}

    def describe(self, check, *, learner_id=None, for_learner=True) -> ChecklistItem:
        raise NotImplementedError

    def check(self, requirement, **fields) -> Check:
        return Check(requirement, unit=self, **fields)

    def fraction(self, check) -> float:
        if check.met:
            return 1.0
        if self.counted and check.need:
            return min((check.have or 0) / check.need, 1.0)
        return 0.0

    def heading(self, requirement) -> str:
        """The requirement as a column heading, naming its target in the reader's
        language."""
        target = getattr(requirement, self.target) if self.target else None
        if target is not None and hasattr(target, "title"):
            return _("%(kind)s: %(title)s") % {"kind": self.label, "title": localized(target).title}
        if self.counted:
            return f"{self.label} ({requirement.count})"
        return str(self.label)

    def cell(self, check) -> str:
        """The requirement for one learner in a dashboard cell."""
        if check.met:
            return "✓"
        if check.have is not None and check.need is not None:
            return f"✗ {check.have}/{check.need}"
        return "✗"


def grouped(queryset, learner_field, **aggregates) -> dict:
    return {
        row[learner_field]: row for row in queryset.values(learner_field).annotate(**aggregates)
    }


def counted_bulk(queryset, learner_field, requirement, count=None):
    """For the kinds that count something (sessions, contacts, ratings): met at `count`."""
    rows = grouped(queryset, learner_field, n=count or Count("session_id", distinct=True))
    need = requirement.count
    return (
        {pk: {"met": row["n"] >= need, "have": row["n"], "need": need} for pk, row in rows.items()},
        {"met": False, "have": 0, "need": need},
    )


def counted_met(queryset, learner_field, need, count=None) -> set:
    """counted_bulk's learners who meet it, counted in the database."""
    return set(
        queryset.values(learner_field)
        .annotate(n=count or Count("session_id", distinct=True))
        .filter(n__gte=need)
        .values_list(learner_field, flat=True)
    )


def held_bulk(ids):
    """For the kinds met by holding one thing (a sign-off, a certificate)."""
    return {pk: {"met": True, "have": 1, "need": 1} for pk in ids}, {
        "met": False,
        "have": 0,
        "need": 1,
    }


def reverse_or_empty(name):
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""
