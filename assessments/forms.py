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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Which photos may be removed is decided by the service (only her own draft's); here
        # any whole number passes so a stale page does not lose her text.
        self.fields["remove"].valid_value = lambda value: str(value).isdigit()
