from functools import wraps

from django.core.exceptions import PermissionDenied

from lms.accounts.decorators import login_required_with_message

from .permissions import is_mentor


def mentor_required(view):
    """For the mentor's pages: signed in, and an eligible mentor."""

    @login_required_with_message
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_mentor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
