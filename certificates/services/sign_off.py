"""Her mentor's sign-off for a level, once every other requirement is met."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lms.core.history import record
from lms.core.signals import progress_changed

from ..models import RequirementKind, SignOff
from ..permissions import can_sign_off
from ..readiness import level_in_ladder, readiness_for


def sign_off_create(*, learner, level, mentor, comment: str) -> SignOff:
    """Her current mentor signs her off for a level once every other requirement is met."""
    level = level_in_ladder(level)
    if not can_sign_off(mentor, learner):
        raise PermissionDenied(_("Only her current mentor can sign her off."))
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Write a comment: what makes her ready for this level?"))
    readiness = readiness_for(learner, level)
    if readiness.is_held:
        raise ValidationError(_("She already holds this certificate."))
    if readiness.revoked:
        raise ValidationError(
            _("Her certificate of this level was revoked: programme staff decide what happens.")
        )
    if not any(c.kind == RequirementKind.SIGN_OFF for c in readiness.checks):
        raise ValidationError(_("This level does not ask for a mentor's sign-off."))
    if not readiness.others_met(RequirementKind.SIGN_OFF):
        raise ValidationError(
            _("She can be signed off once every other requirement is met. Still missing: %(n)s.")
            % {"n": len([c for c in readiness.missing if c.kind != RequirementKind.SIGN_OFF])}
        )
    try:
        with transaction.atomic():
            sign_off = SignOff.objects.create(
                learner=learner, level=level, mentor=mentor, comment=comment[:2000]
            )
            record(sign_off, "companion.sign_off", mentor, level=level.slug)
            progress_changed([learner.pk], sender=SignOff)
    except IntegrityError as exc:
        raise ValidationError(_("She has already been signed off for this level.")) from exc
    return sign_off
