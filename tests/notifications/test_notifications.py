import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lms.accounts.models import RegionKind, User
from lms.engagement.services import mentor_digests_send
from lms.engagement.tasks import send_mentor_digests_task
from lms.mentoring.services import assignments_notify, mentor_assign
from lms.mentoring.tasks import notify_assignments_task
from lms.notifications.models import Delivery, Notification
from lms.notifications.services import notification_deliver, notify
from lms.notifications.tasks import deliver_notification
from tests.factories import UserFactory, make_mentor, make_region, region_tree

pytestmark = pytest.mark.django_db


def test_the_same_event_notifies_once_and_each_channel_sends_once(
    sms_outbox, mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory(email="mama@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        first, created = notify(recipient=user, kind="test", dedupe_key="event-1", title="你好")
        again, created_again = notify(
            recipient=user, kind="test", dedupe_key="event-1", title="你好"
        )
    assert created and not created_again and first == again
    # A retried or duplicated delivery task sends nothing more.
    deliver_notification.apply(args=[first.pk])
    deliver_notification.apply(args=[first.pk])
    assert len(sms_outbox) == 1 and len(mailoutbox) == 1
    assert Delivery.objects.filter(notification=first, sent_at__isnull=False).count() == 2


def test_a_failed_send_is_retried_later_and_then_sent_once(sms_outbox, monkeypatch):
    user = UserFactory()
    notification, _ = notify(recipient=user, kind="t", dedupe_key="k", title="x", deliver=False)
    from lms.accounts import sms

    def gateway_down(phone, message):
        raise OSError("gateway down")

    monkeypatch.setattr(sms.LocmemSMSBackend, "send", lambda self, p, m: gateway_down(p, m))
    assert notification_deliver(notification_id=notification.pk) == (0, 1)
    delivery = Delivery.objects.get()
    assert delivery.sent_at is None and "gateway down" in delivery.last_error
    monkeypatch.undo()
    assert notification_deliver(notification_id=notification.pk) == (1, 0)
    assert notification_deliver(notification_id=notification.pk) == (0, 0)
    assert len(sms_outbox) == 1


def test_one_bad_number_does_not_stop_the_other_notifications(
    sms_outbox, monkeypatch, django_capture_on_commit_callbacks
):
    from lms.accounts import sms

    regions = region_tree()
    mentor = make_mentor(regions["v1"])
    learners = [UserFactory(home_region=regions["v1"]) for _ in range(3)]
    assignments = [mentor_assign(learner=u, mentor=mentor) for u in learners]
    real_send = sms.LocmemSMSBackend.send

    def flaky(self, phone, message):
        if phone == learners[0].phone:
            raise OSError("number rejected")
        real_send(self, phone, message)

    monkeypatch.setattr(sms.LocmemSMSBackend, "send", flaky)
    with django_capture_on_commit_callbacks(execute=True):
        notify_assignments_task.apply(args=[[a.pk for a in assignments]])
    assert Notification.objects.count() == 6
    assert len(sms_outbox) == 5  # everyone but the rejected number
    assert Delivery.objects.filter(sent_at__isnull=True).count() == 1


def test_assignment_notifications_go_once_even_if_the_task_runs_twice(
    sms_outbox, django_capture_on_commit_callbacks
):
    regions = region_tree()
    mentor = make_mentor(regions["v1"])
    learner = UserFactory(home_region=regions["v1"])
    assignment = mentor_assign(learner=learner, mentor=mentor)  # task waits for commit
    with django_capture_on_commit_callbacks(execute=True):
        notify_assignments_task.apply(args=[[assignment.pk]])
        notify_assignments_task.apply(args=[[assignment.pk]])
    assert Notification.objects.filter(recipient=learner, kind="mentor_assigned").count() == 1
    assert Notification.objects.filter(recipient=mentor, kind="mentee_assigned").count() == 1
    assert len(sms_outbox) == 2
    assert assignments_notify(assignment_ids=[assignment.pk]) == 0


def test_notifications_are_written_in_the_recipients_language():
    regions = region_tree()
    mentor = make_mentor(regions["v1"], display_name="张丽华")
    learner = UserFactory(home_region=regions["v1"], preferred_language="en")
    assignment = mentor_assign(learner=learner, mentor=mentor)
    assignments_notify(assignment_ids=[assignment.pk])
    assert Notification.objects.get(recipient=learner).title == "Your mentor is 张丽华"
    assert Notification.objects.get(recipient=mentor).title.startswith("新学员")


def test_a_new_mentees_village_is_named_in_each_language_whatever_language_is_active():
    """The task that writes it may run with any language active (a worker, or the demo
    loaded from a page in English): each language's text names the village in that
    language."""
    village = make_region("小坝村", RegionKind.VILLAGE, region_tree()["t1"], name_en="Xiaoba")
    mentor = make_mentor(village)
    assignment = mentor_assign(learner=UserFactory(home_region=village), mentor=mentor)
    with translation.override("en"):
        assignments_notify(assignment_ids=[assignment.pk])
    texts = Notification.objects.get(recipient=mentor).texts
    assert texts["zh-hans"]["body"] == "小坝村" and texts["en"]["body"] == "Xiaoba"


def test_the_weekly_digest_goes_once_a_week_to_mentors_with_flagged_mentees(sms_outbox):
    regions = region_tree()
    mentor = make_mentor(regions["v1"])
    calm_mentor = make_mentor(regions["v1"])
    flagged = UserFactory(home_region=regions["v1"], display_name="没动静")
    mentor_assign(learner=flagged, mentor=mentor)
    # On the platform for 60 days, never active, never contacted.
    User.objects.filter(pk=flagged.pk).update(
        date_joined=timezone.now() - datetime.timedelta(days=60)
    )
    monday = timezone.localdate()
    assert send_mentor_digests_task.apply().get() == 1
    assert mentor_digests_send(today=monday) == 0  # same week: nothing new
    digest = Notification.objects.get(kind="mentor_digest")
    assert digest.recipient == mentor and "没动静" in digest.body
    assert not Notification.objects.filter(recipient=calm_mentor).exists()
    assert mentor_digests_send(today=monday + datetime.timedelta(days=7)) == 1  # next week


def test_the_digest_is_on_the_beat_schedule(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE["weekly-mentor-digest"]
    assert schedule["task"] == "lms.engagement.tasks.send_mentor_digests_task"
    from lms.celery import app

    assert schedule["task"] in app.tasks


def test_in_app_list_unread_count_and_opening(client):
    user = UserFactory()
    notification, _ = notify(
        recipient=user,
        kind="t",
        dedupe_key="k",
        title="新学员：李秀英",
        url="/learn/",
        deliver=False,
    )
    client.force_login(user)
    body = client.get(reverse("notifications:list")).content.decode()
    assert "新学员：李秀英" in body
    assert 'class="badge"' in body
    response = client.post(reverse("notifications:open", args=[notification.pk]))
    assert response["Location"] == "/learn/"
    assert 'class="badge"' not in client.get(reverse("notifications:list")).content.decode()


def test_nobody_opens_someone_elses_notification(client):
    notification, _ = notify(
        recipient=UserFactory(), kind="t", dedupe_key="k", title="私", deliver=False
    )
    client.force_login(UserFactory())
    assert client.post(reverse("notifications:open", args=[notification.pk])).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_the_list_and_badge_cost_the_same_queries_for_1_or_30_notifications(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = UserFactory()
    client.force_login(user)

    def queries():
        client.get(reverse("notifications:list"))
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("notifications:list"))
        return len(ctx)

    notify(recipient=user, kind="t", dedupe_key="k", title="x", deliver=False)
    one = queries()
    for i in range(29):
        notify(recipient=user, kind="t", dedupe_key=f"k{i}", title="x", deliver=False)
    assert queries() == one


def test_a_notification_is_read_in_the_language_of_the_page(client):
    """Written when she read English; she switches to Chinese: her list is in Chinese, and
    the link keeps her in Chinese. Her SMS went in her language."""
    regions = region_tree()
    mentor = make_mentor(regions["v1"], display_name="张丽华")
    learner = UserFactory(home_region=regions["v1"], preferred_language="en")
    assignments_notify(assignment_ids=[mentor_assign(learner=learner, mentor=mentor).pk])
    note = Notification.objects.get(recipient=learner)
    assert note.title == "Your mentor is 张丽华"  # the SMS and email text
    client.force_login(learner)
    with translation.override("en"):
        english = client.get(reverse("notifications:list")).content.decode()
        opened = client.post(reverse("notifications:open", args=[note.pk]))["Location"]
    assert "Your mentor is 张丽华" in english and opened.startswith("/en/")
    # She switches to Chinese (the language links).
    chinese = client.get(reverse("notifications:list") + "?language=zh-hans", follow=True)
    chinese = chinese.content.decode()
    assert "Your mentor is" not in chinese and note.texts["zh-hans"]["title"] in chinese
    assert "张丽华" in note.texts["zh-hans"]["title"]
    assert not client.post(reverse("notifications:open", args=[note.pk]))["Location"].startswith(
        "/en/"
    )
