import uuid

from django import forms
from django.utils.translation import gettext_lazy as _


class TaskDraftForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    remove = forms.TypedMultipleChoiceField(coerce=int, required=False, choices=())
    form_token = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form_token"].initial = uuid.uuid4().hex
        # Which photos may be removed is decided by the service (only her own draft's); here
        # any id-sized whole number passes so a stale page does not lose her text.
        self.fields["remove"].valid_value = lambda value: (
            str(value).isdecimal() and len(str(value)) < 19
        )
