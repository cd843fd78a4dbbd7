from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from lms.accounts.sms import send_sms
from lms.core.caching import learner_changed
from lms.core.links import public_url
from lms.core.tasks import enqueue_each_on_commit, enqueue_on_commit

from .models import Channel, Delivery, Notification

DELIVER_TASK = "lms.notifications.tasks.deliver_notification"


def notify(
    *,
    recipient,
    kind,
    dedupe_key,
    title,
    body="",
    url="",
    channels=(Channel.EMAIL, Channel.SMS),
    deliver=True,
    texts=None,
):
    """Create a notification once per (recipient, dedupe_key), with a delivery for each
    channel the person has (email, phone). With deliver, a task sends them after commit;
    a caller that already runs in a task passes deliver=False and calls notification_deliver.
    Write title and body in the recipient's language (translation.override). Returns the
    notification and whether it was new."""
    title, body = str(title), str(body)
    wanted = []
    if Channel.EMAIL in channels and recipient.email:
        wanted.append(Channel.EMAIL)
    if Channel.SMS in channels and recipient.phone:
        wanted.append(Channel.SMS)
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient,
                kind=kind,
                dedupe_key=dedupe_key,
                title=title,
                body=body,
                url=url,
                texts=texts or {},
            )
            Delivery.objects.bulk_create(
                [Delivery(notification=notification, channel=c) for c in wanted]
            )
    except IntegrityError:
        return Notification.objects.get(recipient=recipient, dedupe_key=dedupe_key), False
    if wanted and deliver:
        enqueue_on_commit(DELIVER_TASK, notification.pk)
    return notification, True


def notification_deliver(*, notification_id) -> tuple[int, int]:
    """Send every unsent delivery of a notification. Each is locked, sent and marked sent in
    one transaction, so a retry or a second worker skips what is already sent. A failed send
    is recorded (attempts, last_error) and left for the next try; the other channels still go.
    Returns (sent, failed)."""
    sent = failed = 0
    pending = Delivery.objects.filter(notification_id=notification_id, sent_at__isnull=True)
    for delivery_id in pending.values_list("pk", flat=True):
        with transaction.atomic():
            delivery = (
                Delivery.objects.select_for_update(skip_locked=True)
                .select_related("notification__recipient")
                .filter(pk=delivery_id, sent_at__isnull=True)
                .first()
            )
            if delivery is None:
                continue
            delivery.attempts += 1
            try:
                _send(delivery)
            except Exception as exc:  # noqa: BLE001 - any gateway failure: record, retry later
                delivery.last_error = f"{exc.__class__.__name__}: {exc}"[:300]
                delivery.save(update_fields=["attempts", "last_error"])
                failed += 1
                continue
            delivery.sent_at = timezone.now()
            delivery.save(update_fields=["sent_at", "attempts"])
            sent += 1
    return sent, failed


def _send(delivery):
    notification = delivery.notification
    recipient = notification.recipient
    text = (
        notification.title
        if not notification.body
        else f"{notification.title}\n{notification.body}"
    )
    if delivery.channel == Channel.EMAIL:
        if notification.url.startswith("/"):
            # The page it is about, at the site's public address.
            text = f"{text}\n\n{public_url(notification.url)}"
        send_mail(notification.title, text, None, [recipient.email])
    else:
        send_sms(recipient.phone, text[:300])


def notifications_mark_read(*, user, notification_ids=None) -> int:
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    learner_changed([user.pk])  # her unread count
    return unread.update(read_at=timezone.now())


def _value(value, *args):
    return value(*args) if callable(value) else value


def in_each_language(recipient, title, body="", url="", *args):
    """(her own language's version, {language: version}) of a notification's title, body
    and link, each evaluated under each language of the site (a link reversed there has
    that language's prefix). `args` go to the callables."""
    texts = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            texts[language] = {
                "title": str(_value(title, *args))[:200],
                "body": str(_value(body, *args) or ""),
                "url": _value(url, *args) or "",
            }
    own = (recipient.preferred_language or settings.LANGUAGE_CODE).lower()
    return texts.get(own) or texts[settings.LANGUAGE_CODE], texts


def notify_in_language(*, recipient, title, body="", url="", **kwargs):
    """`notify`, with the title, body and link in every language of the site: pass them as
    callables (or lazy strings), they are evaluated under each language. The email and SMS
    go in her language; the page shows the reader's."""
    own, texts = in_each_language(recipient, title, body, url)
    return notify(recipient=recipient, **own, texts=texts, **kwargs)


def notify_many_in_language(
    *,
    recipients,
    kind,
    dedupe_key,
    title,
    body=None,
    url="",
    channels=(Channel.EMAIL, Channel.SMS),
    deliver=True,
) -> list:
    """`notify_in_language` for many people at once, in a fixed number of queries (a bulk
    import): `dedupe_key`, `title` and `body` are callables given the recipient; title, body
    and `url` (a string, or a callable given the recipient) are evaluated under her
    language. Each person is notified once per dedupe key, as by `notify`. Returns the new
    notifications."""
    recipients = list(recipients)
    if not recipients:
        return []
    keys = {recipient.pk: dedupe_key(recipient) for recipient in recipients}
    existing = set(
        Notification.objects.filter(
            recipient_id__in=keys, dedupe_key__in=set(keys.values())
        ).values_list("recipient_id", "dedupe_key")
    )
    fresh = [r for r in recipients if (r.pk, keys[r.pk]) not in existing]
    notifications, wanted = [], {}
    for recipient in fresh:
        own, texts = in_each_language(recipient, title, body or "", url, recipient)
        notifications.append(
            Notification(
                recipient=recipient,
                kind=kind,
                dedupe_key=keys[recipient.pk],
                **own,
                texts=texts,
            )
        )
        wanted[recipient.pk] = [
            channel
            for channel, address in (
                (Channel.EMAIL, recipient.email),
                (Channel.SMS, recipient.phone),
            )
            if channel in channels and address
        ]
    try:
        with transaction.atomic():
            notifications = Notification.objects.bulk_create(notifications)
            learner_changed([n.recipient_id for n in notifications])
            Delivery.objects.bulk_create(
                [
                    Delivery(notification=n, channel=channel)
                    for n in notifications
                    for channel in wanted[n.recipient_id]
                ]
            )
    except IntegrityError:
        # Someone was notified of the same event a moment ago: one by one, each once.
        new = []
        for recipient in fresh:
            notification, created = notify_in_language(
                recipient=recipient,
                kind=kind,
                dedupe_key=keys[recipient.pk],
                title=lambda r=recipient: title(r),
                body=(lambda r=recipient: body(r)) if body else "",
                url=(lambda r=recipient: url(r)) if callable(url) else url,
                channels=channels,
                deliver=deliver,
            )
            if created:
                new.append(notification)
        return new
    if deliver:
        enqueue_each_on_commit(
            DELIVER_TASK, [(n.pk,) for n in notifications if wanted[n.recipient_id]]
        )
    return notifications
