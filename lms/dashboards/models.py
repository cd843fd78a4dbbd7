import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from lms.core.page_models import CachedSettingMixin


@register_setting(icon="view")
class DashboardSettings(CachedSettingMixin, BaseGenericSetting):
    """How far back the readiness forecast looks. (When a learner counts as at risk is the
    engagement rule's, with its own settings: lms/engagement.)"""

    forecast_weeks = models.PositiveSmallIntegerField(
        _("forecast from the last (weeks)"),
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_("The cohort's pace is measured over this many recent weeks."),
    )

    panels = [FieldPanel("forecast_weeks")]

    class Meta:
        verbose_name = _("dashboard settings")


class ExportTable(models.TextChoices):
    OVERVIEW = "overview", _("Readiness overview")
    COHORT = "cohort", _("Cohort readiness matrix")
    AT_RISK = "at_risk", _("Learners at risk")
    MENTOR_LOAD = "mentor_load", _("Mentor load")
    GRADING_BACKLOG = "grading_backlog", _("Grading backlog")
    TRAINING = "training", _("Face-to-face training")


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "Excel"


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("waiting to start")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


def export_file_path(job, filename):
    """A random name in a folder of its own: the file is only ever served through the
    download view, which checks who asks; the name tells nothing about its contents."""
    return f"exports/{uuid.uuid4().hex}.{job.file_format}"


class ExportJob(models.Model):
    """A dashboard table too large to build in the request: written to a file by a task, as
    the staff member who asked would see it, in the language she saw it in."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    table = models.CharField(_("table"), max_length=20, choices=ExportTable.choices)
    file_format = models.CharField(_("format"), max_length=4, choices=ExportFormat.choices)
    # The GET parameters of the table's filters, as they were in the address.
    filters = models.JSONField(_("filters"), default=dict, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    # The regions she was staff of when the file was made: it is hers to download only while
    # she still sees all of them.
    regions = models.JSONField(_("regions"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ExportStatus.choices, default=ExportStatus.PENDING
    )
    total = models.PositiveIntegerField(_("rows"), null=True, blank=True)  # None: not counted yet
    done = models.PositiveIntegerField(_("rows written"), default=0)
    file = models.FileField(_("file"), upload_to=export_file_path, blank=True, max_length=200)
    file_name = models.CharField(_("download name"), max_length=200, blank=True)
    error = models.CharField(_("error"), max_length=40, blank=True)  # a code the page explains
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["requested_by", "-created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(total__isnull=True, done=0)
                | Q(total__isnull=False, done__lte=F("total")),
                name="dashboards_export_done_within_total",
            ),
            models.CheckConstraint(
                condition=~Q(status=ExportStatus.DONE) | (~Q(file="") & Q(total__isnull=False)),
                name="dashboards_export_done_has_file",
            ),
            models.CheckConstraint(
                condition=Q(
                    status__in=[ExportStatus.DONE, ExportStatus.FAILED], finished_at__isnull=False
                )
                | Q(status__in=[ExportStatus.PENDING, ExportStatus.RUNNING]),
                name="dashboards_export_finished_when_over",
            ),
        ]

    def __str__(self):
        return f"{self.get_table_display()} ({self.get_file_format_display()})"

    @property
    def is_over(self):
        return self.status in (ExportStatus.DONE, ExportStatus.FAILED)

    @property
    def percent(self):
        if self.status == ExportStatus.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0


class LearnerReadiness(models.Model):
    """Whether a cohort member holds or is ready for a level, as the readiness engine said
    on `day` for the ladder as it was at `ladder_version` (readiness_rows.py): the overview
    counts a province's cohorts from these rows instead of from every learner's progress.
    A row of another day or ladder is not used."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", db_index=False
    )
    level = models.ForeignKey(
        "certificates.CertificationLevel", on_delete=models.CASCADE, related_name="+"
    )
    ready = models.BooleanField()
    day = models.DateField()
    ladder_version = models.PositiveIntegerField()
    # When the counting began (the database's clock): an older count never overwrites a newer.
    counted_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "level"], name="dashboards_readiness_one_per_level"
            )
        ]

    def __str__(self):
        return f"{self.learner_id} {self.level_id} {self.ready} {self.day}"


class LadderVersion(models.Model):
    """One row: a number raised in the transaction of every change to the ladder or the
    pages (a course's lessons decide its completion), so that readiness counted before it is
    not used after it."""

    number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return str(self.number)
