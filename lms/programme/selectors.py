"""Reads for face-to-face training: the learner's training page, one session's page, the
attendance sheet and the staff list. Each costs a fixed number of queries whatever the number
of sessions, bookings or learners."""

import datetime
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from courses.levels import Level
from lms.accounts.models import Region
from lms.core.hooks import level_locked_reason, level_locks

from .models import Attendance, BookingStatus, SessionBooking, TrainingSession
from .permissions import attendance_is_open, can_mark_attendance, sessions_led_by, sessions_open_to

# How long after a session a facilitator still finds it under "Sessions you lead".
LED_SESSIONS_SHOWN_FOR_DAYS = 30
LEVEL_ORDER = {level: rank for rank, level in enumerate(Level.values)}


def _count(queryset):
    """The number of rows of a correlated queryset, as a subquery (0 when there are none).
    Counting in subqueries keeps one row per session: no join fan-out, no DISTINCT."""
    counted = queryset.order_by().values("session_id").annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def with_seat_counts(queryset):
    """Sessions annotated with booked_count, waiting_count and present_count."""
    bookings = SessionBooking.objects.filter(session=OuterRef("pk"))
    return queryset.annotate(
        booked_count=_count(bookings.filter(status=BookingStatus.BOOKED)),
        waiting_count=_count(bookings.filter(status=BookingStatus.WAITING)),
        present_count=_count(Attendance.objects.filter(session=OuterRef("pk"), present=True)),
    )


def with_waiting_position(queryset):
    """Bookings annotated with waiting_position: 1 for the first on the waiting list, None for
    a seat. The list moves up in the order people asked (requested_at, then id)."""
    ahead = SessionBooking.objects.filter(
        session=OuterRef("session_id"), status=BookingStatus.WAITING
    ).filter(
        Q(requested_at__lt=OuterRef("requested_at"))
        | Q(requested_at=OuterRef("requested_at"), pk__lt=OuterRef("pk"))
    )
    return queryset.annotate(
        waiting_position=Case(
            When(status=BookingStatus.WAITING, then=_count(ahead) + 1),
            default=None,
            output_field=IntegerField(),
        )
    )


def waiting_position(booking) -> int | None:
    """Her place on the waiting list (one query), or None if she has a seat or cancelled."""
    if booking.status != BookingStatus.WAITING:
        return None
    return (
        with_waiting_position(SessionBooking.objects.filter(pk=booking.pk))
        .values_list("waiting_position", flat=True)
        .get()
    )


def _level_rank():
    return Case(
        *(When(level=level, then=Value(rank)) for level, rank in LEVEL_ORDER.items()),
        default=Value(len(LEVEL_ORDER)),
        output_field=IntegerField(),
    )


def _near_her(learner):
    """True for sessions in her county (or below it) or held for her whole province: the
    sessions "learners of this region see first"."""
    home = learner.home_region
    if home is None:
        return Value(False, output_field=BooleanField())
    county_path = home.path[: 2 * Region.steplen]
    province_path = home.path[: Region.steplen]
    return Case(
        When(Q(region__path__startswith=county_path) | Q(region__path=province_path), then=True),
        default=False,
        output_field=BooleanField(),
    )


class _Seats:
    """Seats left on `self.session`, annotated with booked_count by the selector."""

    @property
    def seats_left(self) -> int:
        return max(self.session.capacity - self.session.booked_count, 0)

    @property
    def is_full(self) -> bool:
        return self.seats_left == 0


@dataclass
class SessionCard(_Seats):
    """One session as a learner or a facilitator sees it in a list."""

    session: TrainingSession
    booking: SessionBooking | None = None
    lock_reason: str = ""

    @property
    def is_near(self) -> bool:
        return bool(getattr(self.session, "is_near", False))

    @property
    def attendance_is_open(self) -> bool:
        return attendance_is_open(self.session)


@dataclass
class TrainingOverview:
    bookings: list  # SessionCards of her live bookings
    upcoming: list  # SessionCards of the sessions on this page that she could book
    page: Page  # the page of upcoming sessions (for the pager)
    led: list  # SessionCards of the sessions she leads


UPCOMING_PER_PAGE = 30


def training_overview(user, *, level="", page=None) -> TrainingOverview:
    """Her training page: her bookings, a page of sessions she could book (with level locks)
    and the sessions she leads. A fixed number of queries, plus the level gates once per
    level on the page."""
    upcoming = Paginator(upcoming_sessions_for(user, level=level), UPCOMING_PER_PAGE).get_page(page)
    return TrainingOverview(
        bookings=[SessionCard(session=b.session, booking=b) for b in my_bookings(user)],
        upcoming=cards_with_locks(user, upcoming.object_list),
        page=upcoming,
        led=[SessionCard(session=s) for s in led_sessions(user)],
    )


def my_bookings(learner):
    """Her seats and waiting-list places in sessions that have not ended yet (cancelled
    sessions included, so she learns about the cancellation), soonest first."""
    return list(
        with_waiting_position(
            SessionBooking.objects.filter(
                learner=learner,
                status__in=[BookingStatus.BOOKED, BookingStatus.WAITING],
                session__ends_at__gte=timezone.now(),
            )
        )
        .select_related("session__region")
        .order_by("session__starts_at", "session_id")
    )


