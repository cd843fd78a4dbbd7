"""The SMS-code log-in forms (allauth's ACCOUNT_FORMS). Apart from forms.py, which allauth's
own forms module imports (the signup form class) before it has defined these bases."""

from allauth.account import forms as allauth_forms
from django.utils.translation import gettext_lazy as _


class RequestLoginCodeForm(allauth_forms.RequestLoginCodeForm):
    """An SMS code to log in: her mobile number only (the email way is the password page's
    reset); the number as she types it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("email", None)
        self.fields["phone"].required = True
        self.fields["phone"].label = _("Mobile number")
        self.fields["phone"].error_messages["required"] = _("Type your mobile number.")


class ConfirmLoginCodeForm(allauth_forms.ConfirmLoginCodeForm):
    """The 6-digit code from the text, typed on the phone's number pad."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.label = _("The 6-digit code from the text")
        field.error_messages["required"] = _("Type the code from the text.")
        field.widget.attrs.update(
            {
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "pattern": "[0-9]*",
                "maxlength": "6",
                "placeholder": "123456",
            }
        )

    def clean_code(self):
        # Spaces and full-width digits from a Chinese keyboard are her code too.
        code = self.cleaned_data.get("code", "")
        self.cleaned_data["code"] = "".join(
            str(int(c)) if c.isdigit() else c for c in code if not c.isspace()
        )
        return super().clean_code()
