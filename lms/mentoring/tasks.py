"""Thin, idempotent tasks: each takes ids and calls one service."""

from celery import shared_task

from .services import assignments_notify


@shared_task(acks_late=True)
def notify_assignments_task(assignment_ids: list[int]) -> int:
    return assignments_notify(assignment_ids=assignment_ids)
