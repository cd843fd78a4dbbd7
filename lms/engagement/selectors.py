"""The mentor's caseload: her current mentees with the engagement rule's reasons, filtered,
searched and sorted for her page and her digest. A fixed number of queries whatever the number
of mentees."""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from courses.selectors import ProgressSummary, progress_summaries
from lms.mentoring.models import MentorAssignment

from .models import EngagementSettings
from .rules import REASONS, Engagement, engagement_of, reason_labels

# Every reason but "no mentor" can show on a mentor's list: her mentees have one.
CASELOAD_REASONS = tuple(code for code in REASONS if code != "no_mentor")
SORTS = ("flags", "name", "activity", "contact")
_OLDEST = datetime.datetime.min.replace(tzinfo=datetime.UTC)


@dataclass
class CaseloadRow:
    assignment: MentorAssignment
    engagement: Engagement
    progress: ProgressSummary | None
    config: EngagementSettings

    @property
    def labels(self):
        # Made when asked, so that they are in the language active then (a digest is written
        # in the mentor's language).
        return reason_labels(self.config)

    @property
    def learner(self):
        return self.assignment.learner

    @property
    def flags(self):
        return list(self.engagement.reasons)

    @property
    def flag_text(self):
        labels = self.labels
        return _(", ").join(str(labels[code]) for code in self.flags)


def caseload(mentor, *, search="", config=None, today=None, with_progress=True) -> list:
    """Her current mentees (searched by name or village), each with her engagement and, when
    asked, her lesson progress. Queries: mentees, the engagement rule's, progress (three)."""
    config = config or EngagementSettings.load()
    assignments = MentorAssignment.objects.filter(mentor=mentor, ended_at__isnull=True)
    if search:
        assignments = assignments.filter(
            Q(learner__display_name__icontains=search)
            | Q(learner__home_region__name__icontains=search)
            | Q(learner__home_region__name_en__icontains=search)
        )
    assignments = list(assignments.select_related("learner__home_region"))
    ids = [a.learner_id for a in assignments]
    engagement = engagement_of(ids, config=config, today=today) if ids else {}
    progress = progress_summaries(ids) if with_progress and ids else {}
    return [
        CaseloadRow(a, engagement[a.learner_id], progress.get(a.learner_id), config)
        for a in assignments
    ]


def reason_counts(rows) -> dict:
    """How many carry each reason, any reason, and how many there are (the filter chips)."""
    counts = {"all": len(rows), "any": sum(1 for r in rows if r.flags)}
    for code in CASELOAD_REASONS:
        counts[code] = sum(1 for r in rows if code in r.engagement.reasons)
    return counts


def filtered(rows, reason=None) -> list:
    if reason == "any":
        return [r for r in rows if r.flags]
    if reason in CASELOAD_REASONS:
        return [r for r in rows if reason in r.engagement.reasons]
    return list(rows)


def sorted_rows(rows, sort="flags") -> list:
    def name(row):
        return (str(row.learner), row.learner.pk)

    keys = {
        "name": name,
        "flags": lambda r: (-len(r.flags), *name(r)),
        # Never active / never contacted first.
        "activity": lambda r: (r.engagement.last_activity or _OLDEST, *name(r)),
        "contact": lambda r: (r.engagement.last_contact_on or _OLDEST.date(), *name(r)),
    }
    return sorted(rows, key=keys.get(sort, keys["flags"]))
