from csp.constants import SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.core.exceptions import PermissionDenied
from django.db import connections
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.views.defaults import permission_denied


class QueryCountMiddleware:
    """For `manage.py benchmark_pages` only (settings.BENCHMARK_MODE): a request that asks with
    the header X-Count-Queries is answered with X-Queries, the number of database queries it
    made. Without the header it costs nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "HTTP_X_COUNT_QUERIES" not in request.META:
            return self.get_response(request)
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Queries"] = str(count)
        return response


class AdminForbiddenMiddleware:
    """A signed-in learner or mentor who opens the Wagtail admin gets the plain "not allowed"
    page in her language, once (Wagtail would send her to the login page, which sends her
    back, forever). Anonymous visitors still go to the login page."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        if self.prefix is None:
            self.prefix = reverse("wagtailadmin_home")
            self.open = {reverse("wagtailadmin_login"), reverse("wagtailadmin_logout")}
        if (
            request.path.startswith(self.prefix)
            and request.path not in self.open
            and request.user.is_authenticated
            and not request.user.has_perm("wagtailadmin.access_admin")
        ):
            # The admin has no language in its address: her own language, if she chose one.
            language = getattr(request.user, "preferred_language", "") or get_language()
            with translation.override(language):
                request.LANGUAGE_CODE = translation.get_language()
                return permission_denied(request, PermissionDenied())
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy (settings.CONTENT_SECURITY_POLICY: no inline script anywhere a
    learner, mentor or visitor goes), with the Wagtail admin's own needs on its pages: its
    editors run inline scripts that staff and editors (trusted, signed in) load."""

    ADMIN_SCRIPTS = {"script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL]}

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(_admin_prefix()) and not report_only:
            parts.update = {**(parts.update or {}), **self.ADMIN_SCRIPTS}
        return parts


def _admin_prefix():
    return reverse("wagtailadmin_home")
