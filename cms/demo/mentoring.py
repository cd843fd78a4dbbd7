"""The demo mentors' profiles, who mentors whom since when, and the coaching contacts they
logged (mentoring.yaml; the contacts the ladder needs come from ladder.yaml).

Why each at its moment, through the mentoring services: the mentor's list flags a mentee by
how long ago her mentoring started, her last contact and a follow-up that fell due, so these
dates are the demo's point; and the services check what a mentor may do (a contact only with
a current mentee, never dated in the future), tell mentor and mentee of a new assignment,
and make a logged contact idempotent by its token. A learner who has a mentor, a contact
already logged and a profile already set up are left as they are."""

import datetime
import uuid

from certificates.models import Certificate
from cms.demo.load import load
from lms.mentoring.models import MentorAssignment, MentorProfile
from lms.mentoring.services import (
    assignments_notify,
    coaching_contact_log,
    mentor_assign,
    mentor_profile_save,
)


def seed_mentor_profiles(people, regions, clock):
    """Each demo mentor's places and regions, set by staff an hour after her trainer
    certificate made her a mentor (ladder.py issues it first)."""
    for phone, data in load("mentoring")["mentors"].items():
        mentor = people[phone]
        profile = MentorProfile.objects.filter(user=mentor).first()
        if profile is not None and profile.regions.exists():
            continue  # set up before: staff may have changed it since
        became_trainer = (
            Certificate.objects.filter(learner=mentor, level__grants_mentoring=True)
            .earliest("issued_at")
            .issued_at
        )
        with clock.at(became_trainer + datetime.timedelta(hours=1)):
            mentor_profile_save(
                user=mentor,
                regions=[regions[code] for code in data["serves"]],
                is_active=True,
                capacity=data["capacity"],
                shares_phone=True,
            )


def seed_mentoring(people, clock):
    """Who mentors whom since when, and the contacts each mentor logged with her mentees."""
    data = load("mentoring")
    for mentor_phone, mentor_data in data["mentors"].items():
        for phone, days_ago in mentor_data.get("mentees", {}).items():
            learner = people[phone]
            if MentorAssignment.objects.filter(learner=learner, ended_at__isnull=True).exists():
                continue
            with clock.at(clock.ago(days=days_ago)):
                assignment = mentor_assign(
                    learner=learner, mentor=people[mentor_phone], reason=data["reason"]
                )
                # Told that day, not after the commit (the task it queued finds them sent).
                assignments_notify(assignment_ids=[assignment.pk])
    contacts = data["contacts"]
    for contact in contacts["log"]:
        learner = people[contact["learner"]]
        log_contact(
            learner,
            contact,
            summary=contacts["summary"],
            private_note=contacts["private_note"],
            # The token the demo has always used for these (the learner's id and the day):
            # a database seeded before gets no second copy.
            token=f"demo-contact:{learner.pk}:{contact['days_ago']}",
            clock=clock,
        )


def log_contact(learner, contact, *, summary, token, clock, private_note=""):
    """Her current mentor logs the contact on the day it took place. `contact` has its
    `days_ago`, `mode`, `minutes` and optionally `follow_up_in_days` (from today)."""
    assignment = MentorAssignment.objects.filter(learner=learner, ended_at__isnull=True).first()
    if assignment is None:
        return  # staff ended her mentoring in the demo: leave her as she is
    follow_up = contact.get("follow_up_in_days")
    with clock.at(clock.ago(days=contact["days_ago"])):
        coaching_contact_log(
            mentor=assignment.mentor,
            learner=learner,
            contact_date=clock.today - datetime.timedelta(days=contact["days_ago"]),
            mode=contact["mode"],
            minutes=contact["minutes"],
            summary=summary,
            follow_up_on=(
                clock.today + datetime.timedelta(days=follow_up) if follow_up is not None else None
            ),
            private_note=private_note,
            client_token=uuid.uuid5(uuid.NAMESPACE_URL, token),
        )
