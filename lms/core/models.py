from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxTask(models.Model):
    """Work that must follow a write (a certificate, a notification, an enrolment, an
    import), recorded in the write's own transaction and done exactly once by a worker
    (lms/core/outbox.py): a broker or a worker that fails loses nothing."""

    task = models.CharField(_("task"), max_length=200)
    args = models.JSONField(_("arguments"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # Not before then: a retry's delay.
    available_at = models.DateTimeField(_("due"), default=timezone.now)
    # Handed to the broker (the relay hands it again if it is not done some minutes later).
    published_at = models.DateTimeField(_("sent to a worker"), null=True, blank=True)
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    failed_at = models.DateTimeField(_("given up"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("background task")
        verbose_name_plural = _("background tasks")
        indexes = [
            models.Index(
                fields=["available_at"],
                name="outbox_waiting",
                condition=Q(done_at__isnull=True, failed_at__isnull=True),
            )
        ]

    def __str__(self):
        return f"{self.task}{tuple(self.args)}"

    @property
    def state(self):
        if self.done_at:
            return _("done")
        if self.failed_at:
            return _("given up")
        return _("waiting")
