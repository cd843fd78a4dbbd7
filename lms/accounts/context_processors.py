from django.utils.functional import SimpleLazyObject

from .roles import can_use_admin


def roles(request):
    """Whether the header offers the admin (from her roles, kept in memory)."""
    user = getattr(request, "user", None)
    return {"can_use_admin": SimpleLazyObject(lambda: bool(user and can_use_admin(user)))}
