from django.utils.functional import SimpleLazyObject

from .permissions import is_mentor


def mentoring(request):
    user = getattr(request, "user", None)
    return {"is_mentor": SimpleLazyObject(lambda: bool(user and is_mentor(user)))}
