from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _


def safe_url(request, url):
    """`url` if it points at this site, else None."""
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return None


def login_required_with_message(view):
    """Like login_required, but tells the person why she is asked to log in (for example when
    her session expired while she was reading)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            messages.info(request, _("Please log in to continue. Nothing has been changed."))
            next_url = request.get_full_path()
            if request.method == "POST":
                # After logging in she goes back to the page she was on, not to a POST-only URL.
                next_url = safe_url(request, request.headers.get("Referer", "")) or reverse(
                    "learn:dashboard"
                )
            return redirect_to_login(next_url)
        return view(request, *args, **kwargs)

    return wrapper
