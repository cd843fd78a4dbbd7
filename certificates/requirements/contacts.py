"""N coaching contacts with her mentor (with any mentor: a new mentor does not start her
count again)."""

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lms.mentoring.models import CoachingContact

from .base import ChecklistItem, RequirementUnit, counted_bulk, counted_met


class ContactsRequirement(RequirementUnit):
    kind = "contacts"
    label = gettext_lazy("Coaching contacts with her mentor")
    counted = True

    def evaluate(self, learner_id, requirement, level, today):
        have = CoachingContact.objects.filter(learner_id=learner_id).count()
        return self.check(
            requirement, met=have >= requirement.count, have=have, need=requirement.count
        )

    def evaluate_bulk(self, learners, requirement, level, today):
        return counted_bulk(
            CoachingContact.objects.filter(learner_id__in=learners),
            "learner_id",
            requirement,
            Count("pk"),
        )

    def met_bulk(self, learners, requirement, level, today, ids):
        contacts = CoachingContact.objects.filter(learner_id__in=learners)
        return counted_met(contacts, "learner_id", requirement.count, Count("pk"))

    def describe(self, check, *, learner_id=None, for_learner=True):
        return ChecklistItem(
            check.met,
            ngettext(
                "Have %(count)s coaching contact with your mentor",
                "Have %(count)s coaching contacts with your mentor",
                check.need,
            )
            % {"count": check.need},
            _("%(have)s of %(need)s so far") % {"have": check.have, "need": check.need},
        )
