"""The mentor's pages about one mentee (/mentor/mentees/…), mobile-first. Her list of mentees
is the engagement app's caseload (/mentor/)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from courses.selectors import learner_progress
from lms.accounts.models import User
from lms.core.admin_scoping import add_service_error
from lms.core.hooks import MENTEE_DETAIL_PANELS, panels

from .decorators import mentor_required
from .forms import CoachingContactForm
from .permissions import can_see_private_note, contacts_visible_to, is_current_mentor
from .selectors import mentee_contacts
from .services import coaching_contact_log


def _current_mentee_or_404(request, learner_id):
    learner = get_object_or_404(User, pk=learner_id)
    if not is_current_mentor(request.user, learner):
        raise Http404
    return learner


@mentor_required
def mentee(request, learner_id):
    learner = _current_mentee_or_404(request, learner_id)
    return render(
        request,
        "mentoring/mentee.html",
        {
            "learner": learner,
            "progress": learner_progress(learner),
            "panels": panels(MENTEE_DETAIL_PANELS, request, learner),
            "contacts": [
                (c, can_see_private_note(request.user, c, viewer_is_current_mentor=True))
                for c in mentee_contacts(request.user, learner)
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
