from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "lms.programme"
    label = "programme"
    verbose_name = _("Programme")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.core.signals import track_learner_rows

        from .models import Attendance, CohortMembership, SessionBooking

        track_learner_rows(Attendance, CohortMembership, SessionBooking)
