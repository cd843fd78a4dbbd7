"""Booking a seat in a face-to-face session, the waiting list, and cancelling."""

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import translation

from lms.notifications.models import Notification
from lms.programme.models import BookingStatus, SessionBooking
from lms.programme.services import (
    session_book,
    session_booking_cancel,
    session_fill_from_waiting_list,
    training,
)
from tests.conftest import COMMITTED_DB, require
from tests.factories import UserFactory, make_mentor, make_session, staff_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture(autouse=True)
def no_level_gates(level_gates):
    """No level is locked unless a test says so (the ladder's own rules are the certificates'
    tests); a test appends a gate to the returned list."""
    return level_gates


@pytest.fixture
def session(regions):
    return make_session(region=regions["county"], capacity=2, title="初级班第一次面授")


def mother(regions, **kwargs):
    return UserFactory(home_region=regions["v1"], **kwargs)


def test_she_books_a_seat_while_there_is_one_then_joins_the_waiting_list(regions, session):
    first, second, third, fourth = (mother(regions) for _ in range(4))
    assert session_book(session=session, learner=first).status == BookingStatus.BOOKED
    assert session_book(session=session, learner=second).status == BookingStatus.BOOKED
    waiting = session_book(session=session, learner=third)
    assert waiting.status == BookingStatus.WAITING
    session_book(session=session, learner=fourth)
    assert session.bookings.filter(status=BookingStatus.BOOKED).count() == 2  # never more
    with pytest.raises(ValidationError, match=r"already on the waiting list .*\(place 1\)"):
        session_book(session=session, learner=third)
    with pytest.raises(ValidationError, match="already have a seat"):
        session_book(session=session, learner=first)
    assert SessionBooking.objects.count() == 4


def test_cancelling_a_seat_gives_it_to_the_first_on_the_waiting_list_who_is_told(
    regions, session, sms_outbox, django_capture_on_commit_callbacks
):
    holders = [mother(regions) for _ in range(2)]
    for learner in holders:
        session_book(session=session, learner=learner)
    first_waiting = mother(regions, preferred_language="en", display_name="李秀英")
    second_waiting = mother(regions)
    session_book(session=session, learner=first_waiting)
    session_book(session=session, learner=second_waiting)

    with django_capture_on_commit_callbacks(execute=True):
        cancelled = session_booking_cancel(
            booking=SessionBooking.objects.get(learner=holders[0]), actor=holders[0]
        )
    assert cancelled.status == BookingStatus.CANCELLED
    statuses = dict(SessionBooking.objects.values_list("learner_id", "status"))
    assert statuses[first_waiting.pk] == BookingStatus.BOOKED
    assert statuses[second_waiting.pk] == BookingStatus.WAITING
    note = Notification.objects.get(recipient=first_waiting)
    assert note.title == "You have a seat: 初级班第一次面授"
    assert note.url == f"/en/learn/training/{session.pk}/"
    assert [m["phone"] for m in sms_outbox] == [first_waiting.phone]
    assert not Notification.objects.filter(recipient=second_waiting).exists()


def test_leaving_the_waiting_list_moves_the_others_up_and_frees_no_seat(regions, session):
    for _ in range(2):
        session_book(session=session, learner=mother(regions))
    waiting = [mother(regions) for _ in range(3)]
    for learner in waiting:
        session_book(session=session, learner=learner)
    session_booking_cancel(booking=SessionBooking.objects.get(learner=waiting[0]), actor=waiting[0])
    assert session.bookings.filter(status=BookingStatus.BOOKED).count() == 2
    assert not Notification.objects.exists()
    with pytest.raises(ValidationError, match=r"\(place 2\)"):
        session_book(session=session, learner=waiting[2])


