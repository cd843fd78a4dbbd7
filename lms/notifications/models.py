from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms.core.translation import InReaderLanguage


class NotificationKind(models.TextChoices):
    """Every kind of event a person is told about, named once."""

    MENTOR_ASSIGNED = "mentor_assigned", _("Your mentor")
    MENTEE_ASSIGNED = "mentee_assigned", _("New mentee")
    MENTOR_DIGEST = "mentor_digest", _("Weekly mentor digest")
    LEARNER_WELCOME = "learner_welcome", _("Welcome")
    TRAINING_SEAT = "training_seat", _("Training seat")
    TRAINING_CANCELLED = "training_cancelled", _("Training cancelled")
    SUBMISSION_WAITING = "submission_waiting", _("Work to grade")
    SUBMISSION_GRADED = "submission_graded", _("Work graded")
    CERTIFICATE_ISSUED = "certificate_issued", _("Certificate issued")
    CERTIFICATE_APPROVAL_WAITING = "certificate_approval_waiting", _("Certificate to approve")
    CERTIFICATE_DECLINED = "certificate_declined", _("Certificate not approved")
    CERTIFICATE_REVOKED = "certificate_revoked", _("Certificate revoked")
    CERTIFICATE_EXPIRED = "certificate_expired", _("Certificate expired")
    CERTIFICATE_EXPIRING = "certificate_expiring", _("Certificate expiring")
    MENTOR_LOST_CERTIFICATE = "mentor_lost_certificate", _("Mentor can no longer mentor")
    CO_FACILITATION_RATED = "co_facilitation_rated", _("Co-facilitation rated")


def _in_texts(notification, field, language):
    return notification.texts.get(language, {}).get(field)


class Notification(models.Model):
    """One message to one person, shown in the app and (optionally) sent by email and SMS.
    `dedupe_key` makes creating it idempotent: the same event never notifies twice."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=40, choices=NotificationKind.choices)
    dedupe_key = models.CharField(max_length=120)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"), blank=True)
    url = models.CharField(max_length=300, blank=True)
    # The title, body and link in every language of the site ({language: {"title": …,
    # "body": …, "url": …}}): the page shows the reader's; title, body and url above are in
    # her own language, for the email and SMS.
    texts = models.JSONField(_("in each language"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"], name="notification_once_per_event"
            )
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self):
        return self.title

    # What the page shows: the reader's language's version.
    shown_title = InReaderLanguage("title", _in_texts)
    shown_body = InReaderLanguage("body", _in_texts)
    shown_url = InReaderLanguage("url", _in_texts)


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    SMS = "sms", _("SMS")


class Delivery(models.Model):
    """A notification sent on one channel. The row is claimed before sending and marked sent
    in the same transaction, so a retried task does not send it again."""

    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["notification", "channel"], name="delivery_once_per_channel"
            )
        ]

    def __str__(self):
        return f"{self.notification} · {self.channel}"
