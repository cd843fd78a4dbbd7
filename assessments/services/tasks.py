"""Practical tasks: her draft (text and photos, kept however often the form is sent) and
handing it in for grading."""

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms.core.translation import canonical, localized
from lms.mentoring.models import MentorAssignment
from lms.notifications.models import NotificationKind
from lms.notifications.services import notify_in_language

from ..models import (
    PracticalTask,
    Review,
    Submission,
    SubmissionPhoto,
    SubmissionStatus,
    SubmissionVersion,
)
from ..uploads import photo_process


def _submission_for(learner, task) -> Submission:
    try:
        with transaction.atomic():
            submission, _created = Submission.objects.get_or_create(learner=learner, task=task)
    except IntegrityError:
        submission = Submission.objects.get(learner=learner, task=task)
    return submission


def _draft_for(submission) -> SubmissionVersion:
    """Her draft, or a new one that starts from her last handed-in version."""
    draft = submission.versions.filter(submitted_at__isnull=True).first()
    if draft is not None:
        return draft
    last = submission.versions.order_by("-number").first()
    draft = SubmissionVersion.objects.create(
        submission=submission,
        number=(last.number + 1) if last else 1,
        text=last.text if last else "",
    )
    if last is not None:
        # Start the revision from what she handed in; the files are shared, not copied.
        SubmissionPhoto.objects.bulk_create(
            [
                SubmissionPhoto(
                    version=draft,
                    image=p.image.name,
                    thumbnail=p.thumbnail.name,
                    width=p.width,
                    height=p.height,
                    uploaded_at=p.uploaded_at,
                )
                for p in last.photos.all()
            ]
        )
    return draft


def _check_editable(submission):
    if submission.status == SubmissionStatus.PASSED:
        raise ValidationError(_("This task is already passed."), code="passed")
    if submission.status == SubmissionStatus.SUBMITTED:
        raise ValidationError(
            _("Your work is waiting for your mentor; you can change it after she grades it."),
            code="waiting",
        )


def submission_draft_save(
    *, learner, task: PracticalTask, text: str, photos=(), remove_photo_ids=(), form_token=""
) -> tuple[SubmissionVersion, list[str]]:
    """Save her draft: the text, new photos, photos she removed. A photo that fails the
    checks is left out with a message and the rest is still saved. `form_token` identifies
    the form she sent: the same form sent again (a double click, a retry) adds no photo twice.
    Returns (draft, messages about refused photos). Raises ValidationError when the work
    cannot be changed."""
    task = canonical(task)
    submission = _submission_for(learner, task)
    _check_editable(submission)  # before decoding any photo
    problems = []
    photos = list(photos)
    if len(photos) > task.max_photos:
        problems.append(_too_many_photos(task))
        photos = photos[: task.max_photos]  # never decode more than could be kept
    processed = []
    for upload in photos:
        try:
            processed.append(photo_process(upload))
        except ValidationError as exc:
            name = getattr(upload, "name", "") or _("photo")
            problems.append(_("%(name)s: %(problem)s") % {"name": name, "problem": exc.messages[0]})
    written = []
    try:
        with transaction.atomic():
            submission = Submission.objects.select_for_update(of=("self",)).get(pk=submission.pk)
            _check_editable(submission)
            draft = _draft_for(submission)
            repeated = bool(form_token) and draft.last_form_token == form_token
            draft.text = text.strip()
            draft.last_form_token = form_token or draft.last_form_token
            draft.save(update_fields=["text", "last_form_token"])
            if remove_photo_ids:
                removed = draft.photos.filter(pk__in=list(remove_photo_ids))
                gone = [name for pair in removed.values_list("image", "thumbnail") for name in pair]
                removed.delete()
                transaction.on_commit(lambda: _delete_unreferenced_files(gone))
            if repeated:
                processed = []
            room = task.max_photos - draft.photos.count()
            if len(processed) > room:
                if _too_many_photos(task) not in problems:
                    problems.append(_too_many_photos(task))
                processed = processed[: max(room, 0)]
            for photo in processed:
                saved = SubmissionPhoto.objects.create(
                    version=draft, image=photo.image, thumbnail=photo.thumbnail
                )
                written += [saved.image.name, saved.thumbnail.name]
    except BaseException:
        _delete_unreferenced_files(written)  # files saved before the rollback
        raise
    return draft, problems


