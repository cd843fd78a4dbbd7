from django.utils.functional import SimpleLazyObject

from .selectors import unread_count


def notifications(request):
    """The unread count for the header badge; one query, and only if a template uses it."""
    user = getattr(request, "user", None)
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user) if user else 0)}
