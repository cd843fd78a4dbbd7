from celery import shared_task

from .services import notification_deliver


@shared_task(
    acks_late=True, autoretry_for=(OSError,), retry_backoff=30, retry_kwargs={"max_retries": 5}
)
def deliver_notification(notification_id: int) -> int:
    return notification_deliver(notification_id=notification_id)
