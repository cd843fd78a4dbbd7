"""Staff screens: mentors and their load, assignments (assign, reassign, end, history) and
coaching contacts with private notes (the automatic assignment of a cohort is under Programme);
and the rule that a mentor sees her current mentees' learning."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from lms.accounts.models import Region, User
from lms.accounts.permissions import is_programme_staff, learners_managed_by, regions_visible_to
from lms.core.admin_scoping import ScopedViewSetMixin, ServiceErrorsOnFormMixin
from lms.core.hooks import LEARNER_VISIBILITY

from .models import CoachingContact, MentorAssignment, MentorProfile
from .permissions import (
    assignments_visible_to,
    contacts_visible_to,
    current_mentees_q,
    eligible_mentor_profiles,
    mentor_profiles_visible_to,
)
from .selectors import mentor_load_queryset
from .services import mentor_assign, mentor_assignment_end, mentor_profile_save


def _visible_regions(request):
    return regions_visible_to(request.user).order_by("path") if request else Region.objects.none()


# Mentors and their load -----------------------------------------------------------------


class MentorFilterSet(WagtailFilterSet):
    region = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Lives in region"), queryset=_visible_regions, method="filter_region"
    )

    class Meta:
        model = MentorProfile
        fields = ["is_eligible", "is_active"]

    def filter_region(self, queryset, name, value):
        return queryset.filter(user__home_region__path__startswith=value.path)


class MentorProfileForm(WagtailAdminModelForm):
    class Meta:
        model = MentorProfile
        fields = ["user", "is_active", "capacity", "regions", "shares_phone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = learners_managed_by(self.for_user).order_by("display_name")
        self.fields["regions"].queryset = regions_visible_to(self.for_user).order_by("path")
        self.fields["regions"].widget = forms.SelectMultiple(attrs={"size": 8})
        if self.instance.pk:
            self.fields["user"].disabled = True


class MentorProfileSaveMixin(ServiceErrorsOnFormMixin):
    def save_instance(self):
        data = self.form.cleaned_data
        return mentor_profile_save(
            user=data.get("user") or self.object.user,
            actor=self.request.user,
            regions=data["regions"],
            is_active=data["is_active"],
            capacity=data["capacity"],
            shares_phone=data["shares_phone"],
        )


class MentorCreateView(MentorProfileSaveMixin, CreateView):
    pass


class MentorEditView(MentorProfileSaveMixin, ScopedViewSetMixin.edit_view_class):
    pass


class MentorViewSet(ScopedViewSetMixin, ModelViewSet):
    model = MentorProfile
    form_class = MentorProfileForm
    add_view_class = MentorCreateView
    edit_view_class = MentorEditView
    filterset_class = MentorFilterSet
    icon = "user"
    menu_label = gettext_lazy("Mentors and load")
    list_display = [
        Column("user", label=gettext_lazy("Mentor"), accessor="user"),
        Column("home_region", label=gettext_lazy("Home region"), accessor="user.home_region"),
        Column("mentee_count", label=gettext_lazy("Mentees"), accessor="mentee_count"),
        "capacity",
        Column("load_percent", label=gettext_lazy("Load (%)"), accessor="load_percent"),
        "is_eligible",
        "is_active",
    ]
    list_export = [
        "user",
        "user.home_region",
        "mentee_count",
        "capacity",
        "load_percent",
        "is_eligible",
        "is_active",
    ]
    export_headings = {
        "user": gettext_lazy("Mentor"),
        "user.home_region": gettext_lazy("Home region"),
        "mentee_count": gettext_lazy("Mentees"),
        "load_percent": gettext_lazy("Load (%)"),
    }
    search_fields = ["user__display_name", "user__phone"]
    ordering = ["user__home_region__path", "user__display_name"]
    copy_view_enabled = False

    def scope_queryset(self, queryset, user):
        visible = mentor_profiles_visible_to(user).values("pk")
        return mentor_load_queryset(queryset.filter(pk__in=visible))


# Assignments ------------------------------------------------------------------------------


def _visible_mentors(request):
    if request is None:
        return User.objects.none()
    profiles = mentor_profiles_visible_to(request.user).values("user_id")
    return User.objects.filter(pk__in=profiles).order_by("display_name")


class AssignmentFilterSet(WagtailFilterSet):
    mentor = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Mentor"), queryset=_visible_mentors
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"),
        choices=[("active", gettext_lazy("Current")), ("ended", gettext_lazy("Ended"))],
        method="filter_status",
    )
    region = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Learner's region"), queryset=_visible_regions, method="filter_region"
    )

    class Meta:
        model = MentorAssignment
        fields = []

    def filter_status(self, queryset, name, value):
        return queryset.filter(ended_at__isnull=(value == "active"))

    def filter_region(self, queryset, name, value):
        return queryset.filter(learner__home_region__path__startswith=value.path)


class AssignForm(WagtailAdminModelForm):
    replace_current = forms.BooleanField(
        label=gettext_lazy("Reassign: replace her current mentor"), required=False
    )

    class Meta:
        model = MentorAssignment
        fields = ["learner", "mentor", "start_reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["learner"].queryset = learners_managed_by(self.for_user).order_by(
            "display_name"
        )
        self.fields["mentor"].queryset = User.objects.filter(
            pk__in=eligible_mentor_profiles()
            .filter(pk__in=mentor_profiles_visible_to(self.for_user).values("pk"))
            .values("user_id")
        ).order_by("display_name")


class EndAssignmentForm(WagtailAdminModelForm):
    class Meta:
        model = MentorAssignment
        fields = ["end_reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["end_reason"].required = True


class AssignView(ServiceErrorsOnFormMixin, CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return mentor_assign(
            learner=data["learner"],
            mentor=data["mentor"],
            reason=data["start_reason"],
            replace_current=data["replace_current"],
            actor=self.request.user,
        )


class EndAssignmentView(ServiceErrorsOnFormMixin, ScopedViewSetMixin.edit_view_class):
    def save_instance(self):
        return mentor_assignment_end(
            assignment=self.object,
            reason=self.form.cleaned_data["end_reason"],
            actor=self.request.user,
        )


class AssignmentViewSet(ScopedViewSetMixin, ModelViewSet):
    model = MentorAssignment
    add_view_class = AssignView
    edit_view_class = EndAssignmentView
    filterset_class = AssignmentFilterSet
    icon = "link"
    menu_label = gettext_lazy("Mentor assignments")
    list_display = ["learner", "mentor", "started_at", "start_reason", "ended_at", "end_reason"]
    list_export = [
        "learner",
        "mentor",
        "started_at",
        "start_reason",
        "assigned_by",
        "ended_at",
        "end_reason",
        "ended_by",
    ]
    search_fields = ["learner__display_name", "learner__phone", "mentor__display_name"]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return EndAssignmentForm if for_update else AssignForm

    def scope_queryset(self, queryset, user):
        return queryset.filter(pk__in=assignments_visible_to(user).values("pk")).select_related(
            "learner", "mentor"
        )


# Coaching contacts (read-only for staff, private notes included) -------------------------


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Contacts are recorded by mentors through the coaching service; the admin only reads."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")


CONTACT_FIELDS = [
    "contact_date",
    "learner",
    "mentor",
    "mode",
    "minutes",
    "summary",
    "follow_up_on",
    "private_note",
]


register_permission_policy(CoachingContact, ReadOnlyPermissionPolicy(CoachingContact))


class ContactViewSet(ScopedViewSetMixin, ModelViewSet):
    model = CoachingContact
    icon = "doc-full"
    menu_label = gettext_lazy("Coaching contacts")
    list_display = ["contact_date", "learner", "mentor", "mode", "minutes", "follow_up_on"]
    list_filter = ["mode", "contact_date"]
    list_export = CONTACT_FIELDS
    search_fields = ["learner__display_name", "mentor__display_name", "summary"]
    inspect_view_enabled = True
    inspect_view_fields = [*CONTACT_FIELDS, "created_at"]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return forms.modelform_factory(CoachingContact, fields=["summary"])

    def scope_queryset(self, queryset, user):
        if not is_programme_staff(user):
            return queryset.none()
        # Staff read private notes of their region's learners, but never notes about herself.
        visible = contacts_visible_to(user).exclude(learner=user).values("pk")
        return queryset.filter(pk__in=visible).select_related("learner", "mentor")


class MentoringViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Mentoring")
    menu_icon = "link"
    menu_order = 205
    items = (
        MentorViewSet("mentors"),
        AssignmentViewSet("mentor_assignments"),
        ContactViewSet("coaching_contacts"),
    )


@hooks.register("register_admin_viewset")
def register_mentoring_viewsets():
    return MentoringViewSetGroup()


@hooks.register(LEARNER_VISIBILITY)
def mentors_see_their_mentees(user):
    """A mentor sees the learning of the learners she mentors now."""
    return current_mentees_q(user) if user.is_authenticated else None
