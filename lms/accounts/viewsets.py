"""Wagtail's user admin with the Companion Academy profile fields."""

from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import Region
from .phone import normalize_phone

PROFILE_FIELDS = ["display_name", "phone", "preferred_language", "home_region", "staff_regions"]


class ProfileFieldsMixin(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff_regions"].widget = forms.SelectMultiple(attrs={"size": 8})
        self.fields["home_region"].queryset = Region.objects.order_by("path")
        self.fields["staff_regions"].queryset = Region.objects.order_by("path")

    def clean_phone(self):
        phone = self.cleaned_data.get("phone")
        return normalize_phone(phone) if phone else None


class ProfileUserCreationForm(ProfileFieldsMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(PROFILE_FIELDS)


class ProfileUserEditForm(ProfileFieldsMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(PROFILE_FIELDS)


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return ProfileUserEditForm if for_update else ProfileUserCreationForm