def test_the_waiting_list_moves_in_the_order_people_asked(regions, session):
    for _ in range(2):
        session_book(session=session, learner=mother(regions))
    late, early = mother(regions), mother(regions)
    session_book(session=session, learner=late)
    session_book(session=session, learner=early)
    # `early` asked first (say, her request was recorded before a slow network delivered it).
    SessionBooking.objects.filter(learner=early).update(
        requested_at=SessionBooking.objects.get(learner=late).requested_at
        - datetime.timedelta(minutes=5)
    )
    session.capacity = 3
    session.save()
    [promoted] = session_fill_from_waiting_list(session=session)
    assert promoted.learner == early
    assert session_fill_from_waiting_list(session=session) == []  # nothing more to do


def test_cancelling_twice_or_after_the_start_changes_nothing(regions, session):
    learner = mother(regions)
    booking = session_book(session=session, learner=learner)
    session_booking_cancel(booking=booking, actor=learner)
    with pytest.raises(ValidationError, match="already cancelled"):
        session_booking_cancel(booking=booking, actor=learner)

    started = make_session(region=regions["county"], starts_in=-datetime.timedelta(hours=1))
    seat = SessionBooking.objects.create(session=started, learner=learner)
    with pytest.raises(ValidationError, match="already started"):
        session_booking_cancel(booking=seat, actor=learner)
    seat.refresh_from_db()
    assert seat.status == BookingStatus.BOOKED


def test_staff_of_the_region_may_cancel_a_booking_others_may_not(regions, session):
    learner = mother(regions)
    booking = session_book(session=session, learner=learner)
    for outsider in (mother(regions), staff_user(regions["other_county"])):
        with pytest.raises(PermissionDenied):
            session_booking_cancel(booking=booking, actor=outsider)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.BOOKED
    session_booking_cancel(booking=booking, actor=staff_user(regions["province"]))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_after_cancelling_she_may_book_again(regions, session):
    learner = mother(regions)
    session_booking_cancel(booking=session_book(session=session, learner=learner), actor=learner)
    assert session_book(session=session, learner=learner).status == BookingStatus.BOOKED
    assert SessionBooking.objects.filter(learner=learner).count() == 2  # the history stays


