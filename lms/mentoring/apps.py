from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "lms.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.accounts.permissions import register_learner_visibility

        from .permissions import current_mentees_q

        # A mentor sees the learners she currently mentors (progress pages and the like).
        register_learner_visibility(current_mentees_q)
