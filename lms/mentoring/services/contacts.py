"""Coaching contacts a mentor records with her mentees."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.core.signals import progress_changed

from ..models import CoachingContact
from ..permissions import can_log_contact


def coaching_contact_log(
    *,
    mentor,
    learner,
    contact_date,
    mode,
    minutes,
    summary,
    client_token,
    follow_up_on=None,
    private_note="",
) -> tuple[CoachingContact, bool]:
    """Record a contact with a current mentee. The form's client_token makes it idempotent:
    a double submit returns the first record. Returns (contact, created)."""
    if not can_log_contact(mentor, learner):
        raise PermissionDenied(_("You can only log contacts with your current mentees."))
    existing = CoachingContact.objects.filter(mentor=mentor, client_token=client_token).first()
    if existing:
        return existing, False
    errors = {}
    today = timezone.localdate()
    joined = timezone.localtime(learner.date_joined).date()
    if contact_date > today:
        errors["contact_date"] = _("The date cannot be in the future.")
    elif contact_date < joined:
        errors["contact_date"] = _(
            "The date cannot be before she joined the platform (%(date)s)."
        ) % {"date": joined.isoformat()}
    if follow_up_on and follow_up_on < contact_date:
        errors["follow_up_on"] = _("The follow-up cannot be before the contact.")
    if errors:
        raise ValidationError(errors)
    contact = CoachingContact(
        mentor=mentor,
        learner=learner,
        contact_date=contact_date,
        mode=mode,
        minutes=minutes,
        summary=summary,
        follow_up_on=follow_up_on,
        private_note=private_note,
        client_token=client_token,
    )
    contact.full_clean()
    try:
        with transaction.atomic():
            contact.save()
            progress_changed([learner.pk], sender=CoachingContact)
    except IntegrityError:
        return CoachingContact.objects.get(mentor=mentor, client_token=client_token), False
    return contact, True
