"""Thin, idempotent tasks: each calls one service."""

from celery import shared_task

from .services import mentor_digests_send


@shared_task(acks_late=True)
def send_mentor_digests_task() -> int:
    return mentor_digests_send()