def _too_many_photos(task):
    return ngettext(
        "You can hand in at most %(n)s photo; the extra one was not added.",
        "You can hand in at most %(n)s photos; the extra ones were not added.",
        task.max_photos,
    ) % {"n": task.max_photos}


def _delete_unreferenced_files(names):
    """Delete photo files no version uses any more. (A revision shares its photos' files with
    the version before, so a file goes only when its last row does.) A photo she removed
    leaves nothing behind: it may show something she did not want kept."""
    for name in names:
        if not SubmissionPhoto.objects.filter(Q(image=name) | Q(thumbnail=name)).exists():
            default_storage.delete(name)


def submission_submit(*, learner, task: PracticalTask, at=None) -> tuple[Submission, bool]:
    """Hand in her draft for grading and tell her mentor; `at`: when she handed it in
    (offline), if not now, and never before her last version was graded. Twice is once:
    returns (submission, handed_in_now). Raises ValidationError when the draft is
    incomplete."""
    task = canonical(task)
    with transaction.atomic():
        submission = (
            Submission.objects.select_for_update(of=("self",))
            .filter(learner=learner, task=task)
            .first()
        )
        if submission is None:
            raise ValidationError(_("Write your answer or add photos first."), code="empty")
        if submission.status in (SubmissionStatus.SUBMITTED, SubmissionStatus.PASSED):
            return submission, False
        draft = submission.versions.filter(submitted_at__isnull=True).first()
        if draft is None:
            raise ValidationError(_("Write your answer or add photos first."), code="empty")
        problems = []
        if task.text_required and not draft.text.strip():
            problems.append(_("Write your answer before handing in."))
        photo_count = draft.photos.count()
        if photo_count < task.min_photos:
            problems.append(
                ngettext(
                    "Add at least %(n)s photo before handing in.",
                    "Add at least %(n)s photos before handing in.",
                    task.min_photos,
                )
                % {"n": task.min_photos}
            )
        if not draft.text.strip() and not photo_count:
            problems.append(_("Write your answer or add photos first."))
        if problems:
            raise ValidationError(problems, code="incomplete")
        handed_in = timezone.now()
        if at is not None:
            graded = Review.objects.filter(version__submission=submission).aggregate(
                last=Max("created_at")
            )["last"]
            handed_in = max(at, graded) if graded else at
        draft.submitted_at = handed_in
        draft.save(update_fields=["submitted_at"])
        submission.status = SubmissionStatus.SUBMITTED
        submission.submitted_at = handed_in
        submission.save(update_fields=["status", "submitted_at", "updated_at"])
        _notify_mentor(submission, draft)
    return submission, True


def _notify_mentor(submission, version):
    assignment = (
        MentorAssignment.objects.filter(learner_id=submission.learner_id, ended_at__isnull=True)
        .select_related("mentor")
        .first()
    )
    if assignment is None:
        return  # staff see it waiting in the results; assigning a mentor shows it to her
    notify_in_language(
        recipient=assignment.mentor,
        kind=NotificationKind.SUBMISSION_WAITING,
        dedupe_key=f"submission-version:{version.pk}",
        title=lambda: (
            _("%(name)s handed in “%(task)s”")
            % {"name": submission.learner, "task": localized(submission.task).title}
        ),
        body=lambda: _("Her work is waiting for you to grade it."),
        url=lambda: reverse("grading:grade", args=[submission.pk]),
    )
