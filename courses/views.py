from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.accounts.decorators import login_required_with_message, safe_url
from lms.accounts.permissions import learners_visible_to
from lms.core.hooks import LEARNER_HOME_PANELS, PERSON_PROGRESS_PANELS, panels
from lms.core.kept_responses import kept_response

from .models import CoursePage, LessonPage
from .selectors import learner_progress
from .services import enrolment_create, lesson_complete


@login_required_with_message
@kept_response
def dashboard(request):
    return render(
        request,
        "courses/dashboard.html",
        {
            "progress": learner_progress(request.user),
            "learner": request.user,
            "panels": panels(LEARNER_HOME_PANELS, request, request.user),
        },
    )


@login_required_with_message
def learner_detail(request, user_id):
    learner = get_object_or_404(learners_visible_to(request.user), pk=user_id)
    return render(
        request,
        "courses/learner_progress.html",
        {
            "progress": learner_progress(learner),
            "learner": learner,
            "panels": panels(PERSON_PROGRESS_PANELS, request, learner),
        },
    )


@require_POST
@login_required_with_message
def lesson_complete_view(request, page_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=page_id)
    try:
        _completion, created = lesson_complete(learner=request.user, lesson=lesson)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(lesson.get_url(request))
    if created:
        messages.success(
            request, _("Well done! Lesson “%(title)s” is complete.") % {"title": lesson.title}
        )
    else:
        messages.info(request, _("You had already completed this lesson."))
    return redirect(safe_url(request, request.POST.get("next", "")) or lesson.get_url(request))


@require_POST
@login_required_with_message
def course_enrol_view(request, page_id):
    course = get_object_or_404(CoursePage.objects.live(), pk=page_id)
    try:
        enrolment_create(learner=request.user, course=course)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect(course.get_url(request))
    messages.success(request, _("You are enrolled in “%(title)s”.") % {"title": course.title})
    return redirect(course.get_url(request))
