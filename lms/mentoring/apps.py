from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "lms.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from lms.core.caching import bump
        from lms.core.signals import track_learner_rows

        from .models import CoachingContact, MentorAssignment, MentorProfile

        track_learner_rows(CoachingContact, MentorAssignment)
        track_learner_rows(MentorAssignment, field="mentor_id")  # her mentees, her role
        for signal in (post_save, post_delete):
            signal.connect(
                lambda **kwargs: bump("mentors"),
                sender=MentorProfile,
                weak=False,
                dispatch_uid=f"mentors-changed-{signal is post_save}",
            )
