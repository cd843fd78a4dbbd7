"""Marking attendance: who may, when, whom, and that the certificates hear of it."""

import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lms.accounts.models import User
from lms.programme.models import Attendance, BookingStatus, SessionBooking
from lms.programme.permissions import attendance_is_open
from lms.programme.services import attendance_mark, session_book
from tests.factories import UserFactory, make_mentor, make_session, staff_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture(autouse=True)
def progress_calls(progress_events):
    """What the certificates are told: every progress signal, in order."""
    return progress_events


@pytest.fixture
def trainer(regions):
    return make_mentor(regions["v1"], display_name="张丽华")


@pytest.fixture
def session(regions, trainer):
    """Started an hour ago, four seats: three booked, one on the waiting list."""
    session = make_session(
        region=regions["county"],
        capacity=3,
        starts_in=-datetime.timedelta(hours=1),
        facilitators=[trainer],
    )
    for name, village in (("王小梅", "v1"), ("李秀英", "v2"), ("赵春花", "v3"), ("等位的", "v1")):
        learner = UserFactory(display_name=name, home_region=regions[village])
        SessionBooking.objects.create(session=session, learner=learner)
    waiting = SessionBooking.objects.get(learner__display_name="等位的")
    waiting.status = BookingStatus.WAITING
    waiting.save()
    return session


def learner_named(name):
    return User.objects.get(display_name=name)


def booked_ids(session):
    return sorted(
        session.bookings.filter(status=BookingStatus.BOOKED).values_list("learner_id", flat=True)
    )


def present(session):
    return {
        a.learner.display_name: a.present
        for a in Attendance.objects.filter(session=session).select_related("learner")
    }


def test_the_facilitator_ticks_who_came_on_her_phone(client, session, trainer, progress_calls):
    client.force_login(trainer)
    url = reverse("programme:attendance", args=[session.pk])
    page = client.get(url).content.decode()
    assert "王小梅" in page and "周家桥社区" in page  # her name and village
    assert 'name="present"' in page and "Save attendance" in page
    assert page.count('type="checkbox"') == 3  # the waiting list is shown, not ticked

    came = [learner_named("王小梅").pk, learner_named("赵春花").pk]
    response = client.post(url, {"present": came}, follow=True)
    assert "Attendance saved: 2 of 3 learners present." in response.content.decode()
    assert present(session) == {"王小梅": True, "李秀英": False, "赵春花": True}
    rows = Attendance.objects.filter(session=session)
    assert {a.marked_by_id for a in rows} == {trainer.pk}
    assert progress_calls == [booked_ids(session)]

    # Saving the same list again (a double tap) changes nothing and tells nobody.
    client.post(url, {"present": came})
    assert Attendance.objects.filter(session=session).count() == 3
    assert progress_calls == [booked_ids(session)]
    # The page shows what was saved.
    assert client.get(url).content.decode().count("checked") == 2


def test_a_correction_changes_only_who_changed_and_records_who_did_it(
    regions, session, trainer, progress_calls
):
    xiaomei, xiuying = learner_named("王小梅"), learner_named("李秀英")
    assert attendance_mark(session=session, actor=trainer, present_learner_ids=[xiaomei.pk]) == 3
    staff = staff_user(regions["county"])
    changed = attendance_mark(
        session=session, actor=staff, present_learner_ids=[xiaomei.pk, xiuying.pk]
    )
    assert changed == 1
    assert progress_calls[-1] == [xiuying.pk]
    corrected = Attendance.objects.get(learner=xiuying)
    assert corrected.present and corrected.marked_by == staff
    assert Attendance.objects.get(learner=xiaomei).marked_by == trainer


@pytest.mark.parametrize("who", ["county staff", "province staff", "superuser"])
def test_staff_of_the_region_mark_attendance(client, regions, session, who, django_user_model):
    if who == "superuser":
        user = django_user_model.objects.create_superuser("root", password="x")
    else:
        user = staff_user(regions["county" if who == "county staff" else "province"])
    client.force_login(user)
    url = reverse("programme:attendance", args=[session.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"present": [learner_named("李秀英").pk]}).status_code == 302
    assert present(session)["李秀英"] is True


@pytest.mark.parametrize(
    "make_user",
    [
        lambda r: learner_named("王小梅"),  # a learner of the session
        lambda r: make_mentor(r["v1"]),  # a mentor who does not lead it
        lambda r: staff_user(r["other_county"]),  # staff of another region
    ],
    ids=["learner", "other mentor", "other region staff"],
)
def test_others_cannot_see_or_mark_attendance(client, regions, session, make_user, progress_calls):
    user = make_user(regions)
    client.force_login(user)
    url = reverse("programme:attendance", args=[session.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"present": [user.pk]}).status_code == 403
    with pytest.raises(PermissionDenied):
        attendance_mark(session=session, actor=user, present_learner_ids=[])
    assert not Attendance.objects.exists()
    assert progress_calls == []
    assert client.get(reverse("programme:attendance", args=[10**6])).status_code == 404


