from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from courses.levels import Level
from lms.core.translation import InReaderLanguage


class Cohort(models.Model):
    name = models.CharField(_("name"), max_length=120)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    region = models.ForeignKey(
        "accounts.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="cohorts",
    )
    start_date = models.DateField(_("start date"))
    target_date = models.DateField(_("target date"))
    responsible_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible staff"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cohorts_responsible_for",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-start_date", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_date__gte=F("start_date")),
                name="cohort_target_after_start",
                violation_error_message=_("The target date cannot be before the start date."),
            ),
            models.UniqueConstraint(
                fields=["region", "name"],
                name="cohort_unique_name_per_region",
                violation_error_message=_("This region already has a cohort with this name."),
            ),
        ]

    def __str__(self):
        return self.name


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("cohort membership", "Active")
    PAUSED = "paused", _("Paused")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    COMPLETED = "completed", _("Completed")


class CohortMembership(models.Model):
    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="memberships"
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="cohort_memberships",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.ACTIVE,
    )
    joined_on = models.DateField(_("joined"), default=timezone.localdate)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)

    class Meta:
        verbose_name = _("cohort membership")
        verbose_name_plural = _("cohort memberships")
        ordering = ["cohort", "learner__display_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "learner"],
                name="membership_unique_learner_per_cohort",
                violation_error_message=_("This learner is already in this cohort."),
            )
        ]

    def __str__(self):
        return f"{self.learner} · {self.cohort}"


def _in_english(session, field, language):
    return getattr(session, f"{field}_en") if language.startswith("en") else ""


class TrainingSession(models.Model):
    """A face-to-face training day of one level, scheduled by programme staff."""

    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    title = models.CharField(_("title"), max_length=150)
    title_en = models.CharField(
        _("title in English"),
        max_length=150,
        blank=True,
        help_text=_("Shown on the English pages; empty: the Chinese title is shown."),
    )
    region = models.ForeignKey(
        "accounts.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="training_sessions",
        help_text=_("Staff of this region manage it; learners of this region see it first."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=200)
    venue_en = models.CharField(_("venue in English"), max_length=200, blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("seats"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitators"),
        blank=True,
        related_name="sessions_facilitated",
        help_text=_("Trainers who lead the session; they can mark attendance."),
    )
    co_facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("co-facilitating trainer candidates"),
        blank=True,
        related_name="sessions_co_facilitated",
        help_text=_(
            "Trainer candidates who co-facilitate as their practicum; an observer rates them."
        ),
    )
    notes = models.TextField(_("what to bring"), blank=True, max_length=2000)
    notes_en = models.TextField(_("what to bring, in English"), blank=True, max_length=2000)
    is_cancelled = models.BooleanField(_("cancelled"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="session_ends_after_it_starts",
                violation_error_message=_("The session must end after it starts."),
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="session_has_a_seat"),
        ]
        indexes = [models.Index(fields=["level", "starts_at"], name="session_by_level_start")]

    def __str__(self):
        return f"{self.shown_title} ({timezone.localtime(self.starts_at):%Y-%m-%d})"

    # What a reader sees: the English text on the English pages (and in an English reader's
    # notifications) when staff wrote one, else the Chinese.
    shown_title = InReaderLanguage("title", _in_english)
    shown_venue = InReaderLanguage("venue", _in_english)
    shown_notes = InReaderLanguage("notes", _in_english)

    @property
    def has_started(self):
        return self.starts_at <= timezone.now()


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Seat booked")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class SessionBooking(models.Model):
    session = models.ForeignKey(
        TrainingSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="bookings",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="session_bookings",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=BookingStatus.choices, default=BookingStatus.BOOKED
    )
    # The waiting list moves up in the order people joined it.
    requested_at = models.DateTimeField(_("asked for a seat"), default=timezone.now)
    status_changed_at = models.DateTimeField(_("status changed"), default=timezone.now)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["requested_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "learner"],
                condition=~Q(status=BookingStatus.CANCELLED),
                name="one_live_booking_per_learner_session",
                violation_error_message=_(
                    "You already have a seat or a place on the waiting list."
                ),
            )
        ]
        indexes = [models.Index(fields=["session", "status"], name="booking_by_session_status")]

    def __str__(self):
        return f"{self.learner} · {self.session} ({self.get_status_display()})"


class Attendance(models.Model):
    """Who was there, marked by a facilitator or staff. One row per learner and session."""

    session = models.ForeignKey(
        TrainingSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    present = models.BooleanField(_("present"), default=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    marked_at = models.DateTimeField(_("marked"), default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "learner"], name="attendance_once_per_learner_session"
            )
        ]
        indexes = [models.Index(fields=["learner", "present"], name="attendance_by_learner")]

    def __str__(self):
        return f"{self.learner} · {self.session}"


class ImportStatus(models.TextChoices):
    VALIDATED = "validated", _("Checked")
    PENDING = "pending", _("Waiting to import")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed")


class ImportBatch(models.Model):
    """One uploaded file of learners: its checked rows (the preview), then the import's
    progress and result. Nothing is written to people or cohorts before the import runs."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    file_name = models.CharField(_("file name"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.VALIDATED
    )
    # The checked rows: raw text, what each resolves to, and its problems as codes.
    rows = models.JSONField(_("rows"), default=list)
    total = models.PositiveIntegerField(_("rows"), default=0)
    problem_count = models.PositiveIntegerField(_("rows with problems"), default=0)
    # What the check found, kept beside the rows so that the progress page need not load them.
    to_create = models.PositiveIntegerField(_("new learners"), default=0)
    to_update = models.PositiveIntegerField(_("learners to update"), default=0)
    unchanged = models.PositiveIntegerField(_("learners unchanged"), default=0)
    done = models.PositiveIntegerField(_("rows imported"), default=0)
    created_count = models.PositiveIntegerField(_("learners added"), default=0)
    updated_count = models.PositiveIntegerField(_("learners updated"), default=0)
    created_user_ids = models.JSONField(_("learners added"), default=list)
    # Welcome text messages handed to the notification machinery (which sends and retries).
    sms_sent = models.PositiveIntegerField(_("welcome text messages"), default=0)
    error = models.TextField(_("error"), blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("learner import")
        verbose_name_plural = _("learner imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.file_name
