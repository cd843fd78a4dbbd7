"""Marking who came to a face-to-face session (it counts toward her certificate)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.core.signals import progress_changed

from ..models import Attendance, BookingStatus
from ..permissions import attendance_is_open, can_mark_attendance
from .training import lock_session


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
        session = lock_session(session)
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
        progress_changed([a.learner_id for a in new + changed], sender=Attendance)
    return len(new) + len(changed)
