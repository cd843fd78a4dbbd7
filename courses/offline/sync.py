"""Accepting what she did offline, once per action.

Her phone gives every action an id of its own and keeps sending it until it has an answer. The
first arrival is carried out and its outcome stored with the id (OfflineAction, unique per
learner and id) in the same transaction; every later arrival — a reply lost on the way back, a
second sync, two tabs syncing at once — gets the stored outcome and changes nothing. An action
the platform can no longer accept (every attempt used meanwhile, a quiz removed, a lesson whose
quiz is not passed) is refused with a message in her language, which her phone shows her: it is
never dropped without a word.

What she did carries the time she did it, by her phone's clock: a lesson done on Monday and
sent on Friday was done on Monday. A time in the future or older than OLDEST_ACTION_TIME (a
phone whose clock is wrong) is not believed, and the time it arrives is used instead."""

import re
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.core.hooks import offline_action_handlers

from ..models import LessonPage, OfflineAction, OfflineActionStatus
from ..services import lesson_complete

CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
OLDEST_ACTION_TIME = timedelta(days=30)


class Outcome(NamedTuple):
    status: str  # OfflineActionStatus
    message: str
    url: str = ""
    replayed: bool = False

    @classmethod
    def done(cls, message, url=""):
        return cls(OfflineActionStatus.DONE, message, url)

    @classmethod
    def refused(cls, message, url=""):
        return cls(OfflineActionStatus.REFUSED, message, url)

    def as_json(self, client_id):
        return {
            "id": client_id,
            "status": str(self.status),
            "message": self.message,
            "url": self.url,
            "replayed": self.replayed,
        }


def action_time(created, *, now):
    """When she did it: `created` (milliseconds since 1970 by her phone's clock) when it is
    believable, else `now`."""
    try:
        at = datetime.fromtimestamp(float(created) / 1000, tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return now
    return at if now - OLDEST_ACTION_TIME <= at <= now else now


def lesson_done(*, learner, payload, files, at) -> Outcome:
    """A lesson marked done offline."""
    lesson = LessonPage.objects.live().get(pk=int(payload["lesson"]))
    _completion, created = lesson_complete(learner=learner, lesson=lesson, at=at)
    if created:
        message = _("Lesson “%(title)s” is complete.") % {"title": lesson.title}
    else:
        message = _("You had already completed this lesson.")
    return Outcome.done(message, lesson.url or "")


def _handlers():
    return {"lesson": lesson_done, **offline_action_handlers()}


def _replay(learner, client_id):
    action = OfflineAction.objects.get(learner=learner, client_id=client_id)
    return Outcome(action.status, action.message, action.url, replayed=True)


def offline_action_accept(*, learner, client_id, kind, payload, files=None) -> Outcome:
    """Carry out one action sent from her phone, unless its id was accepted before; store and
    return its outcome. Raises ValidationError only for an id that is not one."""
    if not isinstance(client_id, str) or not CLIENT_ID.match(client_id):
        raise ValidationError(_("This action has no valid id."), code="client_id")
    if OfflineAction.objects.filter(learner=learner, client_id=client_id).exists():
        return _replay(learner, client_id)
    handler = _handlers().get(kind)
    try:
        with transaction.atomic():
            # Claimed first: a second request with the same id waits here (PostgreSQL) or fails
            # the constraint, and then reads the first one's outcome.
            record = OfflineAction.objects.create(
                learner=learner, client_id=client_id, kind=str(kind)[:20]
            )
            outcome = _carry_out(
                handler, learner, payload if isinstance(payload, dict) else {}, files or {}
            )
            record.status, record.message, record.url = outcome.status, outcome.message, outcome.url
            record.save(update_fields=["status", "message", "url"])
    except IntegrityError:
        return _replay(learner, client_id)
    return outcome


def _carry_out(handler, learner, payload, files) -> Outcome:
    if handler is None:
        return Outcome.refused(_("This phone sent something the platform does not know."))
    at = action_time(payload.get("created"), now=timezone.now())
    try:
        with transaction.atomic():  # a refused action leaves nothing behind
            return handler(learner=learner, payload=payload, files=files, at=at)
    except ValidationError as exc:
        return Outcome.refused(" ".join(exc.messages))
    except (ObjectDoesNotExist, PermissionDenied):
        return Outcome.refused(_("This is no longer available."))
    except (KeyError, TypeError, ValueError):
        return Outcome.refused(_("This phone sent something the platform does not know."))
