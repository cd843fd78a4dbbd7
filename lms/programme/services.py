import logging
import uuid

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.services import enrolments_create_for_level
from lms.accounts.extensions import (
    assign_mentors_bulk,
    cohorts_changed,
    level_locked_reason,
    mentor_lookup,
    progress_changed,
)
from lms.accounts.models import RegionKind, User
from lms.accounts.permissions import is_programme_staff, learners_managed_by, regions_visible_to
from lms.accounts.roles import LEARNER
from lms.notifications.models import Channel
from lms.notifications.services import notify_in_language, notify_many_in_language

from . import imports
from .models import (
    Attendance,
    BookingStatus,
    Cohort,
    CohortMembership,
    ImportBatch,
    ImportStatus,
    MembershipStatus,
    SessionBooking,
    TrainingSession,
)
from .permissions import (
    attendance_is_open,
    can_add_to_cohort,
    can_cancel_booking,
    can_manage_cohort,
    can_manage_session,
    can_mark_attendance,
    cohorts_visible_to,
    import_batches_visible_to,
    session_leader_candidates,
)
from .selectors import waiting_position

logger = logging.getLogger(__name__)


def cohort_enrol_members(*, cohort: Cohort) -> int:
    """Enrol every active member in every live course of the cohort's level. Idempotent;
    a fixed number of queries whatever the cohort's size. Returns how many were new."""
    learner_ids = list(
        cohort.memberships.filter(status=MembershipStatus.ACTIVE).values_list(
            "learner_id", flat=True
        )
    )
    return enrolments_create_for_level(learner_ids=learner_ids, level=cohort.level)


def membership_add(*, cohort: Cohort, learner, actor=None) -> CohortMembership:
    """Put a learner in a cohort; she is enrolled in the level's courses after commit."""
    if actor is not None and not can_add_to_cohort(actor, cohort, learner):
        raise PermissionDenied(_("You can only manage cohorts and learners in your regions."))
    try:
        with transaction.atomic():
            membership = CohortMembership.objects.create(cohort=cohort, learner=learner)
    except IntegrityError as exc:
        raise ValidationError(_("This learner is already in this cohort.")) from exc
    _enqueue_enrolment(cohort)
    return membership


@transaction.atomic
def membership_set_status(*, membership: CohortMembership, status: str, actor=None):
    if actor is not None and not can_manage_cohort(actor, membership.cohort):
        raise PermissionDenied(_("You can only manage cohorts in your regions."))
    if status not in MembershipStatus.values:
        raise ValidationError(_("Unknown status."))
    if membership.status != status:
        membership.status = status
        membership.status_changed_at = timezone.now()
        membership.save(update_fields=["status", "status_changed_at"])
        if status == MembershipStatus.ACTIVE:
            _enqueue_enrolment(membership.cohort)
    return membership


def _enqueue_enrolment(cohort):
    from .tasks import cohort_enrol_members_task

    cohort_enrol_members_task.delay_on_commit(cohort.pk)


# Face-to-face training ---------------------------------------------------------------------


def _lock_session(session) -> TrainingSession:
    # of=("self",): PostgreSQL refuses FOR UPDATE over the nullable side of an outer join.
    return (
        TrainingSession.objects.select_for_update(of=("self",))
        .select_related("region")
        .get(pk=session.pk)
    )


def _when(session) -> str:
    return f"{timezone.localtime(session.starts_at):%Y-%m-%d %H:%M}"


def session_book(*, session, learner) -> SessionBooking:
    """Ask for a seat: a seat while there is one, else a place on the waiting list. The
    session row is locked, so two mothers asking for the last seat at once get one seat and
    one waiting-list place. Refused (and nothing changes) for a cancelled or started session,
    a level she may not take up yet, a session she leads, or a second live booking."""
    try:
        with transaction.atomic():
            locked = _lock_session(session)
            _check_bookable(locked, learner)
            booked = locked.bookings.filter(status=BookingStatus.BOOKED).count()
            now = timezone.now()
            return SessionBooking.objects.create(
                session=locked,
                learner=learner,
                status=BookingStatus.BOOKED if booked < locked.capacity else BookingStatus.WAITING,
                requested_at=now,
                status_changed_at=now,
            )
    except IntegrityError as exc:
        # The same form sent twice at once: the one-live-booking index let the first win.
        raise ValidationError(
            _("You already have a seat or a place on the waiting list for this session."),
            code="already_booked",
        ) from exc


