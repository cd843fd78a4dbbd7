from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.accounts.permissions import learners_visible_to

from .models import CoursePage, LessonPage
from .selectors import learner_progress
from .services import enrolment_create, lesson_complete


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
                next_url = _safe_url(request, request.headers.get("Referer", "")) or reverse(
                    "learn:dashboard"
                )
            return redirect_to_login(next_url)
        return view(request, *args, **kwargs)

    return wrapper


def _safe_url(request, url):
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return None


@login_required_with_message
def dashboard(request):
    return render(
        request,
        "courses/dashboard.html",
        {"progress": learner_progress(request.user), "learner": request.user},
    )


@login_required_with_message
def learner_detail(request, user_id):
    learner = get_object_or_404(learners_visible_to(request.user), pk=user_id)
    return render(
        request,
        "courses/learner_progress.html",
        {"progress": learner_progress(learner), "learner": learner},
    )


@require_POST
@login_required_with_message
def lesson_complete_view(request, page_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=page_id)
    _completion, created = lesson_complete(learner=request.user, lesson=lesson)
    if created:
        messages.success(
            request, _("Well done! Lesson “%(title)s” is complete.") % {"title": lesson.title}
        )
    else:
        messages.info(request, _("You had already completed this lesson."))
    return redirect(_safe_url(request, request.POST.get("next", "")) or lesson.get_url(request))


@require_POST
@login_required_with_message
def course_enrol_view(request, page_id):
    course = get_object_or_404(CoursePage.objects.live(), pk=page_id)
    enrolment_create(learner=request.user, course=course)
    messages.success(request, _("You are enrolled in “%(title)s”.") % {"title": course.title})
    return redirect(course.get_url(request))
