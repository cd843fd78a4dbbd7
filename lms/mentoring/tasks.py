from celery import shared_task

from .services import assignments_notify, mentor_digests_send


@shared_task(acks_late=True)
def notify_assignments_task(assignment_ids: list[int]) -> int:
    return assignments_notify(assignment_ids=assignment_ids)


@shared_task(acks_late=True)
def send_mentor_digests_task() -> int:
    return mentor_digests_send()
