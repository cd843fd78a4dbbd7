"""What the certificates app plugs into the lower apps (see lms/accounts/extensions.py):
the level lock on courses and sessions, the progress listener that issues certificates, and
the readiness panels on the learner's, her mentor's and staff pages."""

from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from wagtail.models import Locale

from assessments.selectors import localized

from .models import CertificateStatus
from .permissions import can_sign_off
from .readiness import holds_current
from .selectors import learner_certificates, next_level_checklist


def level_gate(learner, level_slug):
    """A level's courses and sessions are locked until she holds its prerequisite."""
    from .models import CertificationLevel

    level = (
        CertificationLevel.objects.filter(slug=level_slug, locale=Locale.get_default())
        .select_related("prerequisite")
        .first()
    )
    if level is None or level.prerequisite_id is None:
        return None
    if learner.is_authenticated and holds_current(learner, level.prerequisite_id):
        return None
    return _("Locked: earn the “%(level)s” certificate first.") % {
        "level": localized(level.prerequisite).name
    }


def progress_listener(learner_ids):
    from .tasks import certificate_award_task

    certificate_award_task.delay_on_commit(list(learner_ids))


def learner_home_panel(request, learner):
    return render_to_string(
        "certificates/_ladder_panel.html",
        {
            "checklist": next_level_checklist(learner),
            "certificates": [
                c for c in learner_certificates(learner) if c.status != CertificateStatus.REVOKED
            ],
            "for_learner": True,
        },
        request=request,
    )


def person_panel(request, learner):
    if request.user.pk == learner.pk:
        return learner_home_panel(request, learner)
    return render_to_string(
        "certificates/_ladder_panel.html",
        {
            "checklist": next_level_checklist(learner, for_learner=False),
            "certificates": learner_certificates(learner),
            "for_learner": False,
            "learner": learner,
            "can_sign_off": can_sign_off(request.user, learner),
        },
        request=request,
    )
