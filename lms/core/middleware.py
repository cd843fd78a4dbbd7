from csp.constants import SELF, UNSAFE_EVAL, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connections
from django.http import HttpResponseRedirect
from django.http.response import HttpResponseRedirectBase
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

    def process_response(self, request, response):
        # A redirect shows nothing for a policy to guard (the page it leads to has its own):
        # a quiz submission or a saved form is spared building one.
        if isinstance(response, HttpResponseRedirectBase):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(_admin_prefix()) and not report_only:
            parts.update = {**(parts.update or {}), **self.ADMIN_SCRIPTS}
        return parts


def _admin_prefix():
    return reverse("wagtailadmin_home")


CHOICE_PARAMETER = "language"


class LanguageChoiceMiddleware:
    """The language switch's links carry `?language=<code>`: the choice is remembered (her
    account's preferred language when she is signed in, which her texts, emails and next
    log-in follow, and the language cookie), then she is sent to the same address without
    the marker, in the language the address says."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.GET.get(CHOICE_PARAMETER)
        if request.method != "GET" or chosen not in dict(settings.LANGUAGES):
            return self.get_response(request)
        user = request.user
        if user.is_authenticated and getattr(user, "preferred_language", chosen) != chosen:
            from lms.accounts.services import user_preferred_language_set

            user_preferred_language_set(user=user, language=chosen)
        query = request.GET.copy()
        query.pop(CHOICE_PARAMETER)
        target = request.path + (f"?{query.urlencode()}" if query else "")
        response = HttpResponseRedirect(target)
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            chosen,
            max_age=365 * 24 * 60 * 60,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
        return response
