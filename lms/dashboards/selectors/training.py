"""Face-to-face training: sessions, seats taken, waiting lists and attendance."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.programme.models import BookingStatus
from lms.programme.permissions import sessions_visible_to

SESSION_PERIODS = ("past", "upcoming")


def training_rows(user, *, period=None, level=None, now=None):
    """Sessions of the staff member's regions with seats taken and attendance. One query."""
    now = now or timezone.now()
    sessions = sessions_visible_to(user).select_related("region")
    if period == "past":
        sessions = sessions.filter(starts_at__lte=now)
    elif period == "upcoming":
        sessions = sessions.filter(starts_at__gt=now)
    if level:
        sessions = sessions.filter(level=level)
    return list(
        sessions.annotate(
            seats_taken=Count(
                "bookings", filter=Q(bookings__status=BookingStatus.BOOKED), distinct=True
            ),
            waiting=Count(
                "bookings", filter=Q(bookings__status=BookingStatus.WAITING), distinct=True
            ),
            present=Count("attendances", filter=Q(attendances__present=True), distinct=True),
        ).order_by("-starts_at", "pk")
    )


def attendance_rate(session, now=None):
    """Present over seats taken, for a session that has started and was not cancelled."""
    now = now or timezone.now()
    if session.is_cancelled or session.starts_at > now or not session.seats_taken:
        return None
    return round(100 * session.present / session.seats_taken)


def training_totals(sessions, now=None) -> dict:
    """Sessions, seats and seats taken of the listed sessions, and attendance at those held
    (present over seats taken), in percent, or None when none was held."""
    held = [s for s in sessions if attendance_rate(s, now) is not None]
    booked = sum(s.seats_taken for s in held)
    return {
        "sessions": len(sessions),
        "seats": sum(s.capacity for s in sessions),
        "taken": sum(s.seats_taken for s in sessions),
        "rate": round(100 * sum(s.present for s in held) / booked) if booked else None,
    }


def training_table(sessions, now=None):
    headers = [
        _("Session"),
        _("Level"),
        _("Region"),
        _("Starts"),
        _("Seats"),
        _("Seats taken"),
        _("Waiting list"),
        _("Present"),
        _("Attendance rate (%)"),
        _("Cancelled"),
    ]
    table = []
    for s in sessions:
        rate = attendance_rate(s, now)
        table.append(
            [
                s.shown_title,
                s.get_level_display(),
                str(s.region),
                timezone.localtime(s.starts_at).strftime("%Y-%m-%d %H:%M"),
                s.capacity,
                s.seats_taken,
                s.waiting,
                s.present,
                "" if rate is None else rate,
                _("yes") if s.is_cancelled else "",
            ]
        )
    return headers, table
