"""What people earn on the ladder: sign-offs, the staff approval queue, observed
co-facilitation, and certificates with their serial, verification code and PDF."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SignOff(models.Model):
    """Her mentor's word that she is ready for a level. Used up by the certificate it led to,
    so recertification asks for a fresh one."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="sign_offs",
    )
    level = models.ForeignKey(
        "CertificationLevel", verbose_name=_("level"), on_delete=models.PROTECT, related_name="+"
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed off by"),
        on_delete=models.PROTECT,
        related_name="sign_offs_given",
    )
    comment = models.TextField(pgettext_lazy("sign-off or rating", "comment"), max_length=2000)
    signed_at = models.DateTimeField(_("signed"), default=timezone.now)
    certificate = models.ForeignKey(
        "Certificate",
        verbose_name=_("certificate"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sign_offs",
    )
    # Staff declined the certificate it led to: her mentor signs her off again when ready.
    voided_at = models.DateTimeField(_("set aside"), null=True, blank=True)

    class Meta:
        verbose_name = _("sign-off")
        verbose_name_plural = _("sign-offs")
        ordering = ["-signed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "level"],
                condition=Q(certificate__isnull=True, voided_at__isnull=True),
                name="one_open_sign_off_per_learner_level",
                violation_error_message=_("She has already been signed off for this level."),
            )
        ]

    def __str__(self):
        return f"{self.learner} · {self.level}"


def open_sign_offs_q(prefix=""):
    """Sign-offs not yet used by a certificate nor set aside by a decline."""
    return Q(**{f"{prefix}certificate__isnull": True, f"{prefix}voided_at__isnull": True})


class ApprovalStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class ApprovalRequest(models.Model):
    """A learner who met every requirement of a level issued after staff approval."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="certificate_approvals",
    )
    level = models.ForeignKey(
        "CertificationLevel", verbose_name=_("level"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ApprovalStatus.choices,
        default=ApprovalStatus.PENDING,
    )
    requested_at = models.DateTimeField(_("ready since"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("certificate approval")
        verbose_name_plural = _("certificate approvals")
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "level"],
                condition=Q(status=ApprovalStatus.PENDING),
                name="one_pending_approval_per_learner_level",
            )
        ]

    def __str__(self):
        return f"{self.learner} · {self.level}"


class FacilitationObservation(models.Model):
    """A trainer candidate co-facilitated a session; an observer rated her on a rubric."""

    session = models.ForeignKey(
        "programme.TrainingSession",
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="observations",
    )
    candidate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer candidate"),
        on_delete=models.CASCADE,
        related_name="facilitation_observations",
    )
    observer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("observer"),
        on_delete=models.PROTECT,
        related_name="facilitation_observations_given",
    )
    rubric = models.ForeignKey(
        "assessments.Rubric", verbose_name=_("rubric"), on_delete=models.PROTECT, related_name="+"
    )
    # [{criterion, title, level, label, points}] as rated, so the record stays readable after
    # editors change the rubric.
    scores = models.JSONField(_("scores"), default=list)
    points = models.PositiveSmallIntegerField(_("points"))
    passed = models.BooleanField(_("passed"))
    comment = models.TextField(pgettext_lazy("sign-off or rating", "comment"), max_length=2000)
    observed_at = models.DateTimeField(_("rated"), default=timezone.now)

    class Meta:
        verbose_name = _("co-facilitation observation")
        verbose_name_plural = _("co-facilitation observations")
        ordering = ["-observed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "candidate"],
                name="one_observation_per_candidate_session",
                violation_error_message=_("Her co-facilitation of this session is already rated."),
            ),
            models.CheckConstraint(
                condition=~Q(candidate=models.F("observer")),
                name="observer_is_not_the_candidate",
            ),
        ]

    def __str__(self):
        return f"{self.candidate} · {self.session}"


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


def _new_verification_code():
    return secrets.token_urlsafe(16)


def certificate_pdf_path(certificate, filename):
    return f"certificates/{certificate.issued_at:%Y}/{certificate.verification_code}.pdf"


class Certificate(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("holder"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    level = models.ForeignKey(
        "CertificationLevel",
        verbose_name=_("level"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    serial = models.CharField(_("serial number"), max_length=30, unique=True)
    verification_code = models.CharField(
        _("verification code"), max_length=40, unique=True, default=_new_verification_code
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CertificateStatus.choices,
        default=CertificateStatus.VALID,
    )
    holder_name = models.CharField(_("name as printed"), max_length=150)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    issued_on = models.DateField(_("issue date"))
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: issued automatically when every requirement was met."),
    )
    # What the PDF shows, frozen at issue: later edits to the design or level leave it alone.
    design = models.JSONField(_("design as issued"), default=dict)
    pdf = models.FileField(_("PDF"), upload_to=certificate_pdf_path, blank=True)
    pdf_rendered_at = models.DateTimeField(_("PDF made"), null=True, blank=True)
    # The check link drawn into the PDF's QR code (the site's public address then).
    pdf_link = models.CharField(_("link in the PDF"), max_length=500, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoke_reason = models.TextField(_("reason for revoking"), blank=True, max_length=1000)
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("re-issue of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "level"],
                condition=Q(status=CertificateStatus.VALID),
                name="one_valid_certificate_per_learner_level",
                violation_error_message=_("She already holds a valid certificate of this level."),
            ),
            models.CheckConstraint(
                condition=~Q(status=CertificateStatus.REVOKED) | Q(revoked_at__isnull=False),
                name="revoked_certificate_has_a_date",
            ),
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gte=models.F("issued_on")),
                name="certificate_expires_after_issue",
            ),
        ]
        indexes = [
            models.Index(fields=["learner", "status"], name="certificate_by_holder"),
            models.Index(
                fields=["expires_on"],
                condition=Q(status=CertificateStatus.VALID),
                name="valid_by_expiry",
            ),
        ]

    def __str__(self):
        return f"{self.serial} · {self.holder_name}"

    def is_current(self, today=None) -> bool:
        """Valid and not past its date (the nightly task marks it expired soon after)."""
        today = today or timezone.localdate()
        return self.status == CertificateStatus.VALID and (
            self.expires_on is None or self.expires_on >= today
        )

    def shown_status(self, today=None) -> str:
        if self.status == CertificateStatus.VALID and not self.is_current(today):
            return CertificateStatus.EXPIRED
        return self.status


def current_certificates_q(today=None, prefix=""):
    """Q for certificates valid today; `prefix` reaches them through a relation."""
    today = today or timezone.localdate()
    return Q(**{f"{prefix}status": CertificateStatus.VALID}) & (
        Q(**{f"{prefix}expires_on__isnull": True}) | Q(**{f"{prefix}expires_on__gte": today})
    )
