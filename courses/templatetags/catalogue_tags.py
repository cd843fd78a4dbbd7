from django import template
from django.utils.translation import get_language

from lms.core.caching import memoized

from ..models import CourseIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def catalogue_url(context):
    """The course catalogue's address in the reader's language (the header's "Courses"),
    kept in memory until a page changes."""
    request = context.get("request")
    site = getattr(request, "_wagtail_site", None)

    def find():
        catalogue = CourseIndexPage.objects.live().filter(locale__language_code=get_language())
        page = catalogue.first() or CourseIndexPage.objects.live().first()
        return page.get_url(request) if page else "/"

    key = ("catalogue-url", site.pk if site else None, get_language())
    return memoized(key, depends_on=("pages",), compute=find)
