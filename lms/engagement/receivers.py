"""The engagement facts (facts.py) follow every change the rule reads: the settled signals
after a transaction's commit, and the rows whose saving or deleting changes a fact."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from assessments.models import QuizAttempt, Submission
from courses.models import Enrolment
from lms.accounts.models import User
from lms.core.signals import activity_changed, learner_activity_settled, learner_progress_settled
from lms.mentoring.models import CoachingContact, MentorAssignment
from lms.programme.models import CohortMembership

from .facts import facts_refresh
from .models import LearnerFacts

# The account's fields the facts copy (facts.FIELDS).
ACCOUNT_FIELDS = {"display_name", "date_joined"}


@receiver(learner_progress_settled, dispatch_uid="engagement.facts.progress")
@receiver(learner_activity_settled, dispatch_uid="engagement.facts.activity")
def _refresh(sender, learner_ids, **kwargs):
    facts_refresh(learner_ids)


def _row_changed(sender, instance, **kwargs):
    # A quiz attempt counts once handed in, an enrolment with its last activity (the lesson
    # pages note a visit with an update: courses/services.py), the others whenever they
    # change (an edit in the admin too). A membership makes her row (the at-risk list counts
    # its members' rows); an assignment gives or takes her mentor.
    if sender is QuizAttempt and instance.submitted_at is None:
        return
    if sender is Enrolment and instance.last_activity_at is None:
        return
    activity_changed([instance.learner_id])


for model in (QuizAttempt, Submission, CoachingContact, Enrolment, MentorAssignment):
    post_save.connect(_row_changed, sender=model, dispatch_uid=f"engagement.{model.__name__}.save")
    post_delete.connect(
        _row_changed, sender=model, dispatch_uid=f"engagement.{model.__name__}.delete"
    )
post_save.connect(_row_changed, sender=CohortMembership, dispatch_uid="engagement.member.save")


@receiver(post_save, sender=User, dispatch_uid="engagement.facts.account")
def _account_saved(sender, instance, created, update_fields=None, **kwargs):
    # Her row copies her name and join date: a saved account updates its copy at once (one
    # query; none for a new account, which has no row until she joins a cohort, nor for a
    # login or a password change, which name the fields they save).
    if created or not (update_fields is None or ACCOUNT_FIELDS & set(update_fields)):
        return
    LearnerFacts.objects.filter(learner_id=instance.pk).exclude(
        display_name=instance.display_name, date_joined=instance.date_joined
    ).update(display_name=instance.display_name, date_joined=instance.date_joined)
