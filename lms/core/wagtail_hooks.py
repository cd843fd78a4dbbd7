from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from .kept_responses import kept
from .models import OutboxTask


@hooks.register("on_serve_page")
def keep_pages_whole(serve):
    """A page, once its visitor may see it (the before_serve_page hooks have run), is kept
    for her until something it shows changes (kept_responses.py)."""

    def serve_kept(page, request, args, kwargs):
        return kept(request, lambda: serve(page, request, args, kwargs))

    return serve_kept


class _PlatformTeamOnly(BasePermissionPolicy):
    """The background tasks are the platform team's (administrators): read only, since the
    outbox writes and runs them (`manage.py outbox_relay --retry-failed` tries the given-up
    ones again)."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return "view" in actions and user.is_active and user.is_superuser


register_permission_policy(OutboxTask, _PlatformTeamOnly(OutboxTask))


class OutboxTaskViewSet(ModelViewSet):
    model = OutboxTask
    icon = "cogs"
    menu_label = _("Background tasks")
    menu_order = 9000
    add_to_settings_menu = True
    list_display = ["task", "state", "created_at", "attempts", "done_at", "last_error"]
    list_filter = ["done_at", "failed_at"]
    search_fields = ["task", "last_error"]
    ordering = ["-pk"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "task",
        "args",
        "created_at",
        "available_at",
        "published_at",
        "done_at",
        "failed_at",
        "attempts",
        "last_error",
    ]
    copy_view_enabled = False
    form_fields = ["task"]  # never offered: the policy allows reading only


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxTaskViewSet("background_tasks")


@hooks.register("register_log_actions")
def register_decision_actions(actions):
    from .history import ACTIONS

    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)
