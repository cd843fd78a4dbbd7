import contextlib
import logging

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.fields import PhoneField
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import User
from .phone import normalize_phone
from .sms import code_text_allowed, send_sms

logger = logging.getLogger(__name__)


class ChinesePhoneField(PhoneField):
    """Accepts 13800000001, 138 0000 0001 or +8613800000001; cleans to E.164."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [])
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"placeholder": "13800000001", "inputmode": "tel"})

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        return normalize_phone(value)


class AccountAdapter(DefaultAccountAdapter):
    def phone_form_field(self, **kwargs):
        return ChinesePhoneField(**kwargs)

    def clean_phone(self, phone: str) -> str:
        return normalize_phone(phone)

    def set_phone(self, user, phone, verified):
        user.phone = phone
        user.phone_verified = verified
        user.save(update_fields=["phone", "phone_verified"])

    def get_phone(self, user):
        if user.phone:
            return user.phone, user.phone_verified
        return None

    def set_phone_verified(self, user, phone):
        if user.phone == phone:
            user.phone_verified = True
            user.save(update_fields=["phone_verified"])

    def get_user_by_phone(self, phone):
        # The login form passes the number as typed (13800000001); compare in E.164.
        try:
            phone = normalize_phone(phone)
        except ValidationError:
            return None
        return User.objects.filter(phone=phone).first()

    def _get_login_attempts_cache_key(self, request, **credentials):
        # allauth counts failed log-ins per account by email or username only: every log-in by
        # mobile number would share one count, and five wrong passwords anywhere would lock
        # out every mother. Per number, as typed in any form.
        phone = credentials.get("phone")
        if phone:
            with contextlib.suppress(ValidationError):
                phone = normalize_phone(phone)
            return f"{get_current_site(request).domain}:phone:{phone}"
        return super()._get_login_attempts_cache_key(request, **credentials)

    def send_verification_code_sms(self, user, phone, code, **kwargs):
        # Phone verification and log-in codes share this text; they expire at different times.
        if code_text_allowed(phone):
            send_sms(
                phone, _("Companion Academy code: %(code)s. Do not share it.") % {"code": code}
            )

    def send_unknown_account_sms(self, phone, **kwargs):
        # Nothing is texted to a number without an account (anyone can type any number); the
        # page answers the same either way, so it tells nobody whether the number has one.
        logger.info("log-in code asked for a number without an account; nothing texted")

    def send_account_already_exists_sms(self, phone):
        if not code_text_allowed(phone):
            return
        send_sms(
            phone,
            _(
                "Companion Academy: you already have an account with this number. "
                "Log in, or ask for a log-in code."
            ),
        )

    def get_login_redirect_url(self, request):
        from django.urls import reverse
        from django.utils import translation

        user = request.user
        language = getattr(user, "preferred_language", None) or translation.get_language()
        with translation.override(language):
            return reverse("learn:dashboard")


def user_display(user) -> str:
    """How allauth names a person in its messages ("signed in as 王小梅")."""
    return str(user)
