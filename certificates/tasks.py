"""Thin, idempotent tasks: each takes ids and calls one service."""

from celery import shared_task

from lms.accounts.models import User

from . import services
from .models import Certificate


@shared_task(acks_late=True)
def certificate_award_task(learner_ids: list) -> int:
    """Something counting toward a certificate changed: issue or queue what she now meets."""
    done = 0
    for learner in User.objects.filter(pk__in=learner_ids):
        done += len(services.certificate_award_if_ready(learner=learner))
    return done


@shared_task(acks_late=True)
def certificate_render_pdf_task(certificate_id: int, relink: bool = False) -> bool:
    certificate = Certificate.objects.filter(pk=certificate_id).first()
    if certificate is None:
        return False
    services.certificate_render_pdf(certificate=certificate, relink=relink)
    return True


@shared_task(acks_late=True)
def certificates_expire_task() -> int:
    return services.certificates_expire()


@shared_task(acks_late=True)
def certificate_reminders_task() -> int:
    return services.certificate_expiry_reminders_send()
