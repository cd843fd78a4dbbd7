"""Reads for practical tasks: her work and its versions, the mentor's grading queue and
the rubric in the reader's language."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language

from lms.core.caching import learner_generation, memoized
from lms.core.translation import canonical, localized, translations_of
from lms.mentoring.permissions import caseload_generations

from ..models import PracticalTask, RubricCriterion, Submission, SubmissionStatus, SubmissionVersion
from ..permissions import submissions_gradable_by


def _versions_with_reviews(submission, *, include_draft):
    versions = SubmissionVersion.objects.filter(submission=submission)
    if not include_draft:
        versions = versions.filter(submitted_at__isnull=False)
    return list(
        versions.select_related("review__reviewer")
        .prefetch_related("photos", "review__scores")
        .order_by("-number")
    )


@dataclass
class TaskState:
    task: object  # in the reader's language
    canonical: object
    submission: Submission | None
    draft: SubmissionVersion | None
    history: list  # handed-in versions, newest first, each with its review

    @property
    def can_edit(self):
        return self.submission is None or self.submission.status in (
            SubmissionStatus.DRAFT,
            SubmissionStatus.NEEDS_REVISION,
        )


def task_state(learner, task) -> TaskState:
    """Her work on a task: the submission, her draft, the versions handed in with their
    reviews. Kept in memory until something of hers or the task changes."""
    if not learner.is_authenticated:
        return _task_state(learner, task)
    return memoized(
        ("task-state", learner.pk, task.pk, get_language()),
        depends_on=(learner_generation(learner.pk), "ladder", "locales"),
        compute=lambda: _task_state(learner, task),
    )


def _task_state(learner, task) -> TaskState:
    base = canonical(task)
    submission = (
        Submission.objects.filter(learner=learner, task=base).first()
        if learner.is_authenticated
        else None
    )
    versions = _versions_with_reviews(submission, include_draft=True) if submission else []
    draft = next((v for v in versions if v.is_draft), None)
    return TaskState(
        task=localized(base),
        canonical=base,
        submission=submission,
        draft=draft,
        history=[v for v in versions if not v.is_draft],
    )


@dataclass
class QueueRow:
    submission: Submission
    waiting_since: object
    task_title: str = ""  # in the reader's language

    @property
    def waited(self):
        return timezone.now() - self.waiting_since


def grading_queue(mentor) -> list[QueueRow]:
    """Her current mentees' work waiting for grading, oldest first, the tasks' titles in the
    reader's language. Two queries, kept in memory until she or one of her mentees changes (a
    hand-in, a grade, an assignment) or a task is edited."""

    def compute():
        submissions = (
            submissions_gradable_by(mentor)
            .select_related("learner__home_region", "task")
            .annotate(
                version_count=Count("versions", filter=Q(versions__submitted_at__isnull=False))
            )
            .order_by("submitted_at", "pk")
        )
        submissions = list(submissions)
        tasks = {s.task_id: s.task for s in submissions}
        shown = translations_of(PracticalTask, tasks.values()) if tasks else {}
        return [
            QueueRow(submission=s, waiting_since=s.submitted_at, task_title=shown[s.task_id].title)
            for s in submissions
        ]

    return memoized(
        ("grading-queue", mentor.pk, get_language()),
        depends_on=(*caseload_generations(mentor), "ladder"),
        compute=compute,
    )


def grading_waiting_count(mentor) -> int:
    return memoized(
        ("grading-count", mentor.pk),
        depends_on=caseload_generations(mentor),
        compute=lambda: submissions_gradable_by(mentor).count(),
    )


@dataclass
class CriterionChoice:
    criterion: RubricCriterion  # canonical: its pk is what the form posts
    title: str
    description: str
    levels: list  # (id, label, points, description) in the reader's language


def rubric_for_grading(rubric, language=None) -> list[CriterionChoice]:
    criteria = list(rubric.criteria.all())
    shown = translations_of(RubricCriterion, criteria, language)
    result = []
    for criterion in criteria:
        text = shown[criterion.pk]
        labels = {o[0]: o for o in text.level_options()}
        result.append(
            CriterionChoice(
                criterion=criterion,
                title=text.title,
                description=text.description,
                # Points always from the canonical rubric; words in her language.
                levels=[
                    (o[0], labels.get(o[0], o)[1], o[2], labels.get(o[0], o)[3])
                    for o in criterion.level_options()
                ],
            )
        )
    return result


def grading_history(submission) -> list[SubmissionVersion]:
    """Handed-in versions, newest first, with photos and reviews (three queries)."""
    return _versions_with_reviews(submission, include_draft=False)
