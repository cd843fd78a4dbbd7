from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MentorProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        on_delete=models.CASCADE,
        related_name="mentor_profile",
    )
    is_eligible = models.BooleanField(
        _("eligible to mentor"),
        default=False,
        help_text=_(
            "Granted by holding a certificate that allows mentoring (the trainer level); "
            "withdrawn when it expires or is revoked."
        ),
    )
    is_active = models.BooleanField(
        _("taking mentees"),
        default=True,
        help_text=_("Untick while she is away or full-time busy."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"),
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
        help_text=_("How many mentees at most."),
    )
    regions = models.ManyToManyField(
        "accounts.Region",
        verbose_name=_("regions served"),
        blank=True,
        related_name="mentor_profiles",
        help_text=_("Where she can take mentees. Empty: around her home region."),
    )
    shares_phone = models.BooleanField(_("show her phone number to mentees"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")
        constraints = [
            models.CheckConstraint(
                condition=Q(capacity__gte=1), name="mentor_capacity_at_least_one"
            )
        ]

    def __str__(self):
        return str(self.user)


class MentorAssignment(models.Model):
    """Who mentors whom, and when. Ending keeps the row: the full history stays."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="mentor_assignments",
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        on_delete=models.PROTECT,
        related_name="mentee_assignments",
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    start_reason = models.CharField(_("reason"), max_length=300, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    end_reason = models.CharField(_("reason for ending"), max_length=300, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ended by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("mentor assignment")
        verbose_name_plural = _("mentor assignments")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner"],
                condition=Q(ended_at__isnull=True),
                name="one_active_mentor_per_learner",
                violation_error_message=_("This learner already has a mentor."),
            ),
            models.CheckConstraint(
                condition=~Q(learner=F("mentor")),
                name="mentor_is_not_her_own_mentee",
                violation_error_message=_("A mentor cannot be her own mentee."),
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=F("started_at")),
                name="assignment_ends_after_it_starts",
                violation_error_message=_("An assignment cannot end before it starts."),
            ),
        ]
        indexes = [
            models.Index(
                fields=["mentor"], condition=Q(ended_at__isnull=True), name="active_by_mentor"
            )
        ]

    def __str__(self):
        return f"{self.mentor} → {self.learner}"

    @property
    def is_active(self):
        return self.ended_at is None


class ContactMode(models.TextChoices):
    HOME_VISIT = "home_visit", _("Home visit")
    PHONE_CALL = "phone_call", _("Phone call")
    MESSAGE = "message", _("Message")
    GROUP_SESSION = "group_session", _("Group session")


class CoachingContact(models.Model):
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        on_delete=models.PROTECT,
        related_name="coaching_contacts_given",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="coaching_contacts",
    )
    contact_date = models.DateField(_("date"))
    mode = models.CharField(_("type of contact"), max_length=20, choices=ContactMode.choices)
    minutes = models.PositiveSmallIntegerField(
        _("minutes"), validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    summary = models.TextField(_("summary"), max_length=2000)
    follow_up_on = models.DateField(_("follow-up date"), null=True, blank=True)
    private_note = models.TextField(
        _("private note"),
        max_length=2000,
        blank=True,
        help_text=_("The learner never sees this. Programme staff of her region can."),
    )
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)
    # Sent with the form; a double submit or a retry reuses it and records nothing new.
    client_token = models.UUIDField()

    class Meta:
        verbose_name = _("coaching contact")
        verbose_name_plural = _("coaching contacts")
        ordering = ["-contact_date", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentor", "client_token"], name="contact_once_per_form"
            ),
            models.CheckConstraint(
                condition=Q(minutes__gte=1) & Q(minutes__lte=600),
                name="contact_minutes_range",
                violation_error_message=_("Minutes must be between 1 and 600."),
            ),
            models.CheckConstraint(
                condition=Q(follow_up_on__isnull=True) | Q(follow_up_on__gte=F("contact_date")),
                name="follow_up_after_contact",
                violation_error_message=_("The follow-up cannot be before the contact."),
            ),
        ]
        indexes = [models.Index(fields=["learner", "-contact_date"], name="contact_by_learner")]

    def __str__(self):
        return f"{self.contact_date} {self.get_mode_display()} · {self.learner}"
