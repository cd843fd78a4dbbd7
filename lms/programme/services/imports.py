"""The learner import: check an uploaded file (a preview that changes nothing), then import
it all or nothing in one transaction: new learners are created, changed ones updated, each is
put in her cohort and given the file's mentor, and welcomed by SMS. Reading and checking the
file are pure functions in ../imports/; this module writes."""

import logging

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.models import RegionKind, User
from lms.accounts.permissions import is_programme_staff, learners_managed_by, regions_visible_to
from lms.accounts.roles import LEARNER
from lms.accounts.services import NewUser, users_create
from lms.core.links import public_url
from lms.core.signals import activity_changed, cohorts_changed
from lms.core.tasks import enqueue_on_commit
from lms.mentoring.selectors import mentor_lookup_for_import
from lms.mentoring.services import mentor_assign_bulk
from lms.notifications.models import Channel, NotificationKind
from lms.notifications.services import notify_many_in_language

from .. import imports
from ..models import Cohort, CohortMembership, ImportBatch, ImportStatus
from ..permissions import cohorts_visible_to, import_batches_visible_to
from .cohorts import enqueue_enrolment

logger = logging.getLogger(__name__)

IMPORT_TASK = "lms.programme.tasks.import_apply_task"
IMPORT_CHUNK = 500
# Why an import failed, shown in the staff member's language by the admin.
IMPORT_ERROR_CHANGED = "changed"
IMPORT_ERROR_CRASHED = "crashed"
IMPORT_ERROR_NO_ACTOR = "no_actor"


def import_preview(*, actor, file_name: str, data: bytes) -> ImportBatch:
    """Read and check an uploaded file of learners and keep the result as a batch to preview.
    Changes no person or cohort. A file that cannot be used (empty, too big, too many rows,
    malformed, unreadable characters, missing columns) raises ValidationError and nothing is
    kept. Rows with problems are kept with the problems, for the preview to list."""
    if not is_programme_staff(actor):
        raise PermissionDenied(_("Only programme staff can import learners."))
    rows = imports.read_rows(file_name, data)
    checked = imports.check_rows(rows, _import_lookups(actor, rows))
    return ImportBatch.objects.create(
        created_by=actor,
        file_name=file_name[:255],
        total=len(checked),
        **_import_checked_fields(checked),
    )


def _import_checked_fields(checked) -> dict:
    counts = imports.summary_counts(checked)
    return {
        "rows": checked,
        "problem_count": counts["problems"],
        "to_create": counts["create"],
        "to_update": counts["update"],
        "unchanged": counts["same"],
    }


def import_start(*, batch: ImportBatch, actor) -> ImportBatch:
    """Queue a checked batch without problems for import (a task does the work). Pressing
    the button twice queues it once. A batch whose import failed (nothing of it was saved)
    is checked again first, against the platform as it is now, and queued if every row is
    still correct; otherwise it shows the rows' problems again."""
    with transaction.atomic():
        batch = (
            import_batches_visible_to(actor)
            .select_for_update()
            .defer("rows")
            .filter(pk=batch.pk)
            .first()
        )
        if batch is None:
            raise PermissionDenied(_("You can only import files you uploaded."))
        if batch.status in (ImportStatus.PENDING, ImportStatus.RUNNING, ImportStatus.DONE):
            return batch
        if batch.status == ImportStatus.FAILED:
            _import_check_again(batch, actor)
        if batch.status == ImportStatus.VALIDATED and not batch.problem_count:
            batch.status = ImportStatus.PENDING
            batch.save(update_fields=["status"])
            enqueue_on_commit(IMPORT_TASK, batch.pk)
    if batch.status != ImportStatus.PENDING:
        # Raised after the commit, so that a failed batch checked again keeps its new rows.
        raise ValidationError(imports.rows_with_problems_message(batch.problem_count))
    return batch


def _import_check_again(batch, actor):
    """A failed batch, checked again: ready to import, or still failed with its rows'
    problems as they are now (the staff member may fix them on the platform and try again)."""
    raw = _raw_rows(batch.rows)
    fields = _import_checked_fields(imports.check_rows(raw, _import_lookups(actor, raw)))
    if fields["problem_count"]:
        fields.update(error=IMPORT_ERROR_CHANGED, finished_at=timezone.now())
    else:
        fields.update(status=ImportStatus.VALIDATED, error="", finished_at=None, done=0)
    for name, value in fields.items():
        setattr(batch, name, value)
    batch.save(update_fields=list(fields))


def import_progress_key(batch_id) -> str:
    return f"programme:import-progress:{batch_id}"


