from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from lms.core.page_models import CachedSettingMixin


def _days(label, default, help_text=""):
    return models.PositiveSmallIntegerField(
        label,
        default=default,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=help_text,
    )


@register_setting(icon="warning")
class EngagementSettings(CachedSettingMixin, BaseGenericSetting):
    """When a learner needs attention: the thresholds of the one engagement rule (rules.py),
    shown alike on her mentor's page, in the mentor's digest and on the staff at-risk list."""

    inactive_days = _days(_("no activity for (days)"), 14)
    quiz_failures = models.PositiveSmallIntegerField(
        _("failed attempts at one quiz"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("At risk after this many failed attempts at a quiz she has not passed."),
    )
    task_wait_days = _days(
        _("practical task waiting for (days)"),
        14,
        _("Waiting for grading, or for her revision, longer than this."),
    )
    no_contact_days = _days(_("no coaching contact for (days)"), 30)
    expiry_warning_days = _days(_("certificate expiring within (days)"), 60)

    panels = [
        FieldPanel("inactive_days"),
        FieldPanel("quiz_failures"),
        FieldPanel("task_wait_days"),
        FieldPanel("no_contact_days"),
        FieldPanel("expiry_warning_days"),
    ]

    class Meta:
        verbose_name = _("engagement settings")


class LearnerFacts(models.Model):
    """What the engagement rule reads about one learner that takes counting across many rows
    (her lessons, contacts, quizzes and tasks), and what the staff at-risk list counts and
    sorts her by (whether she has a mentor, when she joined, her name), kept current by the
    events that change it (facts.py) so that the list counts and pages a province from this
    one table. Facts, not verdicts: the thresholds and today's date are applied when the
    list is asked (rules.py), so the list stays exact as days pass and thresholds change.
    Every cohort member has a row (her membership makes it)."""

    learner = models.OneToOneField(
        "accounts.User",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="engagement_facts",
        verbose_name=_("learner"),
    )
    last_activity = models.DateTimeField(_("last activity"), null=True, blank=True)
    last_contact_on = models.DateField(_("last coaching contact"), null=True, blank=True)
    next_follow_up = models.DateField(_("follow-up due"), null=True, blank=True)
    # The most failed attempts at one quiz she has not passed.
    quiz_failures = models.PositiveIntegerField(_("failed attempts at one quiz"), default=0)
    # Since when her longest-waiting practical task has waited (for a grade or her revision).
    waiting_since = models.DateTimeField(_("practical task waiting since"), null=True, blank=True)
    # Copied from her account and her assignments: the list reads no other table to count.
    has_mentor = models.BooleanField(_("has a mentor"), default=False)
    date_joined = models.DateTimeField(_("date joined"), null=True, blank=True)
    display_name = models.CharField(_("full name"), max_length=100, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("engagement facts")
        verbose_name_plural = _("engagement facts")
        # The at-risk list's page: the next hundred by name.
        indexes = [models.Index(fields=["display_name", "learner"], name="facts_by_name")]

    def __str__(self):
        return str(self.learner_id)