@pytest.mark.parametrize(
    "setup,message",
    [
        (lambda s, r, learner, gates: s.__setattr__("is_cancelled", True), "been cancelled"),
        (
            lambda s, r, learner, gates: s.__setattr__(
                "starts_at", s.starts_at - datetime.timedelta(days=8)
            ),
            "already started",
        ),
        (
            lambda s, r, learner, gates: gates.append(
                lambda who, level: (
                    "You need the primary certificate first." if level == "primary" else None
                )
            ),
            "You need the primary certificate first.",
        ),
        (lambda s, r, learner, gates: s.facilitators.add(learner), "help lead this session"),
        (lambda s, r, learner, gates: s.co_facilitators.add(learner), "help lead this session"),
    ],
    ids=["cancelled", "past", "level locked", "facilitator", "co-facilitator"],
)
def test_refused_bookings_say_why_and_change_nothing(
    client, regions, session, no_level_gates, setup, message
):
    learner = mother(regions)
    setup(session, regions, learner, no_level_gates)
    session.save()
    with pytest.raises(ValidationError, match=message):
        session_book(session=session, learner=learner)
    assert not SessionBooking.objects.exists()

    # From the outside: the button posts, the page says why, nothing is booked.
    client.force_login(learner)
    response = client.post(reverse("programme:book", args=[session.pk]), follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SessionBooking.objects.exists()


def test_booking_from_the_page_and_a_double_tap_book_once(client, regions, session):
    learner = mother(regions)
    client.force_login(learner)
    url = reverse("programme:book", args=[session.pk])
    first = client.post(url, follow=True)
    assert "Your seat is booked." in first.content.decode()
    assert "You have a seat." in first.content.decode()
    again = client.post(url, follow=True)
    assert "You already have a seat in this session." in again.content.decode()
    assert SessionBooking.objects.filter(learner=learner).count() == 1


def test_the_full_session_page_offers_the_waiting_list_and_says_her_place(client, regions, session):
    for _ in range(2):
        session_book(session=session, learner=mother(regions))
    learner = mother(regions)
    client.force_login(learner)
    page = client.get(reverse("programme:session", args=[session.pk])).content.decode()
    assert "Full — join the waiting list" in page and "Join the waiting list" in page
    response = client.post(reverse("programme:book", args=[session.pk]), follow=True)
    body = response.content.decode()
    assert "You are on the waiting list (place 1)" in body
    assert "Leave the waiting list" in body
    response = client.post(reverse("programme:cancel", args=[session.pk]), follow=True)
    assert "You have left the waiting list." in response.content.decode()
    assert SessionBooking.objects.get(learner=learner).status == BookingStatus.CANCELLED


def test_cancelling_from_the_page_twice_says_there_is_nothing_to_cancel(client, regions, session):
    learner = mother(regions)
    session_book(session=session, learner=learner)
    client.force_login(learner)
    url = reverse("programme:cancel", args=[session.pk])
    assert "Your booking is cancelled." in client.post(url, follow=True).content.decode()
    again = client.post(url, follow=True).content.decode()
    assert "You have no booking for this session. Nothing was changed." in again
    assert SessionBooking.objects.get().status == BookingStatus.CANCELLED


def test_the_unique_index_stops_a_second_live_booking_with_a_message(regions, session, monkeypatch):
    """Two requests of the same double tap that both passed the checks: the partial unique
    index lets one through and the other gets a message, not an error page."""
    learner = mother(regions)
    session_book(session=session, learner=learner)
    monkeypatch.setattr(training, "_check_bookable", lambda session, learner: None)
    with pytest.raises(ValidationError, match="already have a seat or a place"):
        session_book(session=session, learner=learner)
    assert SessionBooking.objects.filter(learner=learner).count() == 1


def test_pages_and_buttons_need_a_login(client, session):
    for url in (reverse("programme:sessions"), reverse("programme:session", args=[session.pk])):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    response = client.post(reverse("programme:book", args=[session.pk]))
    assert response.status_code == 302
    assert not SessionBooking.objects.exists()


def test_gets_do_not_book_or_cancel(client, regions, session):
    client.force_login(mother(regions))
    assert client.get(reverse("programme:book", args=[session.pk])).status_code == 405
    assert client.get(reverse("programme:cancel", args=[session.pk])).status_code == 405
    assert not SessionBooking.objects.exists()


def test_a_mentor_may_book_a_higher_level_session(regions):
    trainer = make_mentor(regions["v1"])
    advanced = make_session(region=regions["county"], level="advanced")
    assert session_book(session=advanced, learner=trainer).status == BookingStatus.BOOKED


# Two mothers, one seat ---------------------------------------------------------------------


@pytest.mark.postgres
@COMMITTED_DB
def test_two_mothers_asking_for_the_last_seat_at_once_get_one_seat_and_one_place(regions):
    require(connection.vendor == "postgresql", "row locks and concurrent writes need PostgreSQL")
    session = make_session(region=regions["county"], capacity=2)
    session_book(session=session, learner=mother(regions))
    first, second = mother(regions), mother(regions)
    barrier = threading.Barrier(3)
    outcomes = []

    def book(learner):
        from django.db import connections

        translation.activate("en")
        try:
            barrier.wait()
            outcomes.append(str(session_book(session=session, learner=learner).status))
        except ValidationError as exc:
            outcomes.append(exc.messages[0])
        finally:
            connections.close_all()

    # The second mother taps twice.
    threads = [threading.Thread(target=book, args=(m,)) for m in (first, second, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(outcomes) == 3
    assert outcomes.count("booked") == 1 and outcomes.count("waiting") == 1
    [refused] = [o for o in outcomes if o not in ("booked", "waiting")]
    assert "already" in refused
    live = SessionBooking.objects.exclude(status=BookingStatus.CANCELLED)
    assert live.filter(status=BookingStatus.BOOKED).count() == 2
    assert live.filter(status=BookingStatus.WAITING).count() == 1
    assert live.filter(learner=second).count() == 1