def import_apply(*, batch_id: int) -> ImportBatch | None:
    """Import a queued batch, all or nothing, in one transaction: new learners are created,
    changed ones updated (matched by mobile number), each is put in her cohort, and given the
    file's mentor when she has none. The rows are checked again first, since the world may
    have changed since the preview. Idempotent: a batch already done or failed is left as it
    is. Each new learner gets a welcome text message, created in the same transaction and
    sent (and retried) by the notification machinery after the commit."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().defer("rows").filter(pk=batch_id).first()
        if batch is None or batch.status not in (ImportStatus.PENDING, ImportStatus.RUNNING):
            return batch
        batch.status = ImportStatus.RUNNING
        batch.save(update_fields=["status"])
    try:
        with transaction.atomic():
            batch = ImportBatch.objects.select_for_update().get(pk=batch_id)
            if batch.status != ImportStatus.RUNNING:
                return batch  # another worker finished it while this one waited
            created, updated, welcomed = _import_rows(batch)
            batch.status = ImportStatus.DONE
            batch.done = batch.total
            batch.created_count = len(created)
            batch.updated_count = updated
            batch.created_user_ids = [user.pk for user in created]
            batch.sms_sent = welcomed
            batch.finished_at = timezone.now()
            batch.save()
    except _ImportRefused as exc:
        _import_fail(batch_id, exc.code, rows=exc.rows)
        return ImportBatch.objects.get(pk=batch_id)
    except Exception:
        logger.exception("learner import %s failed", batch_id)
        _import_fail(batch_id, IMPORT_ERROR_CRASHED)
        return ImportBatch.objects.get(pk=batch_id)
    finally:
        cache.delete(import_progress_key(batch_id))
    return batch


class _ImportRefused(Exception):
    def __init__(self, code, rows=None):
        super().__init__(code)
        self.code, self.rows = code, rows


def _import_fail(batch_id, code, rows=None):
    fields = {"status": ImportStatus.FAILED, "error": code, "finished_at": timezone.now()}
    if rows is not None:
        fields.update(_import_checked_fields(rows))
    ImportBatch.objects.filter(pk=batch_id).update(**fields)


def _raw_rows(checked):
    return [
        {
            "line": row["line"],
            "name": row["name"],
            "phone": row["phone_raw"],
            "village": row["village_raw"],
            "cohort": row["cohort_raw"],
            "email": row["email"],
            "mentor": row["mentor_raw"],
        }
        for row in checked
    ]


def _import_rows(batch) -> tuple[list, int, int]:
    """Inside the caller's transaction. A fixed number of queries per chunk of rows, not per
    row. Returns (the new learners, how many were updated, how many welcome texts were
    queued)."""
    actor = batch.created_by
    if actor is None or not is_programme_staff(actor):
        raise _ImportRefused(IMPORT_ERROR_NO_ACTOR)
    raw = _raw_rows(batch.rows)
    checked = imports.check_rows(raw, _import_lookups(actor, raw))
    if any(row["problems"] for row in checked):
        raise _ImportRefused(IMPORT_ERROR_CHANGED, rows=checked)
    mentor_reason = _("Learner import: %(file)s") % {"file": batch.file_name}
    created, updated, welcomed, cohort_ids, done = [], 0, 0, set(), 0
    for start in range(0, len(checked), IMPORT_CHUNK):
        chunk = checked[start : start + IMPORT_CHUNK]
        new_users = _import_create(chunk)
        created += new_users
        updated += _import_update(chunk)
        cohort_ids |= _import_memberships(chunk)
        _import_mentors(chunk, actor, mentor_reason)
        welcomed += _import_welcome(new_users)
        done += len(chunk)
        cache.set(import_progress_key(batch.pk), done, 60 * 60)
    cohorts_changed(cohort_ids, sender=ImportBatch)
    # Accounts, names and memberships written in bulk: the engagement facts follow them.
    activity_changed([row["user_id"] for row in checked])
    for cohort in Cohort.objects.filter(pk__in=cohort_ids):
        enqueue_enrolment(cohort)
    return created, updated, welcomed


def _import_create(chunk) -> list:
    rows = [row for row in chunk if row["action"] == "create"]
    users = users_create(
        [
            NewUser(
                display_name=row["name"],
                phone=row["phone"],
                email=row["email"],
                home_region_id=row["village_id"],
            )
            for row in rows
        ],
        roles=[LEARNER],
    )
    for user, row in zip(users, rows, strict=True):
        row["user_id"] = user.pk
    return users


def _import_update(chunk) -> int:
    from allauth.account.models import EmailAddress

    rows = {row["user_id"]: row for row in chunk if row["action"] == "update"}
    if not rows:
        return 0
    users = list(User.objects.filter(pk__in=rows))
    new_emails = []
    for user in users:
        row = rows[user.pk]
        user.display_name = row["name"]
        user.home_region_id = row["village_id"]
        if row["email"] and row["email"] != user.email.lower():
            user.email = row["email"]
            new_emails.append(user)
    User.objects.bulk_update(users, ["display_name", "home_region", "email"])
    if new_emails:
        EmailAddress.objects.filter(user__in=new_emails).delete()
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, primary=True, verified=True) for u in new_emails]
        )
    return len(rows)


def _import_memberships(chunk) -> set:
    """Put each learner in her cohort (a membership she already has stays as it is). Returns
    the cohorts that got new members."""
    pairs = {(row["cohort_id"], row["user_id"]) for row in chunk}
    existing = set(
        CohortMembership.objects.filter(learner_id__in={user for _c, user in pairs}).values_list(
            "cohort_id", "learner_id"
        )
    )
    new = [
        CohortMembership(cohort_id=cohort, learner_id=learner)
        for cohort, learner in sorted(pairs - existing)
    ]
    CohortMembership.objects.bulk_create(new)
    return {m.cohort_id for m in new}


def _import_mentors(chunk, actor, reason):
    """The file's mentor for each learner of the chunk who has none, through the mentoring
    app's one assignment core (a fixed number of queries; it tells mentor and mentee)."""
    pairs = [(row["user_id"], row["mentor_id"]) for row in chunk if row["mentor_id"]]
    mentor_assign_bulk(pairs=pairs, actor=actor, reason=reason)


