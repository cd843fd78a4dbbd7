import django_filters
from django import forms
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log

from lms.accounts.models import Region, User
from lms.accounts.permissions import learners_managed_by, regions_visible_to
from lms.accounts.roles import LEARNER, PROGRAMME_STAFF
from lms.core.admin_scoping import ScopedViewSetMixin, ServiceErrorsOnFormMixin

from .auto_assign_admin import AutoAssignViewSet
from .import_admin import LearnerImportViewSet
from .models import Cohort, CohortMembership, MembershipStatus, TrainingSession
from .permissions import (
    cohorts_visible_to,
    memberships_visible_to,
    session_leader_candidates,
    sessions_visible_to,
)
from .selectors import with_seat_counts
from .services import membership_add, membership_set_status, session_save


def _visible_regions(request):
    return regions_visible_to(request.user).order_by("path") if request else Region.objects.none()


def _visible_cohorts(request):
    return cohorts_visible_to(request.user) if request else Cohort.objects.none()


class CohortFilterSet(WagtailFilterSet):
    # Choices limited to the staff member's regions: a filter must not list other regions.
    region = django_filters.ModelChoiceFilter(label=_("Region"), queryset=_visible_regions)

    class Meta:
        model = Cohort
        fields = ["level", "start_date"]


class MembershipFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(label=_("Cohort"), queryset=_visible_cohorts)

    class Meta:
        model = CohortMembership
        fields = ["status"]


