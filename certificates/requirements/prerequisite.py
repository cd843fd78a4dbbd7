"""Hold the level's prerequisite certificate now (valid and not expired). It always counts,
whether or not editors listed it."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certificates.models.records import Certificate, current_certificates_q
from lms.core.translation import localized

from .base import ChecklistItem, RequirementUnit, held_bulk


class PrerequisiteRequirement(RequirementUnit):
    kind = "prerequisite"
    label = gettext_lazy("Hold the prerequisite certificate")

    def evaluate(self, learner_id, requirement, level, today):
        if level.prerequisite_id is None:
            return self.check(requirement, met=True, have=1, need=1)
        held = Certificate.objects.filter(
            current_certificates_q(today), learner_id=learner_id, level_id=level.prerequisite_id
        ).exists()
        return self.check(requirement, met=held, have=int(held), need=1)

    def evaluate_bulk(self, learners, requirement, level, today):
        if level.prerequisite_id is None:
            return {}, {"met": True, "have": 1, "need": 1}
        return held_bulk(
            Certificate.objects.filter(
                current_certificates_q(today),
                learner_id__in=learners,
                level_id=level.prerequisite_id,
            ).values_list("learner_id", flat=True)
        )

    def describe(self, check, *, learner_id=None, for_learner=True):
        prerequisite = check.requirement.level.prerequisite
        name = localized(prerequisite).name if prerequisite else ""
        return ChecklistItem(
            check.met,
            _("Hold the “%(level)s” certificate") % {"level": name},
            _("held") if check.met else _("not yet held"),
            reverse("certificates:mine") if for_learner else "",
            _("My certificates") if for_learner else "",
        )
