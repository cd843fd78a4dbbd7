import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import CoachingContact, ContactMode


class CoachingContactForm(forms.ModelForm):
    client_token = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    class Meta:
        model = CoachingContact
        fields = [
            "contact_date",
            "mode",
            "minutes",
            "summary",
            "follow_up_on",
            "private_note",
            "client_token",
        ]
        widgets = {
            "contact_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "mode": forms.RadioSelect,
            "minutes": forms.NumberInput(attrs={"inputmode": "numeric", "min": 1, "max": 600}),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "follow_up_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "private_note": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"summary": _("What did you talk about?")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact_date"].initial = timezone.localdate
        self.fields["mode"].initial = ContactMode.HOME_VISIT
        self.fields["mode"].choices = ContactMode.choices
        self.fields["minutes"].initial = 30
        self.fields["client_token"].initial = uuid.uuid4()
