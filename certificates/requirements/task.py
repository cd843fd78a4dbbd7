"""Pass a practical task: her mentor graded her work as passed against its rubric."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.models import Submission, SubmissionStatus
from lms.core.translation import localized

from .base import ChecklistItem, RequirementUnit


class TaskRequirement(RequirementUnit):
    kind = "task"
    label = gettext_lazy("Pass a practical task")
    target = "task"

    def evaluate(self, learner_id, requirement, level, today):
        status = (
            Submission.objects.filter(learner_id=learner_id, task=requirement.task)
            .values_list("status", flat=True)
            .first()
        )
        return self.check(requirement, met=status == SubmissionStatus.PASSED, state=status or "")

    def evaluate_bulk(self, learners, requirement, level, today):
        rows = Submission.objects.filter(
            learner_id__in=learners, task=requirement.task
        ).values_list("learner_id", "status")
        return (
            {
                pk: {"met": status == SubmissionStatus.PASSED, "state": status}
                for pk, status in rows
            },
            {"met": False, "state": ""},
        )

    def describe(self, check, *, learner_id=None, for_learner=True):
        task = check.requirement.task
        detail = {
            "": _("not started"),
            SubmissionStatus.DRAFT: _("draft saved, not handed in"),
            SubmissionStatus.SUBMITTED: _("handed in, waiting for the mentor's grade"),
            SubmissionStatus.NEEDS_REVISION: _("the mentor asked for a revision"),
            SubmissionStatus.PASSED: _("passed"),
        }.get(check.state, check.state)
        return ChecklistItem(
            check.met,
            _("Pass the practical task “%(title)s”") % {"title": localized(task).title},
            detail,
            reverse("assessments:task", args=[task.pk]),
            _("Open the task"),
        )
