from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses.services import register_completion_gate

        from .selectors import lesson_quiz_blockers

        # A lesson with a quiz is complete only when its quizzes are passed.
        register_completion_gate(lesson_quiz_blockers)
