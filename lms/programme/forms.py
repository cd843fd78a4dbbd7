from django import forms
from django.utils.translation import gettext_lazy as _


class AttendanceForm(forms.Form):
    """One checkbox per learner with a booked seat; ticked means she came."""

    present = forms.TypedMultipleChoiceField(
        label=_("Tick everyone who came"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, bookings, **kwargs):
        super().__init__(*args, **kwargs)
        self.bookings = bookings
        self.fields["present"].choices = [(b.learner_id, str(b.learner)) for b in bookings]
        self.fields["present"].initial = [b.learner_id for b in bookings if b.present]

    def rows(self):
        """(booking, ticked) for the template: what was posted, else what was recorded."""
        ticked = {str(value) for value in self["present"].value() or ()}
        return [(b, str(b.learner_id) in ticked) for b in self.bookings]
