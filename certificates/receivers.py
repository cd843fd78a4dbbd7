"""What the certificates do when something counting toward a level changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from assessments.models import PracticalTask, Question, Quiz, Rubric, RubricCriterion
from lms.core.caching import bump
from lms.core.signals import learner_progress_settled

from .models import Certificate, CertificationLevel, LevelRequirement
from .tasks import certificate_award_task


@receiver(learner_progress_settled, dispatch_uid="certificates.award")
def award_what_she_now_meets(sender, learner_ids, **kwargs):
    """Issue (or queue for approval) every level these learners now meet (in the background
    task that follows their progress)."""
    certificate_award_task(list(learner_ids))


@receiver(post_save, sender=CertificationLevel, dispatch_uid="certificates.ladder-saved")
@receiver(post_delete, sender=CertificationLevel, dispatch_uid="certificates.ladder-deleted")
@receiver(post_save, sender=LevelRequirement, dispatch_uid="certificates.req-saved")
@receiver(post_delete, sender=LevelRequirement, dispatch_uid="certificates.req-deleted")
@receiver(post_save, sender=Quiz, dispatch_uid="certificates.quiz-saved")
@receiver(post_delete, sender=Quiz, dispatch_uid="certificates.quiz-deleted")
@receiver(post_save, sender=Question, dispatch_uid="certificates.question-saved")
@receiver(post_delete, sender=Question, dispatch_uid="certificates.question-deleted")
@receiver(post_save, sender=PracticalTask, dispatch_uid="certificates.task-saved")
@receiver(post_delete, sender=PracticalTask, dispatch_uid="certificates.task-deleted")
@receiver(post_save, sender=Rubric, dispatch_uid="certificates.rubric-saved")
@receiver(post_save, sender=RubricCriterion, dispatch_uid="certificates.criterion-saved")
@receiver(post_delete, sender=RubricCriterion, dispatch_uid="certificates.criterion-deleted")
def ladder_changed(sender, **kwargs):
    """The ladder kept in memory (readiness.ladder) holds the levels, their requirements and
    the quizzes (with their questions), tasks and rubrics they name, and the lesson pages
    kept in memory (lms/core/pages.py) show them: load them again."""
    bump("ladder")


@receiver(post_save, sender=Certificate, dispatch_uid="certificates.code-known")
def certificate_code_known(sender, created, **kwargs):
    """A verification code that opened nothing may open this certificate now."""
    if created:
        bump("certificate-codes")
