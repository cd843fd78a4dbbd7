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
