"""Every write on the ladder: sign-off, issuance (automatic or approved), revocation,
re-issue, expiry and reminders, observed co-facilitation, and the PDF."""

import calendar
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assessments.services import rubric_choices
from lms.accounts.extensions import progress_changed
from lms.accounts.models import User
from lms.mentoring.services import mentor_eligibility_grant, mentor_eligibility_withdraw
from lms.notifications.services import notify_in_language

from .models import (
    ApprovalRequest,
    ApprovalStatus,
    Certificate,
    CertificateSettings,
    CertificateStatus,
    FacilitationObservation,
    Issuance,
    RequirementKind,
    SignOff,
    open_sign_offs_q,
)
from .permissions import can_manage_certificates_of, can_observe, can_sign_off
from .readiness import holds_mentoring_level, ladder, level_in_ladder, readiness_for

# --- Sign-off -----------------------------------------------------------------------------


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
            progress_changed([learner.pk])
    except IntegrityError as exc:
        raise ValidationError(_("She has already been signed off for this level.")) from exc
    return sign_off


# --- Issuance -----------------------------------------------------------------------------


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
    from lms.accounts.permissions import staff_responsible_for

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
            kind="certificate_approval_waiting",
            dedupe_key=f"approval-waiting:{approval.pk}",
            title=lambda: (
                _("%(name)s is ready for the %(level)s certificate: please approve")
                % {"name": learner, "level": _level_name(level)}
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
    if not approve:
        notify_in_language(
            recipient=approval.learner,
            kind="certificate_declined",
            dedupe_key=f"approval-declined:{approval.pk}",
            title=lambda: (
                _("Your %(level)s certificate was not approved yet")
                % {"level": _level_name(approval.level)}
            ),
            body=note,
            url=reverse("learn:dashboard"),
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
        kind="certificate_issued",
        dedupe_key=f"certificate-issued:{certificate.pk}",
        title=lambda: (
            _("Congratulations! You hold the %(level)s certificate") % {"level": _level_name(level)}
        ),
        body=lambda: (
            _("Serial number %(serial)s. Download it from “My certificates”.")
            % {"serial": certificate.serial}
        ),
        url=reverse("certificates:mine"),
    )
    from .tasks import certificate_render_pdf_task

    certificate_render_pdf_task.delay_on_commit(certificate.pk)
    progress_changed([learner.pk])  # she may now be ready for the next level
    return certificate, True


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
    from wagtail.models import Locale

    return {locale.language_code: locale for locale in Locale.objects.all()}


def add_months(day, months):
    """The same day `months` later (earlier when negative), or the month's last day."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


# --- Revoke, re-issue, expire -------------------------------------------------------------


@transaction.atomic
def certificate_revoke(*, certificate, actor, reason: str) -> Certificate:
    """Staff of her region revoke a certificate with a reason: the verification page says so
    from now on, she is told, and a trainer level no longer lets her mentor."""
    certificate = _revoke(certificate, actor, reason)
    _after_loss(certificate)
    notify_in_language(
        recipient=certificate.learner,
        kind="certificate_revoked",
        dedupe_key=f"certificate-revoked:{certificate.pk}",
        title=lambda: (
            _("Your %(level)s certificate %(serial)s was revoked")
            % {"level": _level_name(certificate.level), "serial": certificate.serial}
        ),
        body=certificate.revoke_reason,
        url=reverse("certificates:mine"),
    )
    return certificate


def _revoke(certificate, actor, reason):
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
    return certificate


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
        certificate = _revoke(certificate, actor, reason)
    elif Certificate.objects.filter(
        learner=certificate.learner, level=certificate.level, status=CertificateStatus.VALID
    ).exists():
        raise ValidationError(_("She already holds a valid certificate of this level."))
    new, _created = certificate_issue(
        learner=certificate.learner, level=certificate.level, issued_by=actor, replaces=certificate
    )
    return new


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
            if not updated:
                continue
            count += 1
            _after_loss(certificate)
            notify_in_language(
                recipient=certificate.learner,
                kind="certificate_expired",
                dedupe_key=f"certificate-expired:{certificate.pk}",
                title=lambda c=certificate: (
                    _("Your %(level)s certificate has expired: it is time to recertify")
                    % {"level": _level_name(c.level)}
                ),
                url=reverse("learn:dashboard"),
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
            kind="certificate_expiring",
            dedupe_key=f"certificate-expiring:{certificate.pk}",
            title=lambda c=certificate: (
                _("Your %(level)s certificate expires on %(date)s")
                % {"level": _level_name(c.level), "date": c.expires_on.isoformat()}
            ),
            body=lambda: _("Ask your mentor how to recertify before then."),
            url=reverse("certificates:mine"),
        )
        sent += int(created)
    return sent


def _after_loss(certificate):
    """A revoked or expired trainer certificate: no more mentoring unless she holds another
    level that allows it. Her mentees' assignments end, and the staff of their regions (and
    hers) hear which mentees need a new mentor."""
    from lms.accounts.permissions import staff_responsible_for

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
            kind="mentor_lost_certificate",
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


# --- Co-facilitation (trainer practicum) --------------------------------------------------


def observation_record(
    *, session, candidate, observer, rubric, choices: dict, comment: str
) -> FacilitationObservation:
    """An observer rates a candidate's co-facilitation of a session against a rubric.
    `choices` maps each criterion id to the chosen level id."""
    if not can_observe(observer, session, candidate):
        raise PermissionDenied(
            _("Only a facilitator of this session or programme staff can rate it.")
        )
    if not session.co_facilitators.filter(pk=candidate.pk).exists():
        raise ValidationError(_("She is not a co-facilitator of this session."))
    if session.is_cancelled:
        raise ValidationError(_("This session was cancelled."))
    if not session.has_started:
        raise ValidationError(_("The session has not started yet."))
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Write a comment for her: what went well, what to work on."))
    scores = [
        {
            "criterion": criterion.pk,
            "title": criterion.title,
            "level": option[0],
            "label": option[1],
            "points": option[2],
        }
        for criterion, option in rubric_choices(rubric.criteria.all(), choices)
    ]
    points = sum(score["points"] for score in scores)
    try:
        with transaction.atomic():
            observation = FacilitationObservation.objects.create(
                session=session,
                candidate=candidate,
                observer=observer,
                rubric=rubric,
                scores=scores,
                points=points,
                passed=points >= rubric.pass_points,
                comment=comment[:2000],
            )
            progress_changed([candidate.pk])
    except IntegrityError as exc:
        raise ValidationError(_("Her co-facilitation of this session is already rated.")) from exc
    notify_in_language(
        recipient=candidate,
        kind="co_facilitation_rated",
        dedupe_key=f"observation:{observation.pk}",
        title=lambda: (
            _("Your co-facilitation was rated: passed")
            if observation.passed
            else _("Your co-facilitation was rated: not passed yet")
        ),
        body=comment,
        url=reverse("learn:dashboard"),
    )
    return observation


# --- PDF ----------------------------------------------------------------------------------


def certificate_render_pdf(*, certificate, force=False) -> Certificate:
    """Render the PDF from what was frozen at issue. Once made, it is kept as it is."""
    from django.core.files.storage import default_storage

    from .pdf import render_certificate_pdf

    if certificate.pdf and not force:
        return certificate
    design = certificate.design or {}
    logo = None
    if design.get("logo") and default_storage.exists(design["logo"]):
        with default_storage.open(design["logo"], "rb") as handle:
            logo = handle.read()
    content = {
        "programme_name": design.get("programme_name", ""),
        "programme_name_en": design.get("programme_name_en", ""),
        "logo": logo,
        "holder_name": certificate.holder_name,
        "level_name": design.get("level_name", ""),
        "level_name_en": design.get("level_name_en", ""),
        "serial": certificate.serial,
        "issued_on": certificate.issued_on,
        "expires_on": certificate.expires_on,
        "signatory_name": design.get("signatory_name", ""),
        "signatory_title": design.get("signatory_title", ""),
        "verify_url": verification_url(certificate),
    }
    data = render_certificate_pdf(content)
    if certificate.pdf:
        certificate.pdf.delete(save=False)
    certificate.pdf.save(f"{certificate.verification_code}.pdf", ContentFile(data), save=False)
    certificate.pdf_rendered_at = timezone.now()
    Certificate.objects.filter(pk=certificate.pk).update(
        pdf=certificate.pdf.name, pdf_rendered_at=certificate.pdf_rendered_at
    )
    return certificate


def verification_url(certificate) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("certificates:verify", args=[certificate.verification_code])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# --- Helpers ------------------------------------------------------------------------------


def _level_name(level):
    from assessments.selectors import localized

    return localized(level).name
