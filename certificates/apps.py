from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.accounts import extensions

        from . import checks, hooks  # noqa: F401 (checks registers the font check)

        extensions.register_level_gate(hooks.level_gate)
        extensions.register_progress_listener(hooks.progress_listener)
        extensions.register_person_panel(extensions.LEARNER_HOME, hooks.learner_home_panel)
        extensions.register_person_panel(extensions.PERSON_PROGRESS, hooks.person_panel)
        extensions.register_person_panel(extensions.MENTEE_DETAIL, hooks.person_panel)
