from wagtail import hooks

from .models import LessonPage
from .services import lesson_visit


@hooks.register("before_serve_page")
def note_lesson_activity(page, request, serve_args, serve_kwargs):
    """A signed-in learner reading a lesson is active in its course (throttled)."""
    if isinstance(page, LessonPage) and request.user.is_authenticated:
        lesson_visit(learner=request.user, lesson=page)