def test_co_facilitators_do_not_mark_attendance(client, regions, session):
    candidate = UserFactory(home_region=regions["v1"])
    session.co_facilitators.add(candidate)
    client.force_login(candidate)
    assert client.get(reverse("programme:attendance", args=[session.pk])).status_code == 403


def test_attendance_waits_for_the_day_of_the_session(client, regions, trainer, progress_calls):
    tomorrow = make_session(
        region=regions["county"], starts_in=datetime.timedelta(days=1), facilitators=[trainer]
    )
    learner = UserFactory(home_region=regions["v1"], display_name="明天来的")
    session_book(session=tomorrow, learner=learner)
    with pytest.raises(ValidationError, match="from the day of the session"):
        attendance_mark(session=tomorrow, actor=trainer, present_learner_ids=[learner.pk])

    client.force_login(trainer)
    url = reverse("programme:attendance", args=[tomorrow.pk])
    page = client.get(url).content.decode()
    assert "Attendance can be marked from the day of the session" in page
    assert "Save attendance" not in page
    assert "1 learner has a seat" in page and "明天来的" in page  # she knows who is coming
    assert "Who is coming" in client.get(reverse("programme:sessions")).content.decode()
    response = client.post(url, {"present": [learner.pk]})
    assert response.status_code == 200
    assert "from the day of the session" in response.content.decode()
    assert not Attendance.objects.exists()
    assert progress_calls == []


def test_attendance_opens_at_the_start_of_the_sessions_day():
    tz = timezone.get_current_timezone()
    session = make_session()
    session.starts_at = datetime.datetime(2026, 5, 10, 14, 0, tzinfo=tz)
    assert not attendance_is_open(session, now=datetime.datetime(2026, 5, 9, 23, 59, tzinfo=tz))
    assert attendance_is_open(session, now=datetime.datetime(2026, 5, 10, 8, 30, tzinfo=tz))
    assert attendance_is_open(session, now=datetime.datetime(2026, 5, 20, 9, 0, tzinfo=tz))


def test_only_learners_with_a_booked_seat_can_be_marked(
    client, regions, session, trainer, progress_calls
):
    waiting, stranger = learner_named("等位的"), UserFactory(home_region=regions["v1"])
    for outsider in (waiting, stranger):
        with pytest.raises(ValidationError, match="Only learners with a booked seat"):
            attendance_mark(session=session, actor=trainer, present_learner_ids=[outsider.pk])
    with pytest.raises(ValidationError):
        attendance_mark(session=session, actor=trainer, present_learner_ids=["x"])

    client.force_login(trainer)
    url = reverse("programme:attendance", args=[session.pk])
    response = client.post(url, {"present": [learner_named("王小梅").pk, stranger.pk]})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not Attendance.objects.exists()
    assert progress_calls == []


def test_a_cancelled_session_takes_no_attendance(client, session, trainer):
    session.is_cancelled = True
    session.save()
    with pytest.raises(ValidationError, match="cancelled"):
        attendance_mark(session=session, actor=trainer, present_learner_ids=[])
    client.force_login(trainer)
    page = client.get(reverse("programme:attendance", args=[session.pk])).content.decode()
    assert "This session has been cancelled." in page and "Save attendance" not in page


def test_the_attendance_sheet_costs_the_same_queries_for_2_or_20_learners(client, regions, trainer):
    session = make_session(
        region=regions["county"],
        capacity=50,
        starts_in=-datetime.timedelta(hours=1),
        facilitators=[trainer],
    )

    def add(n):
        users = User.objects.bulk_create(
            [
                User(username=f"a-{uuid.uuid4().hex[:8]}", display_name=f"学员{i}", home_region=r)
                for i, r in enumerate([regions["v1"], regions["v2"]] * (n // 2))
            ]
        )
        SessionBooking.objects.bulk_create(
            [SessionBooking(session=session, learner=u) for u in users]
        )
        return users

    client.force_login(trainer)
    url = reverse("programme:attendance", args=[session.pk])

    def queries():
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    add(2)
    few = queries()
    # Saving is flat too: one insert for all, whatever the number booked.
    with CaptureQueriesContext(connection) as small:
        attendance_mark(session=session, actor=trainer, present_learner_ids=booked_ids(session))
    add(18)
    assert queries() == few
    with CaptureQueriesContext(connection) as large:
        attendance_mark(session=session, actor=trainer, present_learner_ids=booked_ids(session))
    assert len(large) <= len(small) + 1


def test_the_facilitator_finds_the_sheet_from_her_training_page(client, session, trainer):
    client.force_login(trainer)
    page = client.get(reverse("programme:sessions")).content.decode()
    assert "Sessions you lead" in page
    assert reverse("programme:attendance", args=[session.pk]) in page
    detail = client.get(reverse("programme:session", args=[session.pk])).content.decode()
    assert "You lead this session." in detail and "张丽华" in detail
    assert reverse("programme:attendance", args=[session.pk]) in detail
