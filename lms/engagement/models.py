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
