"""Phone numbers are stored in E.164. Chinese mobiles may be typed as 13800000001."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_REGION = "CN"
INVALID_PHONE_MESSAGE = _("Enter a valid mobile number, for example 13800000001.")


def normalize_phone(raw: str) -> str:
    """Return the number in E.164 (+8613800000001) or raise ValidationError."""
    cleaned = "".join(ch for ch in (raw or "") if ch.isdigit() or ch == "+")
    if not cleaned:
        raise ValidationError(INVALID_PHONE_MESSAGE, code="invalid_phone")
    try:
        number = phonenumbers.parse(cleaned, DEFAULT_REGION)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(INVALID_PHONE_MESSAGE, code="invalid_phone") from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(INVALID_PHONE_MESSAGE, code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str) -> str:
    """+8613800000001 -> 138 0000 0001 (national format for Chinese numbers)."""
    if not e164:
        return ""
    number = phonenumbers.parse(e164, DEFAULT_REGION)
    if number.country_code == 86:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
