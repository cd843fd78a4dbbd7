"""What the certificates do when something counting toward a level changes."""

from django.dispatch import receiver

from lms.core.signals import learner_progress_changed

from .tasks import certificate_award_task


@receiver(learner_progress_changed, dispatch_uid="certificates.award")
def award_what_she_now_meets(sender, learner_ids, **kwargs):
    """Issue (or queue for approval) every level these learners now meet, after the commit."""
    certificate_award_task.delay_on_commit(list(learner_ids))
