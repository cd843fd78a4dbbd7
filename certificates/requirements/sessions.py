"""Attend N face-to-face training sessions of the level (marked present; a cancelled session
does not count)."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lms.programme.models import Attendance

from .base import ChecklistItem, RequirementUnit, counted_bulk, counted_met, reverse_or_empty


def _attended(level):
    return Q(present=True, session__level=level.slug, session__is_cancelled=False)


class SessionsRequirement(RequirementUnit):
    kind = "sessions"
    label = gettext_lazy("Attend face-to-face sessions of the level")
    counted = True

    def evaluate(self, learner_id, requirement, level, today):
        have = (
            Attendance.objects.filter(_attended(level), learner_id=learner_id)
            .values("session_id")
            .distinct()
            .count()
        )
        return self.check(
            requirement, met=have >= requirement.count, have=have, need=requirement.count
        )

    def evaluate_bulk(self, learners, requirement, level, today):
        return counted_bulk(
            Attendance.objects.filter(_attended(level), learner_id__in=learners),
            "learner_id",
            requirement,
        )

    def met_bulk(self, learners, requirement, level, today, ids):
        attended = Attendance.objects.filter(_attended(level), learner_id__in=learners)
        return counted_met(attended, "learner_id", requirement.count)

    def describe(self, check, *, learner_id=None, for_learner=True):
        return ChecklistItem(
            check.met,
            ngettext(
                "Attend %(count)s face-to-face training session of this level",
                "Attend %(count)s face-to-face training sessions of this level",
                check.need,
            )
            % {"count": check.need},
            _("%(have)s of %(need)s attended") % {"have": check.have, "need": check.need},
            reverse_or_empty("programme:sessions"),
            _("Book a session"),
        )
