"""The mentor's workspace (/mentor/), mobile-first."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from courses.selectors import learner_progress
from lms.accounts.admin_scoping import add_service_error
from lms.accounts.decorators import login_required_with_message
from lms.accounts.extensions import MENTEE_DETAIL, person_panels
from lms.accounts.models import User

from .forms import CoachingContactForm
from .permissions import can_see_private_note, contacts_visible_to, is_current_mentor, is_mentor
from .selectors import FLAGS, SORTS, flag_counts, flag_labels, mentee_detail, mentee_rows
from .services import coaching_contact_log


def mentor_required(view):
    @login_required_with_message
    def wrapper(request, *args, **kwargs):
        if not is_mentor(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _current_mentee_or_404(request, learner_id):
    learner = get_object_or_404(User, pk=learner_id)
    if not is_current_mentor(request.user, learner):
        raise Http404
    return learner


@mentor_required
def home(request):
    flag = request.GET.get("flag", "")
    flag = flag if flag in (*FLAGS, "any") else ""
    sort = request.GET.get("sort", "flags")
    sort = sort if sort in SORTS else "flags"
    search = request.GET.get("q", "").strip()[:50]
    rows = mentee_rows(request.user, flag=flag, search=search, sort=sort)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "mentoring/home.html",
        {
            "page": page,
            "rows": page.object_list,
            "flag": flag,
            "sort": sort,
            "search": search,
            "counts": flag_counts(request.user),
            "flag_labels": flag_labels(),
        },
    )


@mentor_required
def mentee(request, learner_id):
    learner = _current_mentee_or_404(request, learner_id)
    row, contacts = mentee_detail(request.user, learner)
    return render(
        request,
        "mentoring/mentee.html",
        {
            "learner": learner,
            "row": row,
            "flag_labels": flag_labels(),
            "progress": learner_progress(learner),
            "panels": person_panels(MENTEE_DETAIL, request, learner),
            "contacts": [
                (c, can_see_private_note(request.user, c, viewer_is_current_mentor=True))
                for c in contacts
            ],
        },
    )


@mentor_required
def contact_new(request, learner_id):
    learner = _current_mentee_or_404(request, learner_id)
    form = CoachingContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _contact, created = coaching_contact_log(
                mentor=request.user, learner=learner, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            if created:
                messages.success(request, _("Contact with %(name)s recorded.") % {"name": learner})
            else:
                messages.info(request, _("This contact was already recorded."))
            return redirect("mentoring:mentee", learner_id=learner.pk)
    return render(request, "mentoring/contact_form.html", {"learner": learner, "form": form})


@mentor_required
def contact_detail(request, contact_id):
    contact = get_object_or_404(
        contacts_visible_to(request.user).select_related("learner", "mentor"), pk=contact_id
    )
    return render(
        request,
        "mentoring/contact_detail.html",
        {"contact": contact, "show_private": can_see_private_note(request.user, contact)},
    )