class CohortForm(WagtailAdminModelForm):
    class Meta:
        model = Cohort
        fields = ["name", "level", "region", "start_date", "target_date", "responsible_staff"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_visible_to(self.for_user).order_by("path")
        regions = regions_visible_to(self.for_user)
        self.fields["responsible_staff"].queryset = User.objects.filter(
            Q(groups__name=PROGRAMME_STAFF, staff_regions__in=regions) | Q(pk=self.for_user.pk)
        ).distinct()


class CohortViewSet(ScopedViewSetMixin, ModelViewSet):
    model = Cohort
    form_class = CohortForm
    icon = "group"
    menu_label = _("Cohorts")
    list_display = [
        "name",
        "level",
        "region",
        "start_date",
        "target_date",
        Column("member_count", label=_("Active members"), accessor="member_count"),
    ]
    filterset_class = CohortFilterSet
    list_export = ["name", "level", "region", "start_date", "target_date", "member_count"]
    export_headings = {"member_count": _("Active members")}
    search_fields = ["name"]
    copy_view_enabled = False

    def scope_queryset(self, queryset, user):
        return (
            queryset.filter(pk__in=cohorts_visible_to(user).values("pk"))
            .select_related("region")
            .annotate(
                member_count=Count(
                    "memberships", filter=Q(memberships__status=MembershipStatus.ACTIVE)
                )
            )
        )


class MembershipForm(WagtailAdminModelForm):
    class Meta:
        model = CohortMembership
        fields = ["cohort", "learner", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cohort"].queryset = cohorts_visible_to(self.for_user)
        self.fields["learner"].queryset = (
            learners_managed_by(self.for_user).filter(groups__name=LEARNER).order_by("display_name")
        )
        if self.instance.pk:
            self.fields["cohort"].disabled = True
            self.fields["learner"].disabled = True


class MembershipCreateView(ServiceErrorsOnFormMixin, CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        membership = membership_add(
            cohort=data["cohort"], learner=data["learner"], actor=self.request.user
        )
        if data["status"] != MembershipStatus.ACTIVE:
            membership_set_status(membership=membership, status=data["status"])
        return membership


class MembershipEditView(ServiceErrorsOnFormMixin, ScopedViewSetMixin.edit_view_class):
    def save_instance(self):
        status = self.form.cleaned_data["status"]
        membership = CohortMembership.objects.get(pk=self.object.pk)
        return membership_set_status(membership=membership, status=status, actor=self.request.user)


class MembershipViewSet(ScopedViewSetMixin, ModelViewSet):
    model = CohortMembership
    form_class = MembershipForm
    add_view_class = MembershipCreateView
    edit_view_class = MembershipEditView
    icon = "user"
    menu_label = _("Cohort members")
    list_display = ["learner", "cohort", "status", "joined_on", "status_changed_at"]
    filterset_class = MembershipFilterSet
    list_export = ["learner", "cohort", "status", "joined_on", "status_changed_at"]
    search_fields = ["learner__display_name", "learner__phone", "cohort__name"]
    copy_view_enabled = False

    def scope_queryset(self, queryset, user):
        return queryset.filter(pk__in=memberships_visible_to(user).values("pk")).select_related(
            "cohort", "learner"
        )


# Face-to-face training sessions ------------------------------------------------------------


class TrainingSessionFilterSet(WagtailFilterSet):
    region = django_filters.ModelChoiceFilter(
        label=_("Region"), queryset=_visible_regions, method="filter_region"
    )
    when = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[("upcoming", _("Upcoming")), ("past", _("Started or past"))],
        method="filter_when",
    )

    class Meta:
        model = TrainingSession
        fields = ["level", "is_cancelled"]

    def filter_region(self, queryset, name, value):
        return queryset.filter(region__path__startswith=value.path)

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        return (
            queryset.filter(starts_at__gt=now)
            if value == "upcoming"
            else queryset.filter(starts_at__lte=now)
        )


# The session's own fields, saved by session_save; the people are passed on their own.
SESSION_FIELDS = [
    "title",
    "title_en",
    "level",
    "region",
    "starts_at",
    "ends_at",
    "venue",
    "venue_en",
    "capacity",
    "notes",
    "notes_en",
    "is_cancelled",
]


class TrainingSessionForm(WagtailAdminModelForm):
    class Meta:
        model = TrainingSession
        fields = [*SESSION_FIELDS[:9], "facilitators", "co_facilitators", *SESSION_FIELDS[9:]]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_visible_to(self.for_user).order_by("path")
        candidates = session_leader_candidates(self.for_user, self.instance)
        for name, queryset in candidates.items():
            self.fields[name].queryset = queryset
            self.fields[name].widget = forms.SelectMultiple(attrs={"size": 8})


class _SessionSaveMixin(ServiceErrorsOnFormMixin):
    log_action = "wagtail.edit"

    def existing_session(self):
        return None

    def save_instance(self):
        data = self.form.cleaned_data
        session = session_save(
            session=self.existing_session(),
            actor=self.request.user,
            facilitators=data["facilitators"],
            co_facilitators=data["co_facilitators"],
            **{name: data[name] for name in SESSION_FIELDS},
        )
        log(instance=session, action=self.log_action, user=self.request.user)
        return session


def _attendance_button(session, priority=15):
    return Button(
        _("Attendance"),
        url=reverse("programme:attendance", args=[session.pk]),
        icon_name="tick",
        priority=priority,
    )


class TrainingSessionCreateView(_SessionSaveMixin, CreateView):
    log_action = "wagtail.create"


class TrainingSessionEditView(_SessionSaveMixin, ScopedViewSetMixin.edit_view_class):
    def existing_session(self):
        return self.object

    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, _attendance_button(self.object, priority=5)]


class TrainingSessionIndexView(ScopedViewSetMixin.index_view_class):
    def get_list_more_buttons(self, instance):
        return [*super().get_list_more_buttons(instance), _attendance_button(instance)]


class TrainingSessionViewSet(ScopedViewSetMixin, ModelViewSet):
    model = TrainingSession
    form_class = TrainingSessionForm
    index_view_class = TrainingSessionIndexView
    add_view_class = TrainingSessionCreateView
    edit_view_class = TrainingSessionEditView
    filterset_class = TrainingSessionFilterSet
    icon = "date"
    menu_label = _("Training sessions")
    list_display = [
        "title",
        "level",
        "starts_at",
        "venue",
        "region",
        Column(
            "seats",
            label=_("Seats taken"),
            accessor=lambda s: f"{s.booked_count} / {s.capacity}",
        ),
        Column("waiting_count", label=_("Waiting list"), accessor="waiting_count"),
        Column("present_count", label=_("Present"), accessor="present_count"),
        BooleanColumn("is_cancelled", label=_("Cancelled")),
    ]
    list_export = [
        "title",
        "level",
        "region",
        "starts_at",
        "ends_at",
        "venue",
        "capacity",
        "booked_count",
        "waiting_count",
        "present_count",
        "is_cancelled",
    ]
    export_headings = {
        "booked_count": _("Seats taken"),
        "waiting_count": _("Waiting list"),
        "present_count": _("Present"),
    }
    search_fields = ["title", "title_en", "venue", "venue_en"]
    ordering = ["-starts_at", "-pk"]
    copy_view_enabled = False

    def scope_queryset(self, queryset, user):
        visible = sessions_visible_to(user).values("pk")
        return with_seat_counts(queryset.filter(pk__in=visible)).select_related("region")


class ProgrammeViewSetGroup(ViewSetGroup):
    menu_label = _("Programme")
    menu_icon = "group"
    menu_order = 200
    items = (
        CohortViewSet("cohorts"),
        MembershipViewSet("memberships"),
        TrainingSessionViewSet("training_sessions"),
        AutoAssignViewSet(),
    )


@hooks.register("register_admin_viewset")
def register_programme_viewsets():
    return ProgrammeViewSetGroup()


@hooks.register("register_admin_viewset")
def register_learner_import_viewset():
    return LearnerImportViewSet()
