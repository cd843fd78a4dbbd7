"""The learner's training page (/learn/training/) and a session's page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from lms.programme.models import SessionBooking
from lms.programme.services import session_book
from tests.factories import UserFactory, make_mentor, make_session

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture(autouse=True)
def gate_calls(level_gates):
    """A level gate that locks the advanced level and records every question asked."""
    calls = []

    def gate(learner, level):
        calls.append(level)
        return "First finish the intermediate level." if level == "advanced" else None

    level_gates.append(gate)
    return calls


@pytest.fixture
def mother(regions):
    return UserFactory(home_region=regions["v1"], display_name="王小梅")


@pytest.fixture
def mother_client(client, mother):
    client.force_login(mother)
    return client


def cards(response, section):
    return [card.session.title for card in getattr(response.context["overview"], section)]


def test_her_page_shows_her_bookings_and_what_she_can_book_by_level(mother_client, mother, regions):
    booked = make_session(region=regions["county"], title="已订的", capacity=1)
    waiting = make_session(region=regions["county"], title="候补的", capacity=1)
    session_book(session=waiting, learner=UserFactory())
    session_book(session=booked, learner=mother)
    session_book(session=waiting, learner=mother)
    make_session(region=regions["county"], title="还有座位", capacity=10)
    full = make_session(region=regions["county"], title="满了", capacity=1)
    session_book(session=full, learner=UserFactory())
    make_session(region=regions["county"], title="高级班", level="advanced")
    make_session(region=regions["county"], title="取消了", is_cancelled=True)
    make_session(region=regions["county"], title="过去的", starts_in=-datetime.timedelta(days=1))

    response = mother_client.get(reverse("programme:sessions"))
    body = response.content.decode()
    assert cards(response, "bookings") == ["已订的", "候补的"]
    assert "You have a seat." in body and "On the waiting list: place 1" in body
    assert cards(response, "upcoming") == ["还有座位", "满了", "高级班"]  # ladder order
    assert "10 seats left" in body and "Full — join the waiting list" in body
    advanced = response.context["overview"].upcoming[2]
    assert advanced.lock_reason == "First finish the intermediate level."
    assert "Not open to you yet: First finish the intermediate level." in body
    assert body.count("Book a seat") == 1 and body.count("Join the waiting list") == 1
    assert "取消了" not in body and "过去的" not in body
    assert "Sessions you lead" not in body


def test_a_cancelled_session_stays_in_her_bookings_with_a_notice(mother_client, mother, regions):
    session = make_session(region=regions["county"], title="临时取消")
    session_book(session=session, learner=mother)
    session.is_cancelled = True
    session.save()
    body = mother_client.get(reverse("programme:sessions")).content.decode()
    assert "临时取消" in body and "This session has been cancelled." in body
    detail = mother_client.get(reverse("programme:session", args=[session.pk]))
    assert detail.status_code == 200
    assert "This session has been cancelled." in detail.content.decode()
    assert "Cancel my booking" not in detail.content.decode()


def test_sessions_near_her_come_first_within_a_level(mother_client, regions):
    make_session(region=regions["other_county"], title="外地的", starts_in=datetime.timedelta(1))
    make_session(region=regions["t2"], title="本县的", starts_in=datetime.timedelta(5))
    make_session(region=regions["province"], title="全省的", starts_in=datetime.timedelta(3))
    response = mother_client.get(reverse("programme:sessions"))
    assert cards(response, "upcoming") == ["全省的", "本县的", "外地的"]
    assert response.content.decode().count("Near you") == 2


def test_the_level_chips_filter_the_list(mother_client, regions):
    make_session(region=regions["county"], title="初级", level="primary")
    make_session(region=regions["county"], title="中级", level="intermediate")
    response = mother_client.get(reverse("programme:sessions"), {"level": "intermediate"})
    assert cards(response, "upcoming") == ["中级"]
    response = mother_client.get(reverse("programme:sessions"), {"level": "nonsense"})
    assert cards(response, "upcoming") == ["初级", "中级"]


def test_the_page_costs_the_same_queries_for_2_or_20_sessions(
    mother_client, mother, regions, gate_calls
):
    trainer_client_user = make_mentor(regions["v1"])

    def add(n):
        for i in range(n):
            session = make_session(
                region=regions["county"] if i % 2 else regions["other_county"],
                level=["primary", "intermediate", "advanced"][i % 3],
                facilitators=[trainer_client_user],
                capacity=2,
            )
            SessionBooking.objects.create(session=session, learner=UserFactory())
            if i % 4 == 0:
                SessionBooking.objects.create(session=session, learner=mother)

    def queries(client):
        client.get(reverse("programme:sessions"))
        gate_calls.clear()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(reverse("programme:sessions"))
        assert response.status_code == 200
        assert len(gate_calls) == len(set(gate_calls))  # once per level, not per session
        return len(ctx), len(response.context["overview"].upcoming)

    add(2)
    few, shown_few = queries(mother_client)
    add(18)
    many, shown_many = queries(mother_client)
    assert (shown_few, shown_many) == (1, 14)
    assert few == many

    # The facilitator's "Sessions you lead" is flat too.
    mother_client.force_login(trainer_client_user)
    led_many, _shown = queries(mother_client)
    add(5)
    assert queries(mother_client)[0] == led_many


def test_the_session_page_names_the_facilitators_and_what_to_bring(mother_client, regions):
    trainers = [make_mentor(regions["v1"], display_name=n) for n in ("张丽华", "周美华")]
    session = make_session(
        region=regions["county"],
        facilitators=trainers,
        venue="七星关区妇联会议室",
        notes="带上笔记本",
        capacity=5,
    )
    body = mother_client.get(reverse("programme:session", args=[session.pk])).content.decode()
    assert "周美华, 张丽华" in body
    assert "七星关区妇联会议室" in body and "带上笔记本" in body
    assert "0 of 5 seats booked" in body and "Book a seat" in body


def test_a_locked_level_shows_the_reason_instead_of_the_button(mother_client, regions):
    session = make_session(region=regions["county"], level="advanced")
    body = mother_client.get(reverse("programme:session", args=[session.pk])).content.decode()
    assert "First finish the intermediate level." in body
    assert "Book a seat" not in body and "Join the waiting list" not in body
    mother_client.post(reverse("programme:book", args=[session.pk]))
    assert not SessionBooking.objects.exists()


def test_a_started_session_can_no_longer_be_booked_or_cancelled(mother_client, mother, regions):
    session = make_session(region=regions["county"], starts_in=-datetime.timedelta(minutes=5))
    SessionBooking.objects.create(session=session, learner=mother)
    body = mother_client.get(reverse("programme:session", args=[session.pk])).content.decode()
    assert "You have a seat." in body and "Cancel my booking" not in body
    response = mother_client.post(reverse("programme:cancel", args=[session.pk]), follow=True)
    assert "already started" in response.content.decode()
    assert SessionBooking.objects.get().status == "booked"
    assert mother_client.get(reverse("programme:session", args=[10**6])).status_code == 404


def test_the_menu_leads_to_training(mother_client):
    body = mother_client.get(reverse("learn:dashboard")).content.decode()
    assert f'href="{reverse("programme:sessions")}">Training</a>' in body


def test_the_page_reads_in_chinese_by_default(client, mother, regions):
    make_session(region=regions["county"], title="初级班面授")
    client.force_login(mother)
    with translation.override("zh-hans"):
        response = client.get(reverse("programme:sessions"))
    assert response.status_code == 200
    assert response.wsgi_request.LANGUAGE_CODE == "zh-hans"
    assert "初级班面授" in response.content.decode()


def test_a_trainer_candidate_finds_the_session_she_co_facilitates(mother_client, mother, regions):
    session = make_session(region=regions["county"], title="练习带课")
    session.co_facilitators.add(mother)
    response = mother_client.get(reverse("programme:sessions"))
    assert cards(response, "led") == ["练习带课"] and cards(response, "upcoming") == []
    body = response.content.decode()
    assert "You co-facilitate this session." in body
    assert reverse("programme:attendance", args=[session.pk]) not in body
    detail = mother_client.get(reverse("programme:session", args=[session.pk])).content.decode()
    assert "You co-facilitate this session." in detail
    assert "Book a seat" not in detail and "Mark attendance" not in detail
