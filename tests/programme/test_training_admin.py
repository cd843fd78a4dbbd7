"""Training sessions in the Wagtail admin, for programme staff of the session's region."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from lms.notifications.models import Notification
from lms.programme.models import Attendance, SessionBooking, TrainingSession
from lms.programme.services import session_book, session_cancellation_notify
from tests.factories import UserFactory, english_staff, make_mentor, make_session

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

LIST = "/admin/training_sessions/"


def form_data(session=None, **changes):
    start = timezone.localtime() + datetime.timedelta(days=10)
    data = {
        "title": "初级班面授",
        "level": "primary",
        "region": "",
        "starts_at": start.strftime("%Y-%m-%d 09:00"),
        "ends_at": start.strftime("%Y-%m-%d 16:00"),
        "venue": "七星关区妇联会议室",
        "capacity": "20",
        "notes": "",
    }
    if session is not None:
        data.update(
            title=session.title,
            level=session.level,
            region=session.region_id,
            starts_at=timezone.localtime(session.starts_at).strftime("%Y-%m-%d %H:%M"),
            ends_at=timezone.localtime(session.ends_at).strftime("%Y-%m-%d %H:%M"),
            venue=session.venue,
            capacity=str(session.capacity),
            facilitators=[u.pk for u in session.facilitators.all()],
        )
        if session.is_cancelled:
            data["is_cancelled"] = "on"
    data.update(changes)
    return data


def test_staff_list_only_their_regions_sessions_with_seats_waiting_and_attendance(
    staff_client, regions
):
    mine = make_session(region=regions["t1"], title="洪山街道初级班", capacity=2)
    for _ in range(3):
        session_book(session=mine, learner=UserFactory())
    make_session(region=regions["other_county"], title="利辛县初级班")
    body = staff_client.get(LIST).content.decode()
    assert "洪山街道初级班" in body and "利辛县初级班" not in body
    assert "2 / 2" in body  # seats taken / capacity
    assert "利辛县" not in body  # not even among the region filter's choices
    assert reverse("programme:attendance", args=[mine.pk]) in body

    export = staff_client.get(LIST + "?export=csv")
    csv = b"".join(export.streaming_content).decode()
    assert "洪山街道初级班" in csv and "利辛县初级班" not in csv


def test_the_list_filters_by_level_region_and_time(staff_client, regions):
    make_session(region=regions["t1"], title="洪山中级", level="intermediate")
    make_session(region=regions["t2"], title="撒拉溪初级")
    make_session(region=regions["t2"], title="已经开过", starts_in=-datetime.timedelta(days=3))
    assert "洪山中级" not in staff_client.get(LIST, {"level": "primary"}).content.decode()
    by_region = staff_client.get(LIST, {"region": regions["t2"].pk}).content.decode()
    assert "撒拉溪初级" in by_region and "洪山中级" not in by_region
    upcoming = staff_client.get(LIST, {"when": "upcoming"}).content.decode()
    assert "已经开过" not in upcoming and "撒拉溪初级" in upcoming
    assert "撒拉溪初级" not in staff_client.get(LIST, {"when": "past"}).content.decode()


def test_staff_of_another_region_cannot_open_or_change_a_session(client, regions):
    session = make_session(region=regions["county"], title="七星关初级班")
    client.force_login(english_staff(regions["other_county"]))
    assert client.get(f"{LIST}edit/{session.pk}/").status_code == 404
    response = client.post(f"{LIST}edit/{session.pk}/", form_data(session, capacity="99"))
    assert response.status_code == 404
    assert "七星关初级班" not in client.get(LIST).content.decode()
    session.refresh_from_db()
    assert session.capacity == 10


def test_learners_and_mentors_cannot_open_the_admin_list(client, regions):
    for user in (UserFactory(), make_mentor(regions["v1"])):
        client.force_login(user)
        response = client.get(LIST)
        assert response.status_code == 403  # one plain refusal, no loop through the login


def test_staff_create_a_session_in_their_region_only(staff_client, staff, regions):
    trainer = make_mentor(regions["v1"], display_name="张丽华")
    refused = staff_client.post(
        f"{LIST}new/", form_data(region=regions["other_county"].pk, facilitators=[trainer.pk])
    )
    assert refused.status_code == 200
    assert not TrainingSession.objects.exists()
    created = staff_client.post(
        f"{LIST}new/", form_data(region=regions["county"].pk, facilitators=[trainer.pk])
    )
    assert created.status_code == 302
    session = TrainingSession.objects.get()
    assert session.created_by == staff and session.region == regions["county"]
    assert list(session.facilitators.all()) == [trainer]
    assert ModelLogEntry.objects.filter(object_id=str(session.pk), action="wagtail.create")


def test_a_session_that_ends_before_it_starts_gets_a_message(staff_client, regions):
    start = (timezone.localtime() + datetime.timedelta(days=3)).strftime("%Y-%m-%d")
    response = staff_client.post(
        f"{LIST}new/",
        form_data(
            region=regions["county"].pk, starts_at=f"{start} 16:00", ends_at=f"{start} 09:00"
        ),
    )
    assert response.status_code == 200
    assert "The session must end after it starts." in response.content.decode()
    assert not TrainingSession.objects.exists()


def test_adding_seats_gives_them_to_the_waiting_list_at_once(
    staff_client, regions, django_capture_on_commit_callbacks, sms_outbox
):
    session = make_session(region=regions["county"], capacity=1)
    session_book(session=session, learner=UserFactory())
    waiting = [UserFactory(preferred_language="en") for _ in range(3)]
    for learner in waiting:
        session_book(session=session, learner=learner)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"{LIST}edit/{session.pk}/", form_data(session, capacity="3"))
    assert response.status_code == 302
    statuses = dict(SessionBooking.objects.values_list("learner_id", "status"))
    assert [statuses[u.pk] for u in waiting] == ["booked", "booked", "waiting"]
    assert Notification.objects.filter(kind="training_seat").count() == 2
    assert sorted(m["phone"] for m in sms_outbox) == sorted(u.phone for u in waiting[:2])


def test_fewer_seats_than_already_booked_is_refused_with_a_message(staff_client, regions):
    session = make_session(region=regions["county"], capacity=5)
    for _ in range(4):
        session_book(session=session, learner=UserFactory())
    response = staff_client.post(f"{LIST}edit/{session.pk}/", form_data(session, capacity="3"))
    assert response.status_code == 200
    assert (
        "4 seats are already booked; the session cannot have fewer seats."
        in response.content.decode()
    )
    session.refresh_from_db()
    assert session.capacity == 5
    ok = staff_client.post(f"{LIST}edit/{session.pk}/", form_data(session, capacity="4"))
    assert ok.status_code == 302


def test_a_learner_with_a_booking_cannot_also_lead_the_session(staff_client, regions):
    trainer = make_mentor(regions["v1"], display_name="张丽华")
    session = make_session(region=regions["county"])
    session_book(session=session, learner=trainer)
    response = staff_client.post(
        f"{LIST}edit/{session.pk}/", form_data(session, facilitators=[trainer.pk])
    )
    assert response.status_code == 200
    assert "Booked a place in this session: 张丽华." in response.content.decode()
    assert not session.facilitators.exists()


def test_cancelling_a_session_tells_everyone_booked_or_waiting_once(
    staff_client, regions, django_capture_on_commit_callbacks
):
    session = make_session(region=regions["county"], capacity=1, title="暴雨停课")
    people = [UserFactory(preferred_language="en") for _ in range(2)]
    for learner in people:
        session_book(session=session, learner=learner)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            f"{LIST}edit/{session.pk}/", form_data(session, is_cancelled="on")
        )
    assert response.status_code == 302
    notes = Notification.objects.filter(kind="training_cancelled")
    assert sorted(n.recipient_id for n in notes) == sorted(u.pk for u in people)
    assert {n.title for n in notes} == {"Cancelled: 暴雨停课"}
    session.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(f"{LIST}edit/{session.pk}/", form_data(session, venue="改了地点"))
    assert notes.count() == 2  # saving again tells nobody twice
    # Nor does the notice task running again (a retry).
    assert session_cancellation_notify(session=session) == 0
    assert notes.count() == 2


def test_cancelling_a_session_with_attendance_tells_the_certificates(
    staff_client, regions, progress_events
):
    calls = progress_events
    session = make_session(region=regions["county"])
    learner = UserFactory()
    Attendance.objects.create(session=session, learner=learner, present=True)
    staff_client.post(f"{LIST}edit/{session.pk}/", form_data(session, is_cancelled="on"))
    assert calls == [[learner.pk]]


def test_the_edit_page_links_to_the_attendance_sheet(staff_client, regions):
    session = make_session(region=regions["county"])
    body = staff_client.get(f"{LIST}edit/{session.pk}/").content.decode()
    assert reverse("programme:attendance", args=[session.pk]) in body


def test_staff_cannot_delete_sessions(staff_client, regions):
    session = make_session(region=regions["county"])
    staff_client.post(f"{LIST}delete/{session.pk}/")
    assert TrainingSession.objects.filter(pk=session.pk).exists()


def test_the_list_costs_the_same_queries_for_2_or_20_sessions(staff_client, regions):
    def add(n):
        for i in range(n):
            session = make_session(region=regions["t1"], capacity=3)
            for _ in range(i % 5):
                session_book(session=session, learner=UserFactory())

    def queries():
        staff_client.get(LIST)
        with CaptureQueriesContext(connection) as ctx:
            response = staff_client.get(LIST)
        assert response.status_code == 200
        return len(ctx)

    add(2)
    few = queries()
    add(18)
    assert queries() == few


def test_only_people_of_her_regions_can_be_asked_to_lead_a_session(staff, regions):
    """The admin lists only them; the service refuses anyone else, whoever calls it."""
    from django.core.exceptions import ValidationError

    from lms.programme.services import session_save

    elsewhere = make_mentor(regions["other_county"])
    start = timezone.now() + datetime.timedelta(days=3)
    with pytest.raises(ValidationError, match="people of your regions"):
        session_save(
            actor=staff,
            facilitators=[elsewhere],
            level="primary",
            title="面授",
            region=regions["county"],
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
            venue="镇文化站",
            capacity=10,
        )
    assert not TrainingSession.objects.exists()


def test_a_session_in_english_for_english_readers(
    staff_client, regions, django_capture_on_commit_callbacks
):
    """Staff give the English title, venue and notes beside the Chinese; English readers see
    them on the pages and in their notifications, Chinese readers the Chinese."""
    data = form_data(
        region=regions["county"].pk,
        title_en="Primary training day",
        venue_en="Women's Federation meeting room",
        notes="带上笔。",
        notes_en="Bring a pen.",
    )
    assert staff_client.post(f"{LIST}new/", data).status_code == 302
    session = TrainingSession.objects.get(title="初级班面授")
    learner = UserFactory(home_region=regions["v1"], preferred_language="en")
    session_book(session=session, learner=learner)
    client = Client()  # hers, beside the staff member's
    client.force_login(learner)
    with translation.override("en"):
        url = reverse("programme:session", args=[session.pk])
    english = client.get(url).content.decode()
    assert "Primary training day" in english and "Women&#x27;s Federation" in english
    assert "Bring a pen." in english and "初级班面授" not in english
    with translation.override("zh-hans"):
        url = reverse("programme:session", args=[session.pk])
    chinese = client.get(url + "?language=zh-hans", follow=True).content.decode()
    assert (
        "初级班面授" in chinese and "七星关区妇联会议室" in chinese and "Bring a pen" not in chinese
    )
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(f"{LIST}edit/{session.pk}/", {**data, "is_cancelled": "on"})
    note = Notification.objects.get(recipient=learner, kind="training_cancelled")
    assert note.title == "已取消：初级班面授"  # she chose Chinese meanwhile: her SMS
    assert note.texts["en"]["title"] == "Cancelled: Primary training day"
    assert note.texts["zh-hans"]["title"].endswith("初级班面授")
