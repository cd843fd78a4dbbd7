"""The engagement facts (facts.py) follow every change the rule reads: the settled signals
after a transaction's commit, and the rows whose saving or deleting changes a fact."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from assessments.models import QuizAttempt, Submission
from courses.models import Enrolment
from lms.core.signals import activity_changed, learner_activity_settled, learner_progress_settled
from lms.mentoring.models import CoachingContact

from .facts import facts_refresh


@receiver(learner_progress_settled, dispatch_uid="engagement.facts.progress")
@receiver(learner_activity_settled, dispatch_uid="engagement.facts.activity")
def _refresh(sender, learner_ids, **kwargs):
    facts_refresh(learner_ids)


def _row_changed(sender, instance, **kwargs):
    # A quiz attempt counts once handed in, an enrolment with its last activity (the lesson
    # pages note a visit with an update: courses/services.py), the others whenever they
    # change (an edit in the admin too).
    if sender is QuizAttempt and instance.submitted_at is None:
        return
    if sender is Enrolment and instance.last_activity_at is None:
        return
    activity_changed([instance.learner_id])


for model in (QuizAttempt, Submission, CoachingContact, Enrolment):
    post_save.connect(_row_changed, sender=model, dispatch_uid=f"engagement.{model.__name__}.save")
    post_delete.connect(
        _row_changed, sender=model, dispatch_uid=f"engagement.{model.__name__}.delete"
    )