def upcoming_sessions_for(learner, *, level=""):
    """Sessions she could still book, without those she already booked or leads: grouped by
    level (in ladder order), sessions near her home first, then soonest first."""
    live = SessionBooking.objects.filter(learner=learner).exclude(status=BookingStatus.CANCELLED)
    queryset = (
        sessions_open_to(learner)
        .exclude(pk__in=live.values("session_id"))
        .exclude(pk__in=sessions_led_by(learner).values("pk"))
        .select_related("region")
    )
    if level:
        queryset = queryset.filter(level=level)
    return (
        with_seat_counts(queryset)
        .annotate(level_rank=_level_rank(), is_near=_near_her(learner))
        .order_by("level_rank", "-is_near", "starts_at", "pk")
    )


def led_sessions(user):
    """Sessions she leads or co-facilitates, from a month back on: the facilitator's way to
    the attendance sheet. `is_lead` tells the facilitators (who mark attendance) from the
    trainer candidates who co-facilitate."""
    since = timezone.now() - datetime.timedelta(days=LED_SESSIONS_SHOWN_FOR_DAYS)
    leads = TrainingSession.facilitators.through.objects.filter(
        user=user, trainingsession_id=OuterRef("pk")
    )
    return list(
        with_seat_counts(sessions_led_by(user).filter(is_cancelled=False, ends_at__gte=since))
        .annotate(is_lead=Exists(leads))
        .select_related("region")
        .order_by("starts_at", "pk")
    )


def cards_with_locks(learner, sessions) -> list:
    """SessionCards for sessions on a page, with the reason her level is locked where it
    is. The level gates are asked once per distinct level (at most four), not per session."""
    sessions = list(sessions)
    locks = level_locks(learner, {s.level for s in sessions}) if sessions else {}
    return [SessionCard(session=s, lock_reason=str(locks.get(s.level) or "")) for s in sessions]


# One session --------------------------------------------------------------------------------


@dataclass
class SessionPage(_Seats):
    session: TrainingSession
    facilitators: list
    booking: SessionBooking | None
    lock_reason: str
    is_facilitator: bool
    is_co_facilitator: bool
    can_mark_attendance: bool

    @property
    def is_open_for_booking(self) -> bool:
        return not self.session.is_cancelled and not self.session.has_started

    @property
    def can_ask_for_a_seat(self) -> bool:
        return (
            self.is_open_for_booking
            and self.booking is None
            and not self.lock_reason
            and not self.is_facilitator
            and not self.is_co_facilitator
        )

    @property
    def attendance_is_open(self) -> bool:
        return attendance_is_open(self.session)

    @property
    def can_cancel(self) -> bool:
        return (
            self.booking is not None
            and not self.session.is_cancelled
            and not self.session.has_started
        )


def session_page(user, session) -> SessionPage:
    """What one session's page shows her: seats, facilitators, her booking and place on the
    waiting list, why her level is locked (if it is) and whether she marks attendance."""
    session = with_seat_counts(TrainingSession.objects.filter(pk=session.pk)).select_related(
        "region"
    )[0]
    booking = with_waiting_position(
        SessionBooking.objects.filter(session=session, learner=user).exclude(
            status=BookingStatus.CANCELLED
        )
    ).first()
    facilitators = list(session.facilitators.order_by("display_name", "pk"))
    is_facilitator = any(f.pk == user.pk for f in facilitators)
    is_co_facilitator = session.co_facilitators.filter(pk=user.pk).exists()
    lock_reason = ""
    if booking is None and not (is_facilitator or is_co_facilitator) and not session.has_started:
        lock_reason = str(level_locked_reason(user, session.level) or "")
    return SessionPage(
        session=session,
        facilitators=facilitators,
        booking=booking,
        lock_reason=lock_reason,
        is_facilitator=is_facilitator,
        is_co_facilitator=is_co_facilitator,
        can_mark_attendance=can_mark_attendance(user, session, is_facilitator=is_facilitator),
    )


# Attendance sheet ---------------------------------------------------------------------------


@dataclass
class AttendanceSheet:
    session: TrainingSession
    booked: list  # SessionBookings with select_related learner/home region, annotated present
    waiting: list
    is_open: bool

    @property
    def marked(self) -> bool:
        return any(b.present is not None for b in self.booked)


def attendance_sheet(session) -> AttendanceSheet:
    """The booked learners (name and village) with what was marked so far, and the waiting
    list for the facilitator's information. Three queries whatever the size."""
    present = Attendance.objects.filter(session=session, learner=OuterRef("learner_id"))
    bookings = list(
        session.bookings.filter(status__in=[BookingStatus.BOOKED, BookingStatus.WAITING])
        .select_related("learner__home_region")
        .annotate(present=Subquery(present.values("present")[:1]))
        .order_by("learner__display_name", "learner_id")
    )
    waiting = sorted(
        (b for b in bookings if b.status == BookingStatus.WAITING),
        key=lambda b: (b.requested_at, b.pk),
    )
    return AttendanceSheet(
        session=session,
        booked=[b for b in bookings if b.status == BookingStatus.BOOKED],
        waiting=waiting,
        is_open=attendance_is_open(session),
    )
