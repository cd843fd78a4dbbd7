"""Admin pages of programme staff: shown and allowed to programme staff only (their data is
limited to their regions by each viewset's scope)."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from .permissions import is_programme_staff


def require_programme_staff(request):
    """For admin pages of programme staff only (their data is limited to their regions)."""
    if not is_programme_staff(request.user):
        raise PermissionDenied


class StaffMenuItem(MenuItem):
    """An admin menu item shown to programme staff only."""

    def is_shown(self, request):
        return is_programme_staff(request.user)


class StaffViewSet(ViewSet):
    """A set of plain admin pages for programme staff: its menu item opens its "index" URL
    and is shown to programme staff only (each view still calls require_programme_staff)."""

    menu_order = 0
    add_to_admin_menu = True  # Wagtail's default is False: without it no item is registered

    def get_menu_item(self, order=None):
        return StaffMenuItem(
            self.menu_label,
            reverse(self.get_url_name("index")),
            icon_name=self.icon,
            order=order or self.menu_order,
        )
