"""Complete a course: every required lesson of it (as the course pages count it)."""

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.selectors import required_completions, required_lessons

from .base import ChecklistItem, RequirementUnit, counted_met, grouped


class CourseRequirement(RequirementUnit):
    kind = "course"
    label = gettext_lazy("Complete a course")
    target = "course"

    def evaluate(self, learner_id, requirement, level, today):
        path = requirement.course.path
        need = required_lessons(path).count()
        have = required_completions(path).filter(learner_id=learner_id).count()
        return self.check(requirement, met=need > 0 and have >= need, have=have, need=need)

    def evaluate_bulk(self, learners, requirement, level, today):
        path = requirement.course.path
        need = required_lessons(path).count()
        rows = grouped(
            required_completions(path).filter(learner_id__in=learners), "learner_id", n=Count("pk")
        )
        return (
            {
                pk: {"met": need > 0 and row["n"] >= need, "have": row["n"], "need": need}
                for pk, row in rows.items()
            },
            {"met": False, "have": 0, "need": need},
        )

    def met_bulk(self, learners, requirement, level, today, ids):
        path = requirement.course.path
        need = required_lessons(path).count()
        if not need:
            return set()
        completions = required_completions(path).filter(learner_id__in=learners)
        return counted_met(completions, "learner_id", need, Count("pk"))

    def fraction(self, check):
        if check.met:
            return 1.0
        return min((check.have or 0) / check.need, 1.0) if check.need else 0.0

    def describe(self, check, *, learner_id=None, for_learner=True):
        course = check.requirement.course.localized
        return ChecklistItem(
            check.met,
            _("Complete the course “%(title)s”") % {"title": course.title},
            _("%(done)s of %(total)s lessons done") % {"done": check.have, "total": check.need},
            course.url or "",
            _("Go to the course"),
        )
