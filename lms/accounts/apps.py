from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    # Two AppConfigs live here: without this, Django would use neither for "lms.accounts"
    # (and ready() below would never run).
    default = True
    name = "lms.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import m2m_changed

        from lms.core.signals import track_learner_rows

        from . import roles
        from .models import User

        post_migrate.connect(roles.sync_role_groups_after_migrate, dispatch_uid="accounts.roles")
        m2m_changed.connect(
            roles.roles_changed, sender=User.groups.through, dispatch_uid="accounts.roles-changed"
        )
        track_learner_rows(User, field="pk")  # her account, kept for her pages (backends.py)
        from django.db.models.signals import post_save
        from wagtail.users.models import UserProfile

        post_save.connect(
            _admin_language_chosen, sender=UserProfile, dispatch_uid="accounts.admin-language"
        )


def _admin_language_chosen(sender, instance, **kwargs):
    """A language chosen on Wagtail's account page is hers everywhere (the site, texts)."""
    from .models import User

    language = instance.preferred_language
    if language and User.objects.filter(pk=instance.user_id).exclude(
        preferred_language=language
    ).update(preferred_language=language):
        from lms.core.caching import learner_changed

        learner_changed([instance.user_id])


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with our profile fields (phone, region, staff regions)."""

    user_viewset = "lms.accounts.viewsets.UserViewSet"
