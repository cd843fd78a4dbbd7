"""The readiness overview's numbers, cached per cohort, and what makes them stale.

A cohort's numbers are cached under a key made of:
- a token for the cohort, replaced (after the commit) whenever something that counts toward a
  certificate changes for one of its members (the progress signal every writer sends), a
  certificate, sign-off or approval of a member is saved or deleted, a membership is saved or
  deleted, or members are added in bulk (the cohorts signal the import sends);
- a token for the whole ladder, replaced when a level or requirement is saved or deleted, or a
  page is published, unpublished, moved or deleted (a course's lessons decide its completion);
- the day (certificates expire, and the pace is counted back from today), the forecast
  window, and the cohort's own level and dates (so editing the cohort needs no token).

A token that is missing (a cold or flushed cache) is simply made anew, so the worst a lost
cache entry costs is a recount. Tokens are deleted after the commit: a reader that counted
before it stored its numbers under the old token, which nobody asks for again. The cache must
be shared by the web and worker processes (CACHE_URL in production).
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.dispatch import receiver

from lms.core.signals import cohort_members_changed, learner_progress_settled
from lms.core.tasks import enqueue_ids_on_commit

from .models import LearnerReadiness
from .readiness_rows import ladder_version_raise, readiness_rows_refresh

# A safety net for writes that bypass the hooks (a manual SQL fix): numbers are never older
# than this.
OVERVIEW_TTL = 60 * 30
LADDER_TOKEN = "dashboards:ladder"
READINESS_TASK = "lms.dashboards.tasks.readiness_rows_refresh_task"


def _cohort_token_key(cohort_id):
    return f"dashboards:cohort:{cohort_id}"


def _tokens(keys) -> dict:
    """{key: token}, making a token for each key the cache does not have."""
    found = cache.get_many(keys)
    missing = {key: uuid.uuid4().hex for key in keys if key not in found}
    if missing:
        cache.set_many(missing, timeout=None)
    return {**found, **missing}


def overview_keys(cohorts, *, today, weeks) -> dict:
    """{cohort id: cache key of its overview numbers}."""
    tokens = _tokens([LADDER_TOKEN, *(_cohort_token_key(c.pk) for c in cohorts)])
    ladder = tokens[LADDER_TOKEN]
    return {
        c.pk: (
            f"dashboards:overview:{c.pk}:{tokens[_cohort_token_key(c.pk)]}:{ladder}:"
            f"{today.isoformat()}:{weeks}:{c.level}:{c.start_date}:{c.target_date}"
        )
        for c in cohorts
    }


def cached_numbers(keys: dict) -> dict:
    """{cohort id: numbers} for the cohorts whose numbers are cached under their key."""
    found = cache.get_many(list(keys.values()))
    return {pk: found[key] for pk, key in keys.items() if key in found}


def store_numbers(keys: dict, numbers: dict):
    cache.set_many({keys[pk]: value for pk, value in numbers.items()}, timeout=OVERVIEW_TTL)


def cohorts_changed(cohort_ids):
    """After the commit, the overview counts these cohorts again."""
    keys = [_cohort_token_key(pk) for pk in set(cohort_ids)]
    if keys:
        transaction.on_commit(lambda: cache.delete_many(keys))


def learners_changed(learner_ids):
    """After the commit, the overview counts again every cohort these learners belong to (as
    active members or not: a change of status matters too)."""
    learner_ids = list(learner_ids)
    if learner_ids:
        transaction.on_commit(lambda: _touch_cohorts_of(learner_ids))


def _touch_cohorts_of(learner_ids):
    from lms.programme.models import CohortMembership

    cohort_ids = set(
        CohortMembership.objects.filter(learner_id__in=learner_ids).values_list(
            "cohort_id", flat=True
        )
    )
    cache.delete_many([_cohort_token_key(pk) for pk in cohort_ids])


def ladder_changed(**_kwargs):
    ladder_version_raise()  # the readiness rows counted before it are not used after it
    transaction.on_commit(lambda: cache.delete(LADDER_TOKEN))


# --- Receivers -------------------------------------------------------------------------------


@receiver(learner_progress_settled, dispatch_uid="dashboards.progress")
def progress_settled(sender, learner_ids, **kwargs):
    """In the background task that follows committed progress (lms/core/signals.py): her
    readiness counted again, then (once that is committed) her cohorts."""
    readiness_rows_changed(learner_ids)


def readiness_rows_changed(learner_ids):
    readiness_rows_refresh(learner_ids)
    learner_ids = list(learner_ids)
    transaction.on_commit(lambda: _touch_cohorts_of(learner_ids))


@receiver(cohort_members_changed, dispatch_uid="dashboards.members")
def members_changed(sender, cohort_ids, **kwargs):
    cohorts_changed(cohort_ids)


def learner_row_changed(sender, instance, update_fields=None, **kwargs):
    """A certificate, sign-off or approval request of a learner was saved or deleted: her
    readiness rows are not trusted from this commit on, and counted again after it (not for
    a certificate's serial number, saved just after the certificate itself)."""
    if not (update_fields and set(update_fields) <= {"serial"}):
        LearnerReadiness.objects.filter(learner_id=instance.learner_id).delete()
        enqueue_ids_on_commit(READINESS_TASK, [instance.learner_id])
    learners_changed([instance.learner_id])


def membership_changed(sender, instance, **kwargs):
    """A member joined, left or came back: her row for the cohort's level, after the commit."""
    enqueue_ids_on_commit(READINESS_TASK, [instance.learner_id])
    cohorts_changed([instance.cohort_id])


def connect():
    """The model signals (of many senders; called by DashboardsConfig.ready)."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from certificates.models import (
        ApprovalRequest,
        Certificate,
        CertificationLevel,
        LevelRequirement,
        SignOff,
    )
    from lms.programme.models import CohortMembership

    for model in (Certificate, SignOff, ApprovalRequest):
        post_save.connect(learner_row_changed, sender=model, dispatch_uid=f"dash-{model.__name__}")
        post_delete.connect(
            learner_row_changed, sender=model, dispatch_uid=f"dash-del-{model.__name__}"
        )
    post_save.connect(membership_changed, sender=CohortMembership, dispatch_uid="dash-member")
    post_delete.connect(membership_changed, sender=CohortMembership, dispatch_uid="dash-del-member")
    for model in (CertificationLevel, LevelRequirement):
        post_save.connect(ladder_changed, sender=model, dispatch_uid=f"dash-{model.__name__}")
        post_delete.connect(ladder_changed, sender=model, dispatch_uid=f"dash-del-{model.__name__}")
    # A lesson's course decides the course's completion. Page subclasses send these with
    # their own class as the sender.
    page_published.connect(ladder_changed, dispatch_uid="dash-published")
    page_unpublished.connect(ladder_changed, dispatch_uid="dash-unpublished")
    post_page_move.connect(ladder_changed, dispatch_uid="dash-moved")  # a lesson to a course
    for model in apps.get_models():
        if issubclass(model, Page):
            post_delete.connect(ladder_changed, sender=model, dispatch_uid=f"dash-del-{model}")
