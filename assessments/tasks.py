"""Thin, idempotent tasks: each calls one service."""

from celery import shared_task

from .services import attempts_close_expired


@shared_task(acks_late=True)
def attempts_close_expired_task() -> int:
    return attempts_close_expired()
