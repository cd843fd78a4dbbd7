"""A certificate's end: revoked by staff, re-issued, or expired; and reminders before it
expires. A lost trainer level ends her mentoring."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms.accounts.permissions import staff_responsible_for
from lms.core.caching import learner_changed
from lms.core.history import record
from lms.mentoring.services import mentor_eligibility_withdraw
from lms.notifications.models import NotificationKind
from lms.notifications.services import notify_in_language

from ..models import Certificate, CertificateSettings, CertificateStatus
from ..permissions import can_manage_certificates_of
from ..readiness import holds_mentoring_level
from ..selectors import level_name
from .credentials import credentials_revoke


@transaction.atomic
def certificate_revoke(*, certificate, actor, reason: str) -> Certificate:
    """Staff of her region revoke a certificate with a reason: the verification page says so
    from now on, she is told, and a trainer level no longer lets her mentor."""
    certificate = revoke(certificate, actor, reason)
    after_loss(certificate)
    notify_in_language(
        recipient=certificate.learner,
        kind=NotificationKind.CERTIFICATE_REVOKED,
        dedupe_key=f"certificate-revoked:{certificate.pk}",
        title=lambda: (
            _("Your %(level)s certificate %(serial)s was revoked")
            % {"level": level_name(certificate.level), "serial": certificate.serial}
        ),
        body=certificate.revoke_reason,
        url=lambda *_: reverse("certificates:mine"),
    )
    return certificate


def revoke(certificate, actor, reason):
    certificate = (
        Certificate.objects.select_for_update(of=("self",))
        .select_related("learner", "level")
        .get(pk=certificate.pk)
    )
    if not can_manage_certificates_of(actor, certificate.learner):
        raise PermissionDenied(_("You can only revoke certificates of learners in your regions."))
    if certificate.status == CertificateStatus.REVOKED:
        raise ValidationError(_("This certificate was already revoked."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for revoking it."))
    certificate.status = CertificateStatus.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = actor
    certificate.revoke_reason = reason[:1000]
    certificate.save(update_fields=["status", "revoked_at", "revoked_by", "revoke_reason"])
    credentials_revoke(certificate=certificate)
    record(certificate, "companion.revoke", actor, reason=certificate.revoke_reason)
    return certificate


def certificates_expire(*, today=None, learner_ids=None) -> int:
    """Mark valid certificates past their date as expired; a lost trainer level deactivates
    her mentor profile. Run nightly, and before anything is issued."""
    today = today or timezone.localdate()
    stale = Certificate.objects.filter(status=CertificateStatus.VALID, expires_on__lt=today)
    if learner_ids is not None:
        stale = stale.filter(learner_id__in=learner_ids)
    count = 0
    for certificate in stale.select_related("level", "learner"):
        with transaction.atomic():
            updated = Certificate.objects.filter(
                pk=certificate.pk, status=CertificateStatus.VALID
            ).update(status=CertificateStatus.EXPIRED)
            learner_changed([certificate.learner_id])
            if not updated:
                continue
            count += 1
            after_loss(certificate)
            notify_in_language(
                recipient=certificate.learner,
                kind=NotificationKind.CERTIFICATE_EXPIRED,
                dedupe_key=f"certificate-expired:{certificate.pk}",
                title=lambda c=certificate: (
                    _("Your %(level)s certificate has expired: it is time to recertify")
                    % {"level": level_name(c.level)}
                ),
                url=lambda *_: reverse("learn:dashboard"),
            )
    return count


def certificate_expiry_reminders_send(*, today=None) -> int:
    """Remind each holder once, `reminder_days` before her certificate expires."""
    today = today or timezone.localdate()
    days = CertificateSettings.load().reminder_days
    sent = 0
    for certificate in Certificate.objects.filter(
        status=CertificateStatus.VALID,
        expires_on__gte=today,
        expires_on__lte=today + timedelta(days=days),
    ).select_related("level", "learner"):
        _notification, created = notify_in_language(
            recipient=certificate.learner,
            kind=NotificationKind.CERTIFICATE_EXPIRING,
            dedupe_key=f"certificate-expiring:{certificate.pk}",
            title=lambda c=certificate: (
                _("Your %(level)s certificate expires on %(date)s")
                % {"level": level_name(c.level), "date": c.expires_on.isoformat()}
            ),
            body=lambda: _("Ask your mentor how to recertify before then."),
            url=lambda *_: reverse("certificates:mine"),
        )
        sent += int(created)
    return sent


def after_loss(certificate):
    """A revoked or expired trainer certificate: no more mentoring unless she holds another
    level that allows it. Her mentees' assignments end, and the staff of their regions (and
    hers) hear which mentees need a new mentor."""
    if not certificate.level.grants_mentoring:
        return
    if holds_mentoring_level(certificate.learner):
        return
    mentor = certificate.learner
    with translation.override(settings.LANGUAGE_CODE):
        reason = _("%(name)s no longer holds a certificate that allows mentoring.") % {
            "name": mentor
        }
    mentees = mentor_eligibility_withdraw(user=mentor, reason=reason)
    if not mentees:
        return
    staff = {s.pk: s for s in staff_responsible_for(mentor)}
    for mentee in mentees:
        staff.update({s.pk: s for s in staff_responsible_for(mentee)})
    for member in staff.values():
        notify_in_language(
            recipient=member,
            kind=NotificationKind.MENTOR_LOST_CERTIFICATE,
            dedupe_key=f"mentor-lost:{certificate.pk}",
            title=lambda: (
                ngettext(
                    "%(name)s can no longer mentor: %(count)s mentee needs a new mentor",
                    "%(name)s can no longer mentor: %(count)s mentees need a new mentor",
                    len(mentees),
                )
                % {"name": mentor, "count": len(mentees)}
            ),
            body=lambda: _(", ").join(str(m) for m in mentees),
            url=reverse("wagtailadmin_home"),
        )
