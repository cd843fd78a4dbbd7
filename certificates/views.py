import io
import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_ratelimit.core import is_ratelimited

from lms.accounts.decorators import login_required_with_message
from lms.accounts.permissions import learners_visible_to
from lms.core.caching import valid_until
from lms.core.dates import end_of_today
from lms.core.kept_responses import kept
from lms.core.translation import localized
from lms.programme.models import TrainingSession

from .forms import ObservationForm, SignOffForm
from .models import Certificate, FacilitationObservation
from .permissions import (
    can_download,
    can_observe,
    can_sign_off,
    sessions_observable_by,
)
from .readiness import held_level_ids, ladder, next_level, observation_rubric, readiness_for
from .selectors import checklist, learner_certificates, verification
from .services import (
    certificate_pdf_bytes,
    observation_record,
    sign_off_create,
    verification_url,
)

logger = logging.getLogger(__name__)


@login_required_with_message
def mine(request):
    certificates = learner_certificates(request.user)
    for certificate in certificates:
        certificate.share_url = verification_url(certificate)
    return render(
        request,
        "certificates/mine.html",
        {"certificates": certificates, "today": timezone.localdate()},
    )


@login_required_with_message
def download(request, certificate_id):
    certificate = get_object_or_404(
        Certificate.objects.select_related("learner"), pk=certificate_id
    )
    if not can_download(request.user, certificate):
        raise Http404
    try:
        if certificate.pdf and certificate.pdf.storage.exists(certificate.pdf.name):
            handle = certificate.pdf.open("rb")
        else:
            # The task stores it right after issue; until it has run, she gets one made now
            # (reading a page stores nothing).
            handle = io.BytesIO(certificate_pdf_bytes(certificate))
    except (ImproperlyConfigured, OSError):
        logger.exception("certificate %s: the PDF could not be made", certificate.pk)
        messages.error(
            request, _("The PDF of this certificate is being prepared. Please try again later.")
        )
        return redirect("certificates:mine")
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"{certificate.serial}.pdf",
        content_type="application/pdf",
    )


def too_many_checks(request, group):
    """The public checks' limit per client address (generous for a person, hard for a
    script): the page that says so, or None."""
    if is_ratelimited(
        request, group=group, key="ip", rate=settings.CERTIFICATE_VERIFY_RATE, increment=True
    ):
        return render(request, "certificates/verify_limited.html", status=429)
    return None


@never_cache
def verify(request, code):
    """Public: is this certificate genuine? Only what the paper itself shows."""
    if limited := too_many_checks(request, "certificate-verify"):
        return limited
    return kept(request, lambda: _verification_page(request, code))


def _verification_page(request, code):
    certificate = verification(code)
    if certificate is None:
        return render(request, "certificates/verify.html", {"certificate": None}, status=404)
    design = certificate.design or {}
    english = (get_language() or "").startswith("en")
    level_name = design.get("level_name_en" if english else "level_name") or certificate.level
    if certificate.expires_on:  # it shows as expired from the day after
        valid_until(end_of_today())
    return render(
        request,
        "certificates/verify.html",
        {
            "certificate": certificate,
            "status": certificate.shown_status(),
            "level_name": level_name,
            "programme_name": design.get("programme_name_en" if english else "programme_name"),
        },
    )


@login_required_with_message
def sign_off(request, learner_id):
    learner = get_object_or_404(learners_visible_to(request.user), pk=learner_id)
    if not can_sign_off(request.user, learner):
        raise PermissionDenied(_("Only her current mentor can sign her off."))
    level = next_level(ladder(), held_level_ids(learner))
    if level is None:
        messages.info(request, _("She already holds every level."))
        return redirect("mentoring:mentee", learner.pk)
    readiness = readiness_for(learner, level)
    if not readiness.sign_off_open:
        # Said before she types her comment, not after.
        missing = len(readiness.missing_before_sign_off)
        messages.info(
            request,
            _("She cannot be signed off for %(level)s yet: %(n)s requirements still missing.")
            % {"level": localized(level).name, "n": missing}
            if missing
            else _("There is nothing to sign off for %(level)s.")
            % {"level": localized(level).name},
        )
        return redirect("mentoring:mentee", learner.pk)
    form = SignOffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["level"] != level.pk:
            messages.error(request, _("Her next level has changed; please look again."))
        else:
            try:
                sign_off_create(
                    learner=learner,
                    level=level,
                    mentor=request.user,
                    comment=form.cleaned_data["comment"],
                )
            except ValidationError as exc:
                for message in exc.messages:
                    form.add_error(None, message)
            else:
                messages.success(
                    request,
                    _("You signed %(name)s off for %(level)s.")
                    % {"name": learner, "level": localized(level).name},
                )
                return redirect("mentoring:mentee", learner.pk)
    return render(
        request,
        "certificates/sign_off.html",
        {
            "learner": learner,
            "form": form,
            "level": level,
            "checklist": checklist(learner, level, for_learner=False),
        },
    )


@login_required_with_message
def observations(request):
    """Sessions this person may rate co-facilitators in: those she leads, and (staff) those
    of her regions. The latest first."""
    sessions = list(
        sessions_observable_by(request.user)
        .filter(starts_at__lte=timezone.now(), co_facilitators__isnull=False)
        .distinct()
        .order_by("-starts_at")
        .prefetch_related("co_facilitators")[:50]
    )
    rated = set(
        FacilitationObservation.objects.filter(session__in=sessions).values_list(
            "session_id", "candidate_id"
        )
    )
    rows = [
        (session, candidate, (session.pk, candidate.pk) in rated)
        for session in sessions
        for candidate in session.co_facilitators.all()
        if candidate.pk != request.user.pk
    ]
    return render(request, "certificates/observations.html", {"rows": rows})


@login_required_with_message
def observe(request, session_id, candidate_id):
    session = get_object_or_404(TrainingSession, pk=session_id)
    candidate = get_object_or_404(session.co_facilitators.all(), pk=candidate_id)
    if not can_observe(request.user, session, candidate):
        raise PermissionDenied(
            _("Only a facilitator of this session or programme staff can rate it.")
        )
    existing = FacilitationObservation.objects.filter(session=session, candidate=candidate).first()
    rubric = observation_rubric(session)
    if rubric is None:
        raise Http404(_("No observation rubric is set on the certification ladder."))
    criteria = list(rubric.criteria.all())
    form = ObservationForm(request.POST or None, criteria=criteria)
    if request.method == "POST" and existing is None and form.is_valid():
        try:
            observation_record(
                session=session,
                candidate=candidate,
                observer=request.user,
                rubric=rubric,
                choices=form.choices(),
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Your rating is saved. She has been told."))
            return redirect("certificates:observations")
    elif request.method == "POST" and existing is not None:
        messages.info(request, _("Her co-facilitation of this session is already rated."))
    return render(
        request,
        "certificates/observe.html",
        {
            "session": session,
            "candidate": candidate,
            "rubric": localized(rubric),
            "form": form,
            "existing": existing,
        },
    )
