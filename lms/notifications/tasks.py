from celery import shared_task

from .services import notification_deliver

MAX_RETRIES = 6


@shared_task(bind=True, acks_late=True, max_retries=MAX_RETRIES)
def deliver_notification(self, notification_id: int) -> int:
    """Send a notification's email and SMS. A channel that failed is retried later with a
    growing delay (2, 4, 8 … minutes); what was sent is never sent again."""
    sent, failed = notification_deliver(notification_id=notification_id)
    if failed and not self.request.is_eager:
        raise self.retry(countdown=120 * 2**self.request.retries)
    return sent
