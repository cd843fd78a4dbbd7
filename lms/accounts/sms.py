"""The one SMS adapter. Every text message goes through send_sms(); which gateway carries it is
the SMS_BACKEND setting. A real gateway is one subclass of SMSBackend away."""

import json
import logging
import time
import urllib.request

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# Messages sent by LocmemSMSBackend, for tests (like django.core.mail.outbox).
outbox: list[dict] = []


class SMSBackend:
    def send(self, phone: str, message: str) -> None:
        raise NotImplementedError


class ConsoleSMSBackend(SMSBackend):
    def send(self, phone: str, message: str) -> None:
        print(f"[SMS to {phone}] {message}", flush=True)  # noqa: T201


class LocmemSMSBackend(SMSBackend):
    def send(self, phone: str, message: str) -> None:
        outbox.append({"phone": phone, "message": message})


class HttpJsonSMSBackend(SMSBackend):
    """Posts {"phone", "message"} as JSON to SMS_GATEWAY_URL with a bearer token."""

    def send(self, phone: str, message: str) -> None:
        body = json.dumps({"phone": phone, "message": message}).encode()
        request = urllib.request.Request(
            settings.SMS_GATEWAY_URL,
            data=body,
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {settings.SMS_GATEWAY_TOKEN}",
            },
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            if response.status >= 300:
                raise RuntimeError(f"SMS gateway answered {response.status}")


def get_sms_backend() -> SMSBackend:
    return import_string(settings.SMS_BACKEND)()


def send_sms(phone: str, message: str) -> None:
    logger.info("sending SMS to %s", _masked(phone))
    get_sms_backend().send(phone, message)


def code_text_allowed(phone: str) -> bool:
    """Whether a code may be texted to `phone` today: the log-in pages let anyone ask, so the
    texts are capped per number and for the whole site (SMS_DAILY_LIMIT_PER_NUMBER,
    SMS_DAILY_LIMIT), counted in the shared cache until midnight. Without the cache the count
    is unknown: texts go out (a mother must be able to log in) and the log says so."""
    from django.core.cache import cache
    from django.utils import timezone

    from lms.core.dates import end_of_today

    day = timezone.localdate().isoformat()
    seconds = max(int(end_of_today() - time.time()) + 60, 60)
    # The number's own count first: a number over its cap does not use up the site's.
    for key, limit in (
        (f"sms-day:{day}:{phone}", settings.SMS_DAILY_LIMIT_PER_NUMBER),
        (f"sms-day:{day}", settings.SMS_DAILY_LIMIT),
    ):
        try:
            cache.add(key, 0, seconds)
            count = cache.incr(key)
        except Exception:  # noqa: BLE001 - the cache is down: do not lock mothers out
            logger.warning("SMS caps not counted (cache unavailable); texting %s", _masked(phone))
            return True
        if count > limit:
            logger.warning(
                "SMS cap reached (%s a day): no code texted to %s", limit, _masked(phone)
            )
            return False
    return True


def _masked(phone):
    return phone[:-4] + "****"
