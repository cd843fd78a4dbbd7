from allauth.account import forms as allauth_forms
from django import forms
from django.utils.translation import gettext_lazy as _

from .phone import normalize_phone


class SignupExtraForm(forms.Form):
    """Extra fields on allauth's sign-up form."""

    display_name = forms.CharField(label=_("Full name"), max_length=100)

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])


class LoginForm(allauth_forms.LoginForm):
    """allauth's login form; a login that is neither an email nor a mobile number is told
    so, instead of a message about user names that mothers do not have."""

    def clean_login(self):
        login = self.cleaned_data["login"].strip()
        if "@" not in login:
            normalize_phone(login)  # raises the "enter a valid mobile number" message
        return login


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
