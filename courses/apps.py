from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.core.signals import track_learner_rows

        from .models import Enrolment, LessonCompletion

        # What her pages show about her (lms/core/caching.py): made again when these change.
        track_learner_rows(Enrolment, LessonCompletion)
