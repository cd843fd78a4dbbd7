"""The language switch: a plain link to the same page in the other language (no form, no
token, so it works from a kept page, a cached one and, later, offline)."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from lms.core.caching import memoized
from lms.core.middleware import CHOICE_PARAMETER

register = template.Library()


def _translation_path(page, language):
    def compute():
        locale = Locale.objects.filter(language_code=language).first()
        translation = locale and page.get_translation_or_none(locale)
        if translation is None or not translation.live:
            return None
        return translation.get_url_parts()[2]

    return memoized(("translation-path", page.pk, language), depends_on=("pages",), compute=compute)


@register.inclusion_tag("core/language_switch.html", takes_context=True)
def language_switch(context):
    request = context.get("request")
    current = get_language()
    others = [(code, name) for code, name in settings.LANGUAGES if code != current]
    links = []
    for code, name in others:
        page = context.get("page")
        url = None
        if isinstance(page, Page) and request is not None:
            path = _translation_path(page, code)
            url = path and path + (f"?{request.META['QUERY_STRING']}" if request.GET else "")
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        url = url or "/"
        # The choice is remembered on the way (LanguageChoiceMiddleware): her account and a
        # cookie keep it for her next visit, her texts and emails.
        url += ("&" if "?" in url else "?") + f"{CHOICE_PARAMETER}={code}"
        links.append({"code": code, "name": name, "url": url})
    return {"links": links}