def _check_bookable(session, learner):
    if session.is_cancelled:
        raise ValidationError(_("This session has been cancelled."), code="cancelled")
    if session.has_started:
        raise ValidationError(
            _("This session has already started; seats can no longer be booked."),
            code="started",
        )
    if (
        session.facilitators.filter(pk=learner.pk).exists()
        or session.co_facilitators.filter(pk=learner.pk).exists()
    ):
        raise ValidationError(
            _("You help lead this session, so you do not need a seat in it."),
            code="facilitator",
        )
    existing = (
        SessionBooking.objects.filter(session=session, learner=learner)
        .exclude(status=BookingStatus.CANCELLED)
        .first()
    )
    if existing is not None:
        if existing.status == BookingStatus.BOOKED:
            message = _("You already have a seat in this session.")
        else:
            message = _("You are already on the waiting list for this session (place %(n)s).") % {
                "n": waiting_position(existing)
            }
        raise ValidationError(message, code="already_booked")
    reason = level_locked_reason(learner, session.level)
    if reason:
        raise ValidationError(str(reason), code="level_locked")


def session_booking_cancel(*, booking, actor) -> SessionBooking:
    """Give up a seat or a waiting-list place: the learner herself, or staff of the session's
    region. A freed seat goes to the first on the waiting list, who is told. Refused (and
    nothing changes) once the session has started or when the booking is already cancelled."""
    with transaction.atomic():
        session = _lock_session(booking.session)
        locked = SessionBooking.objects.select_for_update().get(pk=booking.pk)
        locked.session = session
        if not can_cancel_booking(actor, locked):
            raise PermissionDenied(_("You can only cancel your own bookings."))
        if locked.status == BookingStatus.CANCELLED:
            raise ValidationError(_("This booking is already cancelled."), code="cancelled")
        if session.has_started:
            raise ValidationError(
                _("This session has already started; the booking can no longer be cancelled."),
                code="started",
            )
        freed_a_seat = locked.status == BookingStatus.BOOKED
        locked.status = BookingStatus.CANCELLED
        locked.status_changed_at = timezone.now()
        locked.save(update_fields=["status", "status_changed_at"])
        # Attendance opens on the morning of the session: a mark made before she cancelled
        # must not count toward her certificate.
        if Attendance.objects.filter(session=session, learner_id=locked.learner_id).delete()[0]:
            progress_changed([locked.learner_id])
        if freed_a_seat:
            _fill_from_waiting_list(session)
    return locked


def session_fill_from_waiting_list(*, session) -> list:
    """Give free seats to the waiting list, first come first served, and tell each learner
    who moved up. For after a cancellation or when staff add seats. Idempotent: with no free
    seat or nobody waiting it changes nothing. Returns the bookings that got a seat."""
    with transaction.atomic():
        return _fill_from_waiting_list(_lock_session(session))


def _fill_from_waiting_list(session) -> list:
    """`session` is locked by the caller."""
    if session.is_cancelled or session.has_started:
        return []
    free = session.capacity - session.bookings.filter(status=BookingStatus.BOOKED).count()
    if free <= 0:
        return []
    promoted = list(
        session.bookings.select_for_update(of=("self",))
        .filter(status=BookingStatus.WAITING)
        .select_related("learner")
        .order_by("requested_at", "pk")[:free]
    )
    now = timezone.now()
    for booking in promoted:
        booking.status = BookingStatus.BOOKED
        booking.status_changed_at = now
    SessionBooking.objects.bulk_update(promoted, ["status", "status_changed_at"])
    for booking in promoted:
        booking.session = session
        _notify_seat_freed(booking)
    return promoted


def _notify_seat_freed(booking):
    learner, session = booking.learner, booking.session
    notify_in_language(
        recipient=learner,
        kind="training_seat",
        dedupe_key=f"training_seat:{booking.pk}",
        title=lambda: _("You have a seat: %(title)s") % {"title": session.title},
        body=lambda: (
            _(
                "A seat became free and it is yours: %(when)s, %(venue)s. If you cannot come, "
                "please cancel so that the next person can have it."
            )
            % {"when": _when(session), "venue": session.venue}
        ),
        url=lambda: reverse("programme:session", args=[session.pk]),
    )


