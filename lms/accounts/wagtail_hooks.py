from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from lms.core.admin_scoping import ScopedViewSetMixin, ServiceErrorsOnFormMixin

from .models import Region
from .permissions import regions_visible_to
from .services import region_create


class RegionForm(WagtailAdminModelForm):
    parent = forms.ModelChoiceField(
        label=_("Inside"),
        queryset=Region.objects.none(),
        required=False,
        help_text=_("Leave empty for a new province (administrators only)."),
    )

    class Meta:
        model = Region
        fields = ["name", "name_en", "kind", "code"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = regions_visible_to(self.for_user).order_by("path")
        if self.instance.pk:
            # Moving a region would move everyone under it; not done from this form.
            del self.fields["parent"]


class RegionCreateView(ServiceErrorsOnFormMixin, CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return region_create(
            name=data["name"],
            name_en=data["name_en"],
            kind=data["kind"],
            code=data["code"],
            parent=data.get("parent"),
            actor=self.request.user,
        )


class RegionViewSet(ScopedViewSetMixin, ModelViewSet):
    model = Region
    form_class = RegionForm
    add_view_class = RegionCreateView
    icon = "site"
    menu_label = _("Regions")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "name_en", "kind", "code"]
    list_filter = ["kind"]
    list_export = ["name", "name_en", "kind", "code", "depth"]
    search_fields = ["name", "name_en", "code"]
    ordering = ["path"]
    copy_view_enabled = False

    def scope_queryset(self, queryset, user):
        return queryset.filter(pk__in=regions_visible_to(user).values("pk"))


@hooks.register("register_admin_viewset")
def register_region_viewset():
    return RegionViewSet("regions")


@hooks.register("construct_reports_menu")
def hide_site_history_from_regional_staff(request, menu_items):
    # The site history lists actions in every region; staff see only their own regions.
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]
