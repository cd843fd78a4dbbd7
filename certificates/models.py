"""The certification ladder (levels and their requirements, edited in Wagtail), and what
people earn on it: sign-offs, the staff approval queue, observed co-facilitation, and
certificates with their serial, verification code and PDF.

Levels are translatable snippets. Everything that counts (requirements, certificates,
sign-offs) points at the default-language ("canonical") level, so a reader's language never
splits her progress; translations carry only the names shown to readers."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail.search import index

from courses.levels import Level


class Issuance(models.TextChoices):
    AUTOMATIC = "automatic", _("Automatically, when every requirement is met")
    APPROVAL = "approval", _("After programme staff approve")


class CertificationLevel(TranslatableMixin, index.Indexed, ClusterableModel):
    slug = models.CharField(
        _("level"),
        max_length=20,
        choices=Level.choices,
        help_text=_("Courses and training sessions of this level belong to it."),
    )
    name = models.CharField(
        _("certificate name"), max_length=100, help_text=_("As printed on the certificate.")
    )
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), help_text=_("1 for the first level."))
    prerequisite = models.ForeignKey(
        "self",
        verbose_name=_("prerequisite level"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Its courses stay locked until she holds this certificate."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("Leave empty: the certificate never expires."),
    )
    issuance = models.CharField(
        _("issued"), max_length=10, choices=Issuance.choices, default=Issuance.AUTOMATIC
    )
    grants_mentoring = models.BooleanField(
        _("holders may mentor"),
        default=False,
        help_text=_("Holding it activates her mentor profile; losing it deactivates it."),
    )

    panels = [
        FieldRowPanel([FieldPanel("slug"), FieldPanel("order")]),
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("prerequisite"),
                FieldPanel("validity_months"),
                FieldPanel("issuance"),
                FieldPanel("grants_mentoring"),
            ],
            heading=_("Rules"),
        ),
        InlinePanel("requirements", heading=_("Requirements"), label=_("Requirement")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("certification level")
        verbose_name_plural = _("certification levels")
        ordering = ["order"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"],
                name="one_certification_level_per_slug",
                violation_error_message=_("There is already a certification level for this."),
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.prerequisite_id is None:
            return
        # The ladder is read from the default language: there, the prerequisite must be a
        # default-language level too, or nobody could ever hold it.
        default = Locale.get_default()
        if self.locale_id == default.pk and self.prerequisite.locale_id != default.pk:
            raise ValidationError(
                {"prerequisite": _("Choose the prerequisite in the same language as this level.")}
            )
        if self.order is not None and self.prerequisite.order >= self.order:
            raise ValidationError(
                {"prerequisite": _("The prerequisite must come before this level.")}
            )

    @property
    def slug_label(self):
        return Level(self.slug).label


class RequirementKind(models.TextChoices):
    COURSE = "course", _("Complete a course")
    QUIZ = "quiz", _("Pass a quiz")
    TASK = "task", _("Pass a practical task")
    SESSIONS = "sessions", _("Attend face-to-face sessions of the level")
    CONTACTS = "contacts", _("Coaching contacts with her mentor")
    CO_FACILITATE = "co_facilitate", _("Co-facilitate sessions, observed and rated")
    SIGN_OFF = "sign_off", _("Mentor sign-off")
    PREREQUISITE = "prerequisite", _("Hold the prerequisite certificate")


# Which field each kind needs; the others stay empty.
KIND_FIELDS = {
    RequirementKind.COURSE: "course",
    RequirementKind.QUIZ: "quiz",
    RequirementKind.TASK: "task",
    RequirementKind.CO_FACILITATE: "rubric",
}
COUNTED_KINDS = {RequirementKind.SESSIONS, RequirementKind.CONTACTS, RequirementKind.CO_FACILITATE}


class LevelRequirement(TranslatableMixin, Orderable):
    level = ParentalKey(CertificationLevel, on_delete=models.CASCADE, related_name="requirements")
    kind = models.CharField(_("kind"), max_length=20, choices=RequirementKind.choices)
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    quiz = models.ForeignKey(
        "assessments.Quiz",
        verbose_name=_("quiz"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    task = models.ForeignKey(
        "assessments.PracticalTask",
        verbose_name=_("practical task"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    rubric = models.ForeignKey(
        "assessments.Rubric",
        verbose_name=_("observation rubric"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("For co-facilitation: what the observer rates."),
    )
    count = models.PositiveSmallIntegerField(
        _("how many"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("For sessions, coaching contacts and co-facilitation."),
    )

    panels = [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("course"), FieldPanel("quiz")]),
        FieldRowPanel([FieldPanel("task"), FieldPanel("rubric")]),
        FieldPanel("count"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        ordering = ["sort_order"]
        constraints = [
            models.CheckConstraint(condition=Q(count__gte=1), name="requirement_count_positive")
        ]

    def __str__(self):
        return self.get_kind_display()

    def clean(self):
        super().clean()
        needed = KIND_FIELDS.get(self.kind)
        errors = {}
        for name in ("course", "quiz", "task", "rubric"):
            has = getattr(self, f"{name}_id") is not None
            if name == needed and not has:
                errors[name] = _("This kind of requirement needs one.")
            elif name != needed and has:
                errors[name] = _("Leave this empty for this kind of requirement.")
        if errors:
            raise ValidationError(errors)


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
        CertificationLevel, verbose_name=_("level"), on_delete=models.PROTECT, related_name="+"
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed off by"),
        on_delete=models.PROTECT,
        related_name="sign_offs_given",
    )
    comment = models.TextField(_("comment"), max_length=2000)
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
        CertificationLevel, verbose_name=_("level"), on_delete=models.PROTECT, related_name="+"
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
                condition=Q(status="pending"),
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
    comment = models.TextField(_("comment"), max_length=2000)
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
        CertificationLevel,
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
                condition=Q(status="valid"),
                name="one_valid_certificate_per_learner_level",
                violation_error_message=_("She already holds a valid certificate of this level."),
            ),
            models.CheckConstraint(
                condition=~Q(status="revoked") | Q(revoked_at__isnull=False),
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
                fields=["expires_on"], condition=Q(status="valid"), name="valid_by_expiry"
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


@register_setting(icon="doc-full")
class CertificateSettings(BaseGenericSetting):
    """The design of new certificates, and the ladder's defaults. Issued certificates keep
    the design they were issued with."""

    programme_name = models.CharField(
        _("programme name (Chinese)"), max_length=100, default="陪伴妈妈学堂"
    )
    programme_name_en = models.CharField(
        _("programme name (English)"), max_length=100, default="Companion Academy"
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signatory_name = models.CharField(_("signatory"), max_length=100, blank=True)
    signatory_title = models.CharField(_("signatory's title"), max_length=150, blank=True)
    default_mentor_capacity = models.PositiveSmallIntegerField(
        _("mentees for a new trainer"),
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
        help_text=_("Capacity given to a mentor profile when a certificate activates it."),
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("remind before expiry (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("programme_name"),
                FieldPanel("programme_name_en"),
                FieldPanel("logo"),
                FieldPanel("signatory_name"),
                FieldPanel("signatory_title"),
            ],
            heading=_("Certificate design"),
        ),
        MultiFieldPanel(
            [FieldPanel("default_mentor_capacity"), FieldPanel("reminder_days")],
            heading=_("Rules"),
        ),
    ]

    class Meta:
        verbose_name = _("certificate settings")