def session_save(
    *, session=None, actor=None, facilitators=None, co_facilitators=None, **fields
) -> TrainingSession:
    """Create or change a training session (staff, in the admin). Staff work only in their
    regions; the seats cannot go below the seats already booked; added seats go to the
    waiting list at once. Cancelling tells everyone booked or waiting (after commit)."""
    with transaction.atomic():
        if session is None or session.pk is None:
            session, before = TrainingSession(created_by=actor), None
        else:
            session = _lock_session(session)
            before = {"level": session.level, "is_cancelled": session.is_cancelled}
            if actor is not None and not can_manage_session(actor, session):
                raise PermissionDenied(_("You can only manage training sessions in your regions."))
        for name, value in fields.items():
            setattr(session, name, value)
        if session.region_id is None:
            raise ValidationError({"region": _("Choose the region of the session.")})
        if actor is not None and not can_manage_session(actor, session):
            raise PermissionDenied(_("You can only manage training sessions in your regions."))
        session.full_clean(exclude=["created_by"])
        errors = {}
        if actor is not None:
            # The admin offers only these; the rule holds for every caller.
            allowed = session_leader_candidates(actor, session if before else None)
            for name, chosen in (
                ("facilitators", facilitators),
                ("co_facilitators", co_facilitators),
            ):
                ids = {u.pk for u in chosen or ()}
                if ids and allowed[name].filter(pk__in=ids).count() != len(ids):
                    errors[name] = _("Choose people of your regions.")
        if before is not None:
            booked = session.bookings.filter(status=BookingStatus.BOOKED).count()
            if session.capacity < booked:
                errors["capacity"] = ngettext(
                    "%(count)s seat is already booked; the session cannot have fewer seats.",
                    "%(count)s seats are already booked; the session cannot have fewer seats.",
                    booked,
                ) % {"count": booked}
            leaders = {u.pk for u in facilitators or ()} | {u.pk for u in co_facilitators or ()}
            has_seat = session.bookings.filter(learner_id__in=leaders).exclude(
                status=BookingStatus.CANCELLED
            )
            names = _(", ").join(str(b.learner) for b in has_seat.select_related("learner"))
            if names:
                errors["facilitators"] = _(
                    "Booked a place in this session: %(names)s. Cancel the booking before "
                    "asking her to help lead it."
                ) % {"names": names}
        if errors:
            raise ValidationError(errors)
        session.save()
        candidates = set(session.co_facilitators.values_list("pk", flat=True)) if before else set()
        if facilitators is not None:
            session.facilitators.set(facilitators)
        if co_facilitators is not None:
            session.co_facilitators.set(co_facilitators)
            candidates |= {u.pk for u in co_facilitators}
        if before is not None:
            if before != {"level": session.level, "is_cancelled": session.is_cancelled}:
                # Attendance, and a co-facilitation observed here, count toward a level only
                # in a session of that level that took place; tell the certificates (and the
                # dashboards) the count may have changed for those who attended or co-led it.
                attendees = set(session.attendances.values_list("learner_id", flat=True))
                progress_changed(attendees | candidates)
            if session.is_cancelled and not before["is_cancelled"]:
                _enqueue_cancellation_notices(session)
        _fill_from_waiting_list(session)
    return session


def _enqueue_cancellation_notices(session):
    from .tasks import session_cancellation_notify_task

    session_cancellation_notify_task.delay_on_commit(session.pk)


def session_cancellation_notify(*, session) -> int:
    """Tell everyone with a seat or a waiting-list place that the session is cancelled, once
    per person however often this runs. Returns how many notifications were new."""
    if not session.is_cancelled:
        return 0  # staff undid the cancellation before the notices went out
    bookings = session.bookings.filter(
        status__in=[BookingStatus.BOOKED, BookingStatus.WAITING]
    ).select_related("learner")
    notified = notify_many_in_language(
        recipients=[booking.learner for booking in bookings],
        kind="training_cancelled",
        dedupe_key=lambda _learner: f"training_cancelled:{session.pk}",
        title=lambda _learner: _("Cancelled: %(title)s") % {"title": session.title},
        body=lambda _learner: (
            _("The training session on %(when)s at %(venue)s will not take place.")
            % {"when": _when(session), "venue": session.venue}
        ),
        url=lambda _learner: reverse("programme:session", args=[session.pk]),
    )
    return len(notified)


