"""Her mentor's sign-off for the level (an open one: not used by a certificate, not set aside
by a decline). Also asked of her afresh when she recertifies or after a decline."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certificates.models.records import SignOff, open_sign_offs_q

from .base import ChecklistItem, RequirementUnit, held_bulk


class SignOffRequirement(RequirementUnit):
    kind = "sign_off"
    label = gettext_lazy("Mentor sign-off")

    def evaluate(self, learner_id, requirement, level, today):
        signed = SignOff.objects.filter(
            open_sign_offs_q(), learner_id=learner_id, level=level
        ).exists()
        return self.check(requirement, met=signed, have=int(signed), need=1)

    def evaluate_bulk(self, learners, requirement, level, today):
        return held_bulk(
            SignOff.objects.filter(
                open_sign_offs_q(), learner_id__in=learners, level=level
            ).values_list("learner_id", flat=True)
        )

    def describe(self, check, *, learner_id=None, for_learner=True):
        detail = _("signed off") if check.met else _("your mentor signs you off at the end")
        if check.met and learner_id:
            sign_off = (
                SignOff.objects.filter(
                    open_sign_offs_q(), learner_id=learner_id, level=check.requirement.level
                )
                .select_related("mentor")
                .first()
            )
            if sign_off:
                detail = _("signed off by %(mentor)s on %(date)s") % {
                    "mentor": sign_off.mentor,
                    "date": timezone.localtime(sign_off.signed_at).date().isoformat(),
                }
        return ChecklistItem(check.met, _("Your mentor's sign-off"), detail)
