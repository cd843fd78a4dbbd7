"""Wagtail's user admin with the Companion Academy profile fields."""

from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import CreateView
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from lms.core.admin_scoping import ServiceErrorsOnFormMixin

from .models import Region, User
from .phone import normalize_phone
from .services import NewUser, users_create

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


class ProfileUserCreateView(ServiceErrorsOnFormMixin, CreateView):
    """An account made in the admin is made like every other (users_create); what only the
    admin sets (superuser, groups, staff regions, the name fields) is added to it."""

    def save_instance(self):
        data = self.form.cleaned_data
        [user] = users_create(
            [
                NewUser(
                    display_name=data.get("display_name") or "",
                    phone=data.get("phone"),
                    email=data.get("email") or "",
                    home_region_id=data["home_region"].pk if data.get("home_region") else None,
                    password=data.get("password1") or None,
                    preferred_language=data.get("preferred_language"),
                    username=data.get(User.USERNAME_FIELD),
                )
            ]
        )
        user.first_name = data.get("first_name", "")
        user.last_name = data.get("last_name", "")
        user.is_superuser = bool(data.get("is_superuser"))
        user.save(update_fields=["first_name", "last_name", "is_superuser"])
        user.groups.set(data.get("groups") or [])
        user.staff_regions.set(data.get("staff_regions") or [])
        return user


class UserViewSet(WagtailUserViewSet):
    add_view_class = ProfileUserCreateView

    def get_form_class(self, for_update=False):
        return ProfileUserEditForm if for_update else ProfileUserCreationForm