def _import_welcome(users) -> int:
    """A welcome text message to each new learner: where to go and how to log in (with her
    mobile number and a code by SMS; she has no password). Created as notifications inside
    the import's transaction, so that a rolled-back import texts no one and a retried one
    never texts twice; the notification machinery sends them after the commit and retries a
    gateway that failed. Staff can also print the sheet of new learners. Returns how many
    were queued."""
    url = public_url(reverse("account_request_login_code"))
    welcomed = notify_many_in_language(
        recipients=[user for user in users if user.phone],
        kind=NotificationKind.LEARNER_WELCOME,
        dedupe_key=lambda user: f"welcome:{user.pk}",
        title=lambda user: (
            _("Companion Academy: %(name)s, your learning account is ready.")
            % {"name": user.display_name}
        ),
        body=lambda user: (
            _("Open %(url)s, enter this mobile number and log in with the code we text you.")
            % {"url": url}
        ),
        url=lambda *_: reverse("learn:dashboard"),
        channels=(Channel.SMS,),
    )
    return len(welcomed)


def _import_lookups(actor, rows) -> imports.Lookups:
    """What the rows are checked against, in a fixed number of queries per chunk of
    numbers: the staff member's villages and cohorts, eligible mentors, and the accounts
    already using the file's numbers and email addresses."""
    from allauth.account.models import EmailAddress

    lookups = imports.Lookups()
    villages = regions_visible_to(actor).filter(kind=RegionKind.VILLAGE)
    for pk, code, name, name_en in villages.values_list("pk", "code", "name", "name_en"):
        lookups.villages_by_code[code] = pk
        for label in {name, name_en} - {""}:
            lookups.villages_by_name.setdefault(label, []).append((pk, code))
    cohorts = cohorts_visible_to(actor).values_list("pk", "name", "region__name")
    for pk, name, region in cohorts:
        lookups.cohorts_by_name.setdefault(name, []).append((pk, region))
        lookups.cohort_ids.add(pk)

    phones = imports.normalized_phones(rows)
    managed = learners_managed_by(actor).filter(groups__name=LEARNER)
    for start in range(0, len(phones), IMPORT_CHUNK):
        chunk = phones[start : start + IMPORT_CHUNK]
        people = list(
            User.objects.filter(phone__in=chunk).values(
                "pk", "phone", "display_name", "email", "home_region_id"
            )
        )
        ids = [p["pk"] for p in people]
        manageable = set(managed.filter(pk__in=ids).values_list("pk", flat=True))
        with_mentor, mentors = mentor_lookup_for_import(ids, chunk, actor)
        cohorts_of = {}
        for cohort_id, learner_id in CohortMembership.objects.filter(
            learner_id__in=ids
        ).values_list("cohort_id", "learner_id"):
            cohorts_of.setdefault(learner_id, set()).add(cohort_id)
        for p in people:
            lookups.people_by_phone[p["phone"]] = {
                "id": p["pk"],
                "manageable": p["pk"] in manageable,
                "name": p["display_name"],
                "email": p["email"] or "",
                "village_id": p["home_region_id"],
                "has_mentor": p["pk"] in with_mentor,
                "cohort_ids": cohorts_of.get(p["pk"], set()),
            }
        lookups.mentors_by_phone.update(mentors)

    emails = sorted({row.get("email", "").strip().lower() for row in rows} - {""})
    for start in range(0, len(emails), IMPORT_CHUNK):
        chunk = emails[start : start + IMPORT_CHUNK]
        for user_id, email in [
            *User.objects.filter(email__in=chunk).values_list("pk", "email"),
            *EmailAddress.objects.filter(email__in=chunk).values_list("user_id", "email"),
        ]:
            lookups.emails_taken.setdefault(email.lower(), user_id)
    return lookups
