"""Thin, idempotent tasks: each calls one service."""

from celery import shared_task

from .facts import facts_refresh_all
from .services import mentor_digests_send


@shared_task(acks_late=True)
def send_mentor_digests_task() -> int:
    return mentor_digests_send()


@shared_task(acks_late=True)
def facts_refresh_all_task() -> int:
    """Nightly: everyone's engagement facts counted again (a safety net under the events)."""
    return facts_refresh_all()
