"""Serving Wagtail pages without walking the tree on every request.

Wagtail routes a URL by asking each level of the page tree for the next slug (two queries a
level: five levels for a lesson). A page's URL path is stored on it, so `serve` here finds the
page by that path, through a map kept in the cache until a page is published, unpublished,
moved or deleted (the "pages" generation), then takes that page from the process's memory
(loaded once per generation, its content blocks already read); Wagtail's own routing still
answers anything the map does not know (and every page type with its own `route`)."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult
from wagtail.views import serve as wagtail_serve

from .caching import cached, memoized


def _site(request):
    """The request's Wagtail site, from each process's memory (Wagtail asks the database
    on every request)."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = memoized(
            ("site", request.get_host(), request.get_port()),
            depends_on=("sites",),
            compute=lambda: Site._find_for_request(request),
        )
    return request._wagtail_site


def _root_url_path(site, language):
    def compute():
        root = site.root_page.localized
        return root.url_path

    return memoized(("root", site.pk, language), depends_on=("pages",), compute=compute)


def _page_key(url_path):
    """(page id, content type id) of the page at `url_path`, or None."""

    def compute():
        row = (
            Page.objects.filter(url_path=url_path)
            .values_list("pk", "content_type_id")
            .order_by("pk")
            .first()
        )
        return tuple(row) if row else None

    return cached(("page-at", url_path), depends_on=("pages",), compute=compute)


def find_page(request, path):
    site = _site(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    url_path = _root_url_path(site, get_language()) + "".join(f"{c}/" for c in components)
    key = _page_key(url_path)
    if key is None:
        return None
    model = ContentType.objects.get_for_id(key[1]).model_class()
    if model is None or "route" in model.__dict__:  # a page type with routes of its own
        return None
    return _live_page(model, key[0])


def _live_page(model, pk):
    """The live page, kept in this process until a page is published (or moved, deleted) or
    a quiz or task its blocks name changes (the ladder): shared by the requests, never
    changed by them."""

    def compute():
        page = model.objects.filter(pk=pk, live=True).first()
        for field in model._meta.concrete_fields if page else ():
            if isinstance(field, StreamField):
                list(getattr(page, field.attname))  # the blocks' snippets and images, read now
        return page

    return memoized(("live-page", pk), depends_on=("pages", "ladder"), compute=compute)


def serve(request, path):
    """Wagtail's serve view, with the page found by its URL path."""
    if not hasattr(request, "_wagtail_route_for_request"):
        page = find_page(request, path)
        if page is not None:
            request._wagtail_route_for_request = RouteResult(page)
    return wagtail_serve(request, path)


class CurrentSiteMiddleware:
    """The request's Wagtail site from memory, for every request (the settings in the page's
    header ask for it too)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _site(request)
        return self.get_response(request)
