"""Face-to-face training for learners (/learn/training/) and the facilitator's attendance
sheet. Mobile-first; every write goes through a service."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from courses.levels import Level
from lms.accounts.decorators import login_required_with_message
from lms.core.admin_scoping import add_service_error

from .forms import AttendanceForm
from .models import BookingStatus, SessionBooking, TrainingSession
from .permissions import can_mark_attendance, session_pages_visible_to
from .selectors import attendance_sheet, session_page, training_overview, waiting_position
from .services import attendance_mark, session_book, session_booking_cancel


def _session_or_404(request, session_id):
    return get_object_or_404(
        session_pages_visible_to(request.user).select_related("region"), pk=session_id
    )


@login_required_with_message
def sessions(request):
    level = request.GET.get("level", "")
    level = level if level in Level.values else ""
    overview = training_overview(request.user, level=level, page=request.GET.get("page"))
    return render(
        request,
        "programme/sessions.html",
        {"overview": overview, "level": level, "levels": Level.choices},
    )


@login_required_with_message
def session_detail(request, session_id):
    session = _session_or_404(request, session_id)
    return render(
        request, "programme/session_detail.html", {"page": session_page(request.user, session)}
    )


@require_POST
@login_required_with_message
def session_book_view(request, session_id):
    session = _session_or_404(request, session_id)
    try:
        booking = session_book(session=session, learner=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        if booking.status == BookingStatus.BOOKED:
            messages.success(request, _("Your seat is booked."))
        else:
            messages.info(
                request,
                _(
                    "The session is full. You are on the waiting list (place %(n)s); we will "
                    "tell you when a seat is yours."
                )
                % {"n": waiting_position(booking)},
            )
    return redirect("programme:session", session_id=session.pk)


@require_POST
@login_required_with_message
def booking_cancel_view(request, session_id):
    session = _session_or_404(request, session_id)
    booking = (
        SessionBooking.objects.filter(session=session, learner=request.user)
        .exclude(status=BookingStatus.CANCELLED)
        .first()
    )
    if booking is None:
        messages.info(request, _("You have no booking for this session. Nothing was changed."))
        return redirect("programme:session", session_id=session.pk)
    was_waiting = booking.status == BookingStatus.WAITING
    try:
        session_booking_cancel(booking=booking, actor=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        if was_waiting:
            messages.success(request, _("You have left the waiting list."))
        else:
            messages.success(request, _("Your booking is cancelled. Thank you for telling us."))
    return redirect("programme:session", session_id=session.pk)


@login_required_with_message
def attendance(request, session_id):
    session = get_object_or_404(TrainingSession.objects.select_related("region"), pk=session_id)
    if not can_mark_attendance(request.user, session):
        raise PermissionDenied
    sheet = attendance_sheet(session)
    form = AttendanceForm(request.POST or None, bookings=sheet.booked)
    if request.method == "POST" and form.is_valid():
        present = form.cleaned_data["present"]
        try:
            attendance_mark(session=session, actor=request.user, present_learner_ids=present)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(
                request,
                ngettext(
                    "Attendance saved: %(present)s of %(booked)s learner present.",
                    "Attendance saved: %(present)s of %(booked)s learners present.",
                    len(sheet.booked),
                )
                % {"present": len(present), "booked": len(sheet.booked)},
            )
            return redirect("programme:attendance", session_id=session.pk)
    return render(request, "programme/attendance.html", {"sheet": sheet, "form": form})
