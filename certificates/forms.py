from django import forms
from django.utils.translation import gettext_lazy as _


class SignOffForm(forms.Form):
    level = forms.IntegerField(widget=forms.HiddenInput)
    comment = forms.CharField(
        label=_("Your comment"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What makes her ready for this level? She and programme staff can read it."),
        error_messages={"required": _("Write a comment: what makes her ready for this level?")},
    )


class ObservationForm(forms.Form):
    """One choice of level per rubric criterion, then a comment for the candidate."""

    comment = forms.CharField(
        label=_("Comment for her"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a comment for her: what went well, what to work on.")},
    )

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.ChoiceField(
                label=criterion.title,
                help_text=criterion.description,
                choices=[
                    (level_id, _("%(label)s (%(points)s points)") % {"label": label, "points": pts})
                    for level_id, label, pts, _description in criterion.level_options()
                ],
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a level for this criterion.")},
            )
        # The comment comes last on the page.
        self.order_fields([f"criterion_{c.pk}" for c in self.criteria] + ["comment"])

    def choices(self) -> dict:
        return {str(c.pk): self.cleaned_data[f"criterion_{c.pk}"] for c in self.criteria}


class CredentialUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Credential file"),
        error_messages={
            "required": _("Choose the credential file to check."),
            "empty": _("This file is empty."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.png,application/json,image/png"}),
    )
