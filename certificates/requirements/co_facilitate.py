"""Co-facilitate N training sessions, observed and rated as passed on the requirement's
rubric (the trainer level's practicum)."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from certificates.models.records import FacilitationObservation

from .base import ChecklistItem, RequirementUnit, counted_bulk, reverse_or_empty


def _rated_pass(requirement):
    """A passing rating on the requirement's rubric, for a session that took place."""
    return Q(passed=True, rubric_id=requirement.rubric_id, session__is_cancelled=False)


class CoFacilitateRequirement(RequirementUnit):
    kind = "co_facilitate"
    label = gettext_lazy("Co-facilitate sessions, observed and rated")
    target = "rubric"
    counted = True

    def evaluate(self, learner_id, requirement, level, today):
        have = (
            FacilitationObservation.objects.filter(
                _rated_pass(requirement), candidate_id=learner_id
            )
            .values("session_id")
            .distinct()
            .count()
        )
        return self.check(
            requirement, met=have >= requirement.count, have=have, need=requirement.count
        )

    def evaluate_bulk(self, learners, requirement, level, today):
        return counted_bulk(
            FacilitationObservation.objects.filter(
                _rated_pass(requirement), candidate_id__in=learners
            ),
            "candidate_id",
            requirement,
        )

    def describe(self, check, *, learner_id=None, for_learner=True):
        return ChecklistItem(
            check.met,
            ngettext(
                "Co-facilitate %(count)s training session with a passing rating",
                "Co-facilitate %(count)s training sessions with a passing rating",
                check.need,
            )
            % {"count": check.need},
            _("%(have)s of %(need)s rated as passed") % {"have": check.have, "need": check.need},
            reverse_or_empty("programme:sessions"),
            _("See training sessions"),
        )
