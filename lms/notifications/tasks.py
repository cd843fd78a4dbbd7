from celery import shared_task

from lms.core.outbox import RetryLater

from .services import notification_deliver

RETRY_SECONDS = 120


@shared_task(acks_late=True)
def deliver_notification(notification_id: int) -> int:
    """Send a notification's email and SMS (run from the outbox: lms/core/outbox.py). A
    channel that failed is tried again later; what was sent is never sent again."""
    sent, failed = notification_deliver(notification_id=notification_id)
    if failed:
        raise RetryLater(RETRY_SECONDS)
    return sent
