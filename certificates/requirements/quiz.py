"""Pass a quiz: any attempt at or above its pass mark."""

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.models import QuizAttempt
from lms.core.translation import localized

from .base import ChecklistItem, RequirementUnit, grouped


class QuizRequirement(RequirementUnit):
    kind = "quiz"
    label = gettext_lazy("Pass a quiz")
    target = "quiz"

    def evaluate(self, learner_id, requirement, level, today):
        attempts = QuizAttempt.objects.filter(learner_id=learner_id, quiz=requirement.quiz)
        best = attempts.aggregate(best=Max("score"))["best"]
        passed = attempts.filter(passed=True).exists()
        return self.check(requirement, met=passed, have=best, need=requirement.quiz.pass_mark)

    def evaluate_bulk(self, learners, requirement, level, today):
        rows = grouped(
            QuizAttempt.objects.filter(learner_id__in=learners, quiz=requirement.quiz),
            "learner_id",
            best=Max("score"),
            passes=Count("pk", filter=Q(passed=True)),
        )
        need = requirement.quiz.pass_mark
        return (
            {
                pk: {"met": row["passes"] > 0, "have": row["best"], "need": need}
                for pk, row in rows.items()
            },
            {"met": False, "have": None, "need": need},
        )

    def met_bulk(self, learners, requirement, level, today, ids):
        return set(
            QuizAttempt.objects.filter(learner_id__in=learners, quiz=requirement.quiz, passed=True)
            .values_list("learner_id", flat=True)
            .distinct()
        )

    def cell(self, check):
        if check.met:
            return "✓"
        return f"✗ {check.have}%" if check.have is not None else "✗"

    def describe(self, check, *, learner_id=None, for_learner=True):
        quiz = check.requirement.quiz
        if check.have is None:
            detail = _("not tried yet — needs %(mark)s%%") % {"mark": check.need}
        else:
            detail = _("best score %(best)s%%, needs %(mark)s%%") % {
                "best": check.have,
                "mark": check.need,
            }
        return ChecklistItem(
            check.met,
            _("Pass the quiz “%(title)s”") % {"title": localized(quiz).title},
            detail,
            reverse("assessments:quiz", args=[quiz.pk]),
            _("Open the quiz"),
        )
