from celery import shared_task

from .models import Cohort, TrainingSession
from .services import cohort_enrol_members, import_apply, session_cancellation_notify


@shared_task(acks_late=True)
def cohort_enrol_members_task(cohort_id: int) -> int:
    cohort = Cohort.objects.filter(pk=cohort_id).first()
    if cohort is None:
        return 0
    return cohort_enrol_members(cohort=cohort)


@shared_task(acks_late=True)
def session_cancellation_notify_task(session_id: int) -> int:
    session = TrainingSession.objects.filter(pk=session_id).first()
    if session is None:
        return 0
    return session_cancellation_notify(session=session)


# Commits in steps of its own and is idempotent itself (lms/core/outbox.py).
@shared_task(acks_late=True, outbox_atomic=False)
def import_apply_task(batch_id: int) -> str:
    batch = import_apply(batch_id=batch_id)
    return batch.status if batch else ""
