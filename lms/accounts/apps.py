from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import roles

        post_migrate.connect(roles.sync_role_groups_after_migrate, dispatch_uid="accounts.roles")


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with our profile fields (phone, region, staff regions)."""

    user_viewset = "lms.accounts.viewsets.UserViewSet"
