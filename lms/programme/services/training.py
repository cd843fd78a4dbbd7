"""Face-to-face training sessions: booking a seat, the waiting list, cancelling, and staff
creating and changing sessions (with the notices they cause)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms.core.hooks import level_locked_reason
from lms.core.signals import progress_changed
from lms.core.tasks import enqueue_on_commit
from lms.notifications.models import NotificationKind
from lms.notifications.services import notify_in_language, notify_many_in_language

from ..models import Attendance, BookingStatus, SessionBooking, TrainingSession
from ..permissions import can_cancel_booking, can_manage_session, session_leader_candidates
from ..selectors import waiting_position

CANCELLATION_TASK = "lms.programme.tasks.session_cancellation_notify_task"


def lock_session(session) -> TrainingSession:
    # of=("self",): PostgreSQL refuses FOR UPDATE over the nullable side of an outer join.
    return (
        TrainingSession.objects.select_for_update(of=("self",))
        .select_related("region")
        .get(pk=session.pk)
    )


def when(session) -> str:
    return f"{timezone.localtime(session.starts_at):%Y-%m-%d %H:%M}"


def session_book(*, session, learner) -> SessionBooking:
    """Ask for a seat: a seat while there is one, else a place on the waiting list. The
    session row is locked, so two mothers asking for the last seat at once get one seat and
    one waiting-list place. Refused (and nothing changes) for a cancelled or started session,
    a level she may not take up yet, a session she leads, or a second live booking."""
    try:
        with transaction.atomic():
            locked = lock_session(session)
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
        session = lock_session(booking.session)
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
            progress_changed([locked.learner_id], sender=Attendance)
        if freed_a_seat:
            _fill_from_waiting_list(session)
    return locked


def session_fill_from_waiting_list(*, session) -> list:
    """Give free seats to the waiting list, first come first served, and tell each learner
    who moved up. For after a cancellation or when staff add seats. Idempotent: with no free
    seat or nobody waiting it changes nothing. Returns the bookings that got a seat."""
    with transaction.atomic():
        return _fill_from_waiting_list(lock_session(session))


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
        kind=NotificationKind.TRAINING_SEAT,
        dedupe_key=f"training_seat:{booking.pk}",
        title=lambda: _("You have a seat: %(title)s") % {"title": session.shown_title},
        body=lambda: (
            _(
                "A seat became free and it is yours: %(when)s, %(venue)s. If you cannot come, "
                "please cancel so that the next person can have it."
            )
            % {"when": when(session), "venue": session.shown_venue}
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
            session = lock_session(session)
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
                progress_changed(attendees | candidates, sender=TrainingSession)
            if session.is_cancelled and not before["is_cancelled"]:
                _enqueue_cancellation_notices(session)
        _fill_from_waiting_list(session)
    return session


def _enqueue_cancellation_notices(session):
    enqueue_on_commit(CANCELLATION_TASK, session.pk)


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
        kind=NotificationKind.TRAINING_CANCELLED,
        dedupe_key=lambda _learner: f"training_cancelled:{session.pk}",
        title=lambda _learner: _("Cancelled: %(title)s") % {"title": session.shown_title},
        body=lambda _learner: (
            _("The training session on %(when)s at %(venue)s will not take place.")
            % {"when": when(session), "venue": session.shown_venue}
        ),
        url=lambda _learner: reverse("programme:session", args=[session.pk]),
    )
    return len(notified)
