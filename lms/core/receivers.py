"""What makes the cached site data stale (see caching.py): a locale, a site, a page published,
unpublished, moved or deleted, a view restriction."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .caching import bump


def _pages_changed(**kwargs):
    bump("pages")


def connect():
    for model, names in (
        (Locale, ("locales", "pages")),
        (Site, ("sites", "pages")),
        (PageViewRestriction, ("restrictions",)),
    ):
        for signal in (post_save, post_delete):
            signal.connect(
                lambda names=names, **kwargs: bump(*names),
                sender=model,
                weak=False,
                dispatch_uid=f"core-{signal is post_save}-{model.__name__}",
            )
    page_published.connect(_pages_changed, dispatch_uid="core-page-published")
    page_unpublished.connect(_pages_changed, dispatch_uid="core-page-unpublished")
    post_page_move.connect(_pages_changed, dispatch_uid="core-page-moved")
    for model in apps.get_models():
        if issubclass(model, Page):
            post_delete.connect(_pages_changed, sender=model, dispatch_uid=f"core-del-{model}")
