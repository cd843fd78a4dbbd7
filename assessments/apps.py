from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.core.signals import track_learner_rows

        from .models import QuizAttempt, Submission, SubmissionPhoto, SubmissionVersion

        track_learner_rows(QuizAttempt, Submission)
        track_learner_rows(SubmissionVersion, field=lambda version: version.submission.learner_id)
        track_learner_rows(SubmissionPhoto, field=lambda photo: photo.version.submission.learner_id)
