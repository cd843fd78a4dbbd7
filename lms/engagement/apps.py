from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    """Who needs attention, and why: one rule (rules.py) with the thresholds staff edit, asked
    by the mentor's caseload, her weekly digest and the staff at-risk list."""

    name = "lms.engagement"
    label = "engagement"
    verbose_name = _("Engagement")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import receivers  # noqa: F401
