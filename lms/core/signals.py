"""Events that lower apps announce and upper apps act on, as plain Django signals (connect a
receiver with @receiver in the upper app's `receivers.py`, imported by its AppConfig.ready).

`learner_progress_changed` and `cohort_members_changed` are sent inside the writer's
transaction: a receiver that does work defers it with `transaction.on_commit`, so a
rolled-back write causes nothing. `learner_progress_settled` is sent after the commit, by a
background task (lms/core/tasks.py), so the work that follows progress (certificates, the
dashboards' numbers, engagement facts) is not done inside the learner's request."""

from django.dispatch import Signal

# Something counting toward a certificate or toward engagement changed for these learners (a
# lesson, a quiz, a task, attendance, a coaching contact, a sign-off, a certificate).
# Receivers get `learner_ids`: a sorted list of ints.
learner_progress_changed = Signal()

# The same learners, once the change is committed, in a background task: one per transaction
# with every learner it changed. Receivers get `learner_ids`: a sorted list of ints.
learner_progress_settled = Signal()

SETTLE_TASK = "lms.core.tasks.progress_settle_task"

# These learners did something the engagement rule reads that does not count toward a
# certificate (visited a lesson, failed a quiz, handed in a task), once committed, in the
# same background task as the progress (one per transaction). Receivers get `learner_ids`.
learner_activity_settled = Signal()

# The members of these cohorts changed in bulk (an import), where no model signal fires.
# Receivers get `cohort_ids`: a sorted list of ints.
cohort_members_changed = Signal()


def _ids(values):
    return sorted({int(pk) for pk in values if pk})


def progress_changed(learner_ids, sender=None):
    """Announce learner_progress_changed for these learners (none: nothing is sent)."""
    learner_ids = _ids(learner_ids)
    if learner_ids:
        learner_progress_changed.send(sender=sender, learner_ids=learner_ids)
        _settle_after_commit(learner_ids)


def activity_changed(learner_ids):
    """Something the engagement rule reads changed for these learners without changing their
    progress (a lesson visited, a quiz failed, a task handed in, a mentor assigned): after
    the commit, learner_activity_settled (the engagement facts listen)."""
    learner_ids = _ids(learner_ids)
    if learner_ids:
        _settle_after_commit(learner_ids, group=1)


def _settle_after_commit(learner_ids, group=0):
    """After the commit, in the background, one task for every learner the transaction
    changed (their progress in its first list, their activity in its second): recorded in
    this transaction (the outbox), so it happens even if the broker is down now."""
    from .tasks import enqueue_ids_on_commit

    # A learner whose progress settles has her activity settled too (progress_settle_task).
    covered_by = 0 if group == 1 else None
    enqueue_ids_on_commit(SETTLE_TASK, learner_ids, group=group, groups=2, covered_by=covered_by)


def cohorts_changed(cohort_ids, sender=None):
    cohort_ids = _ids(cohort_ids)
    if cohort_ids:
        cohort_members_changed.send(sender=sender, cohort_ids=cohort_ids)


def track_learner_rows(*models, field="learner_id"):
    """Saving or deleting a row of these models changes what the pages show about the person
    it names (`field`, or a function of the row): her cached page data is made again
    (caching.learner_changed). For rows written in bulk, the writer calls progress_changed or
    caching.learner_changed itself."""
    from django.db.models.signals import post_delete, post_save

    from .caching import learner_changed

    def changed(sender, instance, **kwargs):
        learner_changed([field(instance) if callable(field) else getattr(instance, field)])

    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                changed,
                sender=model,
                weak=False,
                dispatch_uid=f"learner-rows-{signal is post_save}-{model._meta.label}",
            )


def _progress_bumps_learners(sender, learner_ids, **kwargs):
    from .caching import learner_changed

    learner_changed(learner_ids)


learner_progress_changed.connect(_progress_bumps_learners, dispatch_uid="core-learner-changed")
