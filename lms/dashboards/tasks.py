"""Thin, idempotent tasks: each takes ids and calls one service."""

from celery import shared_task

from . import exports, freshness, selectors


# Commits in steps of its own and is idempotent itself (lms/core/outbox.py).
@shared_task(acks_late=True, outbox_atomic=False)
def export_job_run_task(job_id: int) -> str:
    job = exports.export_job_run(job_id=job_id)
    return job.status if job else ""


@shared_task(acks_late=True)
def export_jobs_purge_task() -> int:
    return exports.export_jobs_purge()


@shared_task(acks_late=True)
def overview_warm_task() -> int:
    return selectors.overview_warm()


@shared_task(acks_late=True)
def readiness_rows_refresh_task(learner_ids: list) -> None:
    freshness.readiness_rows_changed(learner_ids)
