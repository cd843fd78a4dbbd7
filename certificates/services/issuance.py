"""Issuing certificates: automatically when every requirement is met, or through the staff
approval queue; each with its serial, its design frozen at issue, and what follows (the mentor
role for a trainer level, her notification, the PDF)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from lms.accounts.models import User
from lms.accounts.permissions import staff_responsible_for
from lms.core.dates import add_months
from lms.core.history import record
from lms.core.signals import progress_changed
from lms.core.tasks import enqueue_on_commit
from lms.mentoring.services import mentor_eligibility_grant
from lms.notifications.models import NotificationKind
from lms.notifications.services import notify_in_language

from ..models import (
    ApprovalRequest,
    ApprovalStatus,
    Certificate,
    CertificateSettings,
    CertificateStatus,
    Issuance,
    SignOff,
    open_sign_offs_q,
)
from ..permissions import can_manage_certificates_of
from ..readiness import ladder, level_in_ladder, readiness_for
from ..selectors import level_name
from .credentials import credential_issue
from .revocation import certificates_expire, revoke

PDF_TASK = "certificates.tasks.certificate_render_pdf_task"


def certificate_award_if_ready(*, learner) -> list:
    """Issue every automatic level she now meets, and queue the ones needing approval, in
    ladder order (a new certificate may be the prerequisite of the next). Safe to run any
    number of times: it is what the progress task runs."""
    done = []
    certificates_expire(learner_ids=[learner.pk])
    for level in ladder():
        readiness = readiness_for(learner, level)
        # A revoked certificate comes back only if staff re-issue it.
        if readiness.is_held or readiness.revoked or not readiness.is_ready:
            continue
        if level.issuance == Issuance.AUTOMATIC:
            certificate, created = certificate_issue(learner=learner, level=level)
            if created:
                done.append(certificate)
        else:
            approval, created = approval_request_open(learner=learner, level=level)
            if created:
                done.append(approval)
    return done


def approval_request_open(*, learner, level) -> tuple[ApprovalRequest, bool]:
    """Put her in the approval queue of the staff of her region (once), and tell them."""
    try:
        with transaction.atomic():
            approval = ApprovalRequest.objects.create(learner=learner, level=level)
    except IntegrityError:
        return ApprovalRequest.objects.get(
            learner=learner, level=level, status=ApprovalStatus.PENDING
        ), False
    for staff in staff_responsible_for(learner):
        notify_in_language(
            recipient=staff,
            kind=NotificationKind.CERTIFICATE_APPROVAL_WAITING,
            dedupe_key=f"approval-waiting:{approval.pk}",
            title=lambda: (
                _("%(name)s is ready for the %(level)s certificate: please approve")
                % {"name": learner, "level": level_name(level)}
            ),
            url=reverse("certificates_admin:approval", args=[approval.pk]),
        )
    return approval, True


@transaction.atomic
def approval_decide(*, approval, actor, approve: bool, note: str = "") -> Certificate | None:
    """Staff approve (the certificate is issued) or decline (with a note she will read)."""
    approval = ApprovalRequest.objects.select_for_update(of=("self",)).get(pk=approval.pk)
    if not can_manage_certificates_of(actor, approval.learner):
        raise PermissionDenied(_("You can only decide for learners in your regions."))
    if approval.status != ApprovalStatus.PENDING:
        raise ValidationError(_("This request has already been decided."))
    note = (note or "").strip()
    if not approve and not note:
        raise ValidationError(_("Say why you decline, so that she knows what to do."))
    certificate = None
    if approve:
        readiness = readiness_for(approval.learner, approval.level)
        if not readiness.is_held and not readiness.is_ready:
            raise ValidationError(
                _("She no longer meets every requirement of this level; it cannot be approved.")
            )
        certificate, _created = certificate_issue(
            learner=approval.learner, level=approval.level, issued_by=actor
        )
    if not approve:
        # Her mentor signs her off again when she is ready to ask once more.
        SignOff.objects.filter(
            open_sign_offs_q(), learner=approval.learner, level=approval.level
        ).update(voided_at=timezone.now())
    approval.status = ApprovalStatus.APPROVED if approve else ApprovalStatus.DECLINED
    approval.decided_at = timezone.now()
    approval.decided_by = actor
    approval.note = note[:2000]
    approval.save(update_fields=["status", "decided_at", "decided_by", "note"])
    record(approval, "companion.approve" if approve else "companion.decline", actor, note=note)
    if not approve:
        notify_in_language(
            recipient=approval.learner,
            kind=NotificationKind.CERTIFICATE_DECLINED,
            dedupe_key=f"approval-declined:{approval.pk}",
            title=lambda: (
                _("Your %(level)s certificate was not approved yet")
                % {"level": level_name(approval.level)}
            ),
            body=note,
            url=lambda *_: reverse("learn:dashboard"),
        )
    return certificate


@transaction.atomic
def certificate_issue(*, learner, level, issued_by=None, replaces=None) -> tuple[Certificate, bool]:
    """Issue her certificate of a level: (certificate, created). `issued_by` is the staff
    member recorded on it (None: automatic); the callers that act for staff check their
    permission first (approval_decide, certificate_reissue). Issuing twice, or a retried
    task, returns the one she holds. The unique constraint on valid certificates is the last
    word when two workers race."""
    level = level_in_ladder(level)
    # One issuer at a time per learner: the second waits, then finds the first's certificate.
    User.objects.select_for_update().filter(pk=learner.pk).first()
    certificates_expire(learner_ids=[learner.pk])
    existing = Certificate.objects.filter(
        learner=learner, level=level, status=CertificateStatus.VALID
    ).first()
    if existing is not None:
        return existing, False
    today = timezone.localdate()
    certificate = Certificate(
        learner=learner,
        level=level,
        holder_name=learner.display_name or str(learner),
        issued_on=today,
        expires_on=add_months(today, level.validity_months) if level.validity_months else None,
        issued_by=issued_by,
        design=design_snapshot(level),
        replaces=replaces,
    )
    certificate.serial = f"pending-{certificate.verification_code}"
    try:
        with transaction.atomic():
            certificate.save()
    except IntegrityError:
        return Certificate.objects.get(
            learner=learner, level=level, status=CertificateStatus.VALID
        ), False
    # Readable and unique without a counter table: the year and the row number.
    certificate.serial = f"CA-{today:%Y}-{certificate.pk:06d}"
    certificate.save(update_fields=["serial"])
    SignOff.objects.filter(open_sign_offs_q(), learner=learner, level=level).update(
        certificate=certificate
    )
    ApprovalRequest.objects.filter(
        learner=learner, level=level, status=ApprovalStatus.PENDING
    ).update(status=ApprovalStatus.APPROVED, decided_at=timezone.now(), decided_by=issued_by)
    if level.grants_mentoring:
        mentor_eligibility_grant(
            user=learner, capacity=CertificateSettings.load().default_mentor_capacity
        )
    notify_in_language(
        recipient=learner,
        kind=NotificationKind.CERTIFICATE_ISSUED,
        dedupe_key=f"certificate-issued:{certificate.pk}",
        title=lambda: (
            _("Congratulations! You hold the %(level)s certificate") % {"level": level_name(level)}
        ),
        body=lambda: (
            _("Serial number %(serial)s. Download it from “My certificates”.")
            % {"serial": certificate.serial}
        ),
        url=lambda *_: reverse("certificates:mine"),
    )
    record(certificate, "companion.issue", issued_by, serial=certificate.serial)
    credential_issue(certificate=certificate)
    enqueue_on_commit(PDF_TASK, certificate.pk)
    progress_changed([learner.pk], sender=Certificate)  # she may now be ready for the next level
    return certificate, True


@transaction.atomic
def certificate_reissue(*, certificate, actor, reason: str) -> Certificate:
    """A new certificate (new serial and code, today's date and design) replacing this one,
    for a corrected name or a revocation made in error. A valid one is revoked quietly: she
    is told about the new certificate, and a trainer keeps mentoring throughout. An expired
    certificate is renewed by recertifying, not here."""
    if not can_manage_certificates_of(actor, certificate.learner):
        raise PermissionDenied(_("You can only re-issue certificates of learners in your regions."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for re-issuing it."))
    if hasattr(certificate, "replaced_by"):
        raise ValidationError(
            _("It was already re-issued as %(serial)s.")
            % {"serial": certificate.replaced_by.serial}
        )
    if certificate.shown_status() == CertificateStatus.EXPIRED:
        raise ValidationError(
            _("This certificate has expired: she renews it by recertifying, not by a re-issue.")
        )
    if certificate.status == CertificateStatus.VALID:
        certificate = revoke(certificate, actor, reason)
    elif Certificate.objects.filter(
        learner=certificate.learner, level=certificate.level, status=CertificateStatus.VALID
    ).exists():
        raise ValidationError(_("She already holds a valid certificate of this level."))
    new, _created = certificate_issue(
        learner=certificate.learner, level=certificate.level, issued_by=actor, replaces=certificate
    )
    record(new, "companion.reissue", actor, replaces=certificate.serial, reason=reason)
    return new


def design_snapshot(level) -> dict:
    """What the PDF will show besides the holder: frozen into the certificate at issue."""
    design = CertificateSettings.load()
    translated = {
        lang: (level.get_translation_or_none(locale) or level).name
        for lang, locale in _locales().items()
    }
    logo = ""
    if design.logo_id:
        try:
            rendition = design.logo.get_rendition("max-600x600|format-png")
            logo = rendition.file.name
        except Exception:  # a missing or broken image file must not stop an issuance
            logo = ""
    return {
        "programme_name": design.programme_name,
        "programme_name_en": design.programme_name_en,
        "logo": logo,
        "signatory_name": design.signatory_name,
        "signatory_title": design.signatory_title,
        "level_name": translated.get("zh-hans", level.name),
        "level_name_en": translated.get("en", level.name),
        "layout": 1,
    }


def _locales():
    return {locale.language_code: locale for locale in Locale.objects.all()}
