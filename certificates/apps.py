from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.core.signals import track_learner_rows

        from . import checks, receivers  # noqa: F401 - the font check; the progress receiver
        from .models import ApprovalRequest, Certificate, FacilitationObservation, SignOff

        track_learner_rows(ApprovalRequest, Certificate, SignOff)
        track_learner_rows(FacilitationObservation, field="candidate_id")
