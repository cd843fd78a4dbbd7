"""The one SMS adapter. Every text message goes through send_sms(); which gateway carries it is
the SMS_BACKEND setting. A real gateway is one subclass of SMSBackend away."""

import json
import logging
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
    logger.info("sending SMS to %s", phone[:-4] + "****")
    get_sms_backend().send(phone, message)
