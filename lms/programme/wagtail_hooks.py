import django_filters
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from lms.accounts.admin_scoping import ScopedViewSetMixin, ServiceErrorsOnFormMixin
from lms.accounts.models import Region, User
from lms.accounts.permissions import learners_managed_by, regions_visible_to
from lms.accounts.roles import LEARNER, PROGRAMME_STAFF

from .models import Cohort, CohortMembership, MembershipStatus
from .permissions import cohorts_visible_to, memberships_visible_to
from .services import membership_add, membership_set_status


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


class ProgrammeViewSetGroup(ViewSetGroup):
    menu_label = _("Programme")
    menu_icon = "group"
    menu_order = 200
    items = (CohortViewSet("cohorts"), MembershipViewSet("memberships"))


@hooks.register("register_admin_viewset")
def register_programme_viewsets():
    return ProgrammeViewSetGroup()