def attendance_mark(*, session, actor, present_learner_ids) -> int:
    """Record who came: present for the learners in `present_learner_ids`, absent for the
    other learners with a seat. For a facilitator of the session or staff of its region, from
    the session's day on. Only learners with a booked seat can be marked. Idempotent: the
    same list again changes nothing. Returns how many learners' records changed."""
    if not can_mark_attendance(actor, session):
        raise PermissionDenied(
            _("Only the session's facilitators and programme staff of its region mark attendance.")
        )
    with transaction.atomic():
        session = _lock_session(session)
        if session.is_cancelled:
            raise ValidationError(_("This session has been cancelled."), code="cancelled")
        if not attendance_is_open(session):
            raise ValidationError(
                _("Attendance can be marked from the day of the session (%(date)s).")
                % {"date": f"{timezone.localtime(session.starts_at):%Y-%m-%d}"},
                code="not_started",
            )
        booked = set(
            session.bookings.filter(status=BookingStatus.BOOKED).values_list(
                "learner_id", flat=True
            )
        )
        try:
            present = {int(pk) for pk in present_learner_ids}
        except (TypeError, ValueError) as exc:
            raise ValidationError(_("Unknown learner."), code="not_booked") from exc
        if present - booked:
            raise ValidationError(
                _("Only learners with a booked seat in this session can be marked."),
                code="not_booked",
            )
        existing = {
            a.learner_id: a
            for a in Attendance.objects.select_for_update().filter(
                session=session, learner_id__in=booked
            )
        }
        now = timezone.now()
        new, changed = [], []
        for learner_id in sorted(booked):
            is_present = learner_id in present
            row = existing.get(learner_id)
            if row is None:
                new.append(
                    Attendance(
                        session=session,
                        learner_id=learner_id,
                        present=is_present,
                        marked_by=actor,
                        marked_at=now,
                    )
                )
            elif row.present != is_present:
                row.present, row.marked_by, row.marked_at = is_present, actor, now
                changed.append(row)
        Attendance.objects.bulk_create(new)
        Attendance.objects.bulk_update(changed, ["present", "marked_by", "marked_at"])
        progress_changed([a.learner_id for a in new + changed])
    return len(new) + len(changed)


# Learner import ----------------------------------------------------------------------------

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
            from .tasks import import_apply_task

            import_apply_task.delay_on_commit(batch.pk)
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
    learner_group = Group.objects.get_or_create(name=LEARNER)[0]
    mentor_reason = _("Learner import: %(file)s") % {"file": batch.file_name}
    created, updated, welcomed, cohort_ids, done = [], 0, 0, set(), 0
    for start in range(0, len(checked), IMPORT_CHUNK):
        chunk = checked[start : start + IMPORT_CHUNK]
        new_users = _import_create(chunk, learner_group)
        created += new_users
        updated += _import_update(chunk)
        cohort_ids |= _import_memberships(chunk)
        _import_mentors(chunk, actor, mentor_reason)
        welcomed += _import_welcome(new_users)
        done += len(chunk)
        cache.set(import_progress_key(batch.pk), done, 60 * 60)
    cohorts_changed(cohort_ids)
    for cohort in Cohort.objects.filter(pk__in=cohort_ids):
        _enqueue_enrolment(cohort)
    return created, updated, welcomed


def _import_create(chunk, learner_group) -> list:
    from allauth.account.models import EmailAddress

    rows = [row for row in chunk if row["action"] == "create"]
    if not rows:
        return []
    wanted = {row["line"]: row["phone"].lstrip("+") for row in rows}
    taken = set(
        User.objects.filter(username__in=wanted.values()).values_list("username", flat=True)
    )
    users = []
    for row in rows:
        username = wanted[row["line"]]
        if username in taken:
            username = f"{username}-{uuid.uuid4().hex[:6]}"
        user = User(
            username=username,
            display_name=row["name"],
            phone=row["phone"],
            phone_verified=True,
            email=row["email"],
            home_region_id=row["village_id"],
        )
        user.set_unusable_password()
        users.append(user)
    users = User.objects.bulk_create(users)
    for user, row in zip(users, rows, strict=True):
        row["user_id"] = user.pk
    User.groups.through.objects.bulk_create(
        [User.groups.through(user_id=user.pk, group_id=learner_group.pk) for user in users]
    )
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user_id=user.pk, email=user.email, primary=True, verified=True)
            for user in users
            if user.email
        ]
    )
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
    app's bulk assignment (a fixed number of queries; it tells mentor and mentee)."""
    pairs = [(row["user_id"], row["mentor_id"]) for row in chunk if row["mentor_id"]]
    assign_mentors_bulk(pairs, actor=actor, reason=reason)


def _import_welcome(users) -> int:
    """A welcome text message to each new learner: where to go and how to log in (with her
    mobile number and a code by SMS; she has no password). Created as notifications inside
    the import's transaction, so that a rolled-back import texts no one and a retried one
    never texts twice; the notification machinery sends them after the commit and retries a
    gateway that failed. Staff can also print the sheet of new learners. Returns how many
    were queued."""
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("account_request_login_code")
    welcomed = notify_many_in_language(
        recipients=[user for user in users if user.phone],
        kind="learner_welcome",
        dedupe_key=lambda user: f"welcome:{user.pk}",
        title=lambda user: (
            _("Companion Academy: %(name)s, your learning account is ready.")
            % {"name": user.display_name}
        ),
        body=lambda user: (
            _("Open %(url)s, enter this mobile number and log in with the code we text you.")
            % {"url": url}
        ),
        url=reverse("learn:dashboard"),
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
        # Mentoring sits in this layer too and imports programme: ask it through the hook.
        with_mentor, mentors = mentor_lookup(ids, chunk, actor)
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
