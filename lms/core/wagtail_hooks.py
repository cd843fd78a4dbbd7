from wagtail import hooks

from .kept_responses import kept


@hooks.register("on_serve_page")
def keep_pages_whole(serve):
    """A page, once its visitor may see it (the before_serve_page hooks have run), is kept
    for her until something it shows changes (kept_responses.py)."""

    def serve_kept(page, request, args, kwargs):
        return kept(request, lambda: serve(page, request, args, kwargs))

    return serve_kept
