from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "lms.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from lms.accounts.extensions import register_bulk_mentor_assigner, register_mentor_lookup
        from lms.accounts.permissions import register_learner_visibility

        from .permissions import current_mentees_q

        # A mentor sees the learners she currently mentors (progress pages and the like).
        register_learner_visibility(current_mentees_q)
        # The learner import (programme, the same layer) gives mentors through this hook.
        register_bulk_mentor_assigner(_assign_mentors_bulk)
        register_mentor_lookup(_mentor_lookup)


def _assign_mentors_bulk(pairs, actor, reason):
    from .services import mentor_assign_bulk

    return mentor_assign_bulk(pairs=pairs, actor=actor, reason=reason)


def _mentor_lookup(learner_ids, phones, actor):
    from .selectors import mentor_lookup_for_import

    return mentor_lookup_for_import(learner_ids, phones, actor)
