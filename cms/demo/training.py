"""The demo's face-to-face training sessions (training.yaml): scheduled by the demo staff
member, booked by learners, and for the ones that took place, the register.

Why through the programme services, each at its moment: a seat is booked only before the
session starts and only by a learner whose level is open to her (the intermediate sessions
need the primary certificate), the capacity decides seat or waiting list, and the register can
be marked only from the session's day. Travelling to the day of each booking and to the end
of each past session lets those rules hold as they would have. A session is found again by
its title in the county; a learner with any booking in it, and a session with a register,
are left as they are."""

import datetime

from cms.demo.load import load
from lms.programme.models import Attendance, SessionBooking, TrainingSession
from lms.programme.services import attendance_mark, session_book, session_save

START_TIME = datetime.time(9, 30)


def seed_sessions(regions, people, clock) -> dict:
    """{title: session}, each scheduled by the demo staff member `scheduled_days_ago`."""
    data = load("training")
    county = regions[data["county"]]
    sessions = {}
    for session_data in data["sessions"]:
        session = TrainingSession.objects.filter(region=county, title=session_data["title"]).first()
        if session is None:
            starts_at = clock.day(days_ago=-session_data["days"], at=START_TIME)
            with clock.at(clock.ago(days=session_data["scheduled_days_ago"])):
                session = session_save(
                    actor=people[data["scheduled_by"]],
                    facilitators=[people[data["facilitator"]]],
                    level=session_data["level"],
                    title=session_data["title"],
                    region=county,
                    starts_at=starts_at,
                    ends_at=starts_at + datetime.timedelta(hours=session_data["hours"]),
                    venue=session_data["venue"],
                    capacity=session_data["capacity"],
                    notes=session_data["notes"],
                    title_en=session_data.get("title_en", ""),
                    venue_en=session_data.get("venue_en", ""),
                    notes_en=session_data.get("notes_en", ""),
                )
        elif not session.title_en and session_data.get("title_en"):
            # A demo loaded before the sessions had English text: add it.
            for name in ("title_en", "venue_en", "notes_en"):
                setattr(session, name, session_data.get(name, ""))
            session.save(update_fields=["title_en", "venue_en", "notes_en"])
        sessions[session_data["title"]] = session
    return sessions


def hold_past_sessions(sessions, level, people, clock):
    """The sessions of `level` that took place: seats booked, then the register its
    facilitator marked at the end of the day. Called before anyone is signed off for the
    level, since attending counts toward it."""
    data = load("training")
    facilitator = people[data["facilitator"]]
    for session_data in data["sessions"]:
        if session_data["level"] != level or session_data["days"] >= 0:
            continue
        session = sessions[session_data["title"]]
        book(session, session_data, people, clock)
        if not Attendance.objects.filter(session=session).exists():
            with clock.at(session.ends_at):
                attendance_mark(
                    session=session,
                    actor=facilitator,
                    present_learner_ids=[people[phone].pk for phone in session_data["present"]],
                )


def book_upcoming(sessions, people, clock):
    """Seats in the sessions still to come; the small one fills and has a waiting list.
    Called last: the intermediate ones need the primary certificate."""
    for session_data in load("training")["sessions"]:
        if session_data["days"] > 0:
            book(sessions[session_data["title"]], session_data, people, clock)


def book(session, session_data, people, clock):
    """The people in `booked` ask for a seat one after another, the last `booked_days_ago`
    (ten minutes apart, so the waiting list has its order)."""
    booked = session_data["booked"]
    last = clock.ago(days=session_data["booked_days_ago"])
    for position, phone in enumerate(booked):
        learner = people[phone]
        if SessionBooking.objects.filter(session=session, learner=learner).exists():
            continue
        with clock.at(last - datetime.timedelta(minutes=10 * (len(booked) - 1 - position))):
            session_book(session=session, learner=learner)
