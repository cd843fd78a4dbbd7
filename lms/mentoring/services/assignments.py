"""Who mentors whom: the one core every path goes through.

Assigning one learner, reassigning, ending, the bulk assignment of the learner import, the
automatic assignment of a cohort and a mentor losing her eligibility all call
`assignments_change`. It checks the rules in one place (staff act only on learners and
mentors of their regions; a mentor is an active, eligible mentor, never her own mentee, and
has room; a learner has one current mentor) and writes the history (an assignment is ended,
never deleted, with who and why). No other code creates or ends a MentorAssignment."""

import enum
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.models import User
from lms.accounts.permissions import learners_managed_by
from lms.core.caching import learner_changed
from lms.core.history import record_many
from lms.core.signals import activity_changed
from lms.core.tasks import enqueue_each_on_commit
from lms.notifications.models import NotificationKind
from lms.notifications.services import notify_in_language

from ..models import MentorAssignment
from ..permissions import eligible_mentor_profiles, mentor_profiles_visible_to
from ..selectors import active_mentee_counts

NOTIFY_TASK = "lms.mentoring.tasks.notify_assignments_task"
NOTIFY_BATCH = 200


class IfAssigned(enum.Enum):
    """What to do when a learner already has another mentor."""

    REFUSE = "refuse"  # tell staff to choose "reassign"
    REPLACE = "replace"  # end her current assignment with the reason (a reassignment)
    STALE = "stale"  # a plan made earlier no longer holds (automatic assignment)


@dataclass
class AssignmentChange:
    created: list = field(default_factory=list)
    ended: list = field(default_factory=list)  # the learners whose assignment ended


def _problem(message, code):
    return ValidationError(message, code=code)


@transaction.atomic
def assignments_change(
    *,
    assign=None,
    end=(),
    actor=None,
    reason="",
    if_assigned=IfAssigned.REFUSE,
    refuse_same=False,
) -> AssignmentChange:
    """Give each learner of `assign` ({learner id: mentor id}) her mentor and end the current
    assignments `end` (assignment ids), all or nothing, in a fixed number of queries whatever
    their number. `actor` (staff) may act only on learners she manages and mentors of her
    regions; None is the platform itself. A learner who already has this mentor is left as she
    is (refused with `refuse_same`). Every broken rule is reported at once (ValidationError)
    and nothing changes; the new pairs are told after the commit."""
    assign = {int(learner): int(mentor) for learner, mentor in (assign or {}).items()}
    reason = (reason or "")[:300]
    if any(learner == mentor for learner, mentor in assign.items()):
        raise _problem(_("A mentor cannot be her own mentee."), "self")
    learner_ids, mentor_ids = sorted(assign), sorted(set(assign.values()))
    ending = list(
        MentorAssignment.objects.select_for_update(of=("self",))
        .filter(pk__in=list(end))
        .order_by("pk")
    )
    if len(ending) != len(set(end)) or any(a.ended_at is not None for a in ending):
        raise _problem(_("This assignment has already ended."), "ended")
    if actor is not None:
        _check_actor(actor, {*learner_ids, *(a.learner_id for a in ending)}, mentor_ids)
    profiles = {
        p.user_id: p
        for p in eligible_mentor_profiles()
        .select_for_update(of=("self",))
        .filter(user_id__in=mentor_ids)
        .order_by("pk")
    }
    current = {
        a.learner_id: a
        for a in MentorAssignment.objects.select_for_update().filter(
            learner_id__in=learner_ids, ended_at__isnull=True
        )
    }
    people = User.objects.in_bulk(
        {*learner_ids, *mentor_ids, *(a.mentor_id for a in current.values())}
    )
    # Counts the assignments about to end too; they are taken off below.
    load = active_mentee_counts(mentor_ids)
    problems, new, to_end = [], [], list(ending)
    for mentor_id in mentor_ids:
        if mentor_id not in profiles:
            problems.append(
                _problem(
                    _("%(name)s is not an active, eligible mentor.")
                    % {"name": people.get(mentor_id, mentor_id)},
                    "ineligible",
                )
            )
    for learner_id, mentor_id in assign.items():
        learner, held = people.get(learner_id, learner_id), current.get(learner_id)
        if held is not None and held.mentor_id == mentor_id:
            if refuse_same:
                problems.append(
                    _problem(
                        _("%(mentor)s is already the mentor of %(learner)s.")
                        % {"mentor": people.get(mentor_id, mentor_id), "learner": learner},
                        "same",
                    )
                )
            continue
        if held is not None and if_assigned == IfAssigned.REFUSE:
            problems.append(
                _problem(
                    _(
                        "%(learner)s already has a mentor (%(mentor)s). Choose “reassign” to "
                        "change it."
                    )
                    % {"learner": learner, "mentor": people[held.mentor_id]},
                    "has_mentor",
                )
            )
            continue
        if held is not None and if_assigned == IfAssigned.STALE:
            problems.append(
                _problem(
                    _("%(learner)s got a mentor since the preview.") % {"learner": learner},
                    "stale",
                )
            )
            continue
        if held is not None:
            to_end.append(held)
        new.append((learner_id, mentor_id))
    for assignment in to_end:
        if assignment.mentor_id in load:
            load[assignment.mentor_id] -= 1
    problems += _capacity_problems(new, profiles, load)
    if problems:
        raise ValidationError(problems)
    return _write(new, to_end, actor, reason, learner_ids)


def _check_actor(actor, learner_ids, mentor_ids):
    managed = set(
        learners_managed_by(actor).filter(pk__in=learner_ids).values_list("pk", flat=True)
    )
    if managed != set(learner_ids):
        raise PermissionDenied(_("You can only assign mentors to learners in your regions."))
    visible = set(
        mentor_profiles_visible_to(actor)
        .filter(user_id__in=mentor_ids)
        .values_list("user_id", flat=True)
    )
    if visible != set(mentor_ids):
        raise PermissionDenied(_("You can only assign mentors of your regions."))


def _capacity_problems(new, profiles, load) -> list:
    wanted = {}
    for _learner_id, mentor_id in new:
        wanted[mentor_id] = wanted.get(mentor_id, 0) + 1
    problems = []
    for mentor_id, count in wanted.items():
        profile = profiles.get(mentor_id)
        if profile is None:
            continue  # reported as not eligible
        have = load.get(mentor_id, 0)
        if have + count <= profile.capacity:
            continue
        if count == 1:
            message = _("%(name)s already has %(load)s mentees; her capacity is %(capacity)s.") % {
                "name": profile.user,
                "load": have,
                "capacity": profile.capacity,
            }
        else:
            message = _("%(name)s has room for %(free)s more mentees, not %(wanted)s.") % {
                "name": profile.user,
                "free": max(profile.capacity - have, 0),
                "wanted": count,
            }
        problems.append(_problem(message, "full"))
    return problems


def _write(new, to_end, actor, reason, learner_ids) -> AssignmentChange:
    now = timezone.now()
    if to_end:
        MentorAssignment.objects.filter(pk__in=[a.pk for a in to_end]).update(
            ended_at=now, end_reason=reason, ended_by=actor
        )
    try:
        with transaction.atomic():
            created = MentorAssignment.objects.bulk_create(
                [
                    MentorAssignment(
                        learner_id=learner_id,
                        mentor_id=mentor_id,
                        start_reason=reason,
                        assigned_by=actor,
                        started_at=now,
                    )
                    for learner_id, mentor_id in new
                ],
                batch_size=500,
            )
    except IntegrityError as exc:
        # Another staff member assigned the same learner in the same moment; the database
        # let one win.
        if len(learner_ids) == 1:
            message = _(
                "Someone else gave %(learner)s a mentor a moment ago. Reload to see who."
            ) % {"learner": User.objects.get(pk=learner_ids[0])}
        else:
            message = _("Someone else changed assignments at that moment; nothing was assigned.")
        raise _problem(message, "race") from exc
    record_many(to_end, "companion.end_assignment", actor, reason=reason)
    record_many(created, "companion.assign", actor, reason=reason)
    learner_changed(
        [a.learner_id for a in [*created, *to_end]] + [a.mentor_id for a in [*created, *to_end]]
    )
    # Written in bulk, so no model signal: the engagement facts note her mentor from this.
    activity_changed([a.learner_id for a in [*created, *to_end]])
    ids = [a.pk for a in created]
    enqueue_each_on_commit(
        NOTIFY_TASK,
        [(ids[start : start + NOTIFY_BATCH],) for start in range(0, len(ids), NOTIFY_BATCH)],
    )
    return AssignmentChange(created=created, ended=[a.learner_id for a in to_end])


# The paths staff and the platform take -----------------------------------------------------


def mentor_assign(*, learner, mentor, reason="", actor=None, replace_current=False):
    """Give a learner a mentor. With replace_current, her current mentor is replaced (a
    reassignment, with `reason`); otherwise a learner who has a mentor is refused."""
    change = assignments_change(
        assign={learner.pk: mentor.pk},
        actor=actor,
        reason=reason,
        if_assigned=IfAssigned.REPLACE if replace_current else IfAssigned.REFUSE,
        refuse_same=True,
    )
    return change.created[0]


def mentor_assign_bulk(*, pairs, actor=None, reason="") -> list:
    """Give many learners a mentor at once, all or nothing: [(learner_id, mentor_id), …]. A
    learner who already has this mentor is left as she is; another current mentor is replaced.
    Returns the new assignments."""
    wanted = {}
    for learner_id, mentor_id in pairs:
        if wanted.setdefault(int(learner_id), int(mentor_id)) != int(mentor_id):
            raise _problem(_("A learner can have only one mentor."), "twice")
    if not wanted:
        return []
    return assignments_change(
        assign=wanted, actor=actor, reason=reason, if_assigned=IfAssigned.REPLACE
    ).created


def mentor_assignment_end(*, assignment, reason, actor=None) -> MentorAssignment:
    if not (reason or "").strip():
        raise ValidationError({"end_reason": _("Say why the mentoring ends.")})
    assignments_change(end=[assignment.pk], actor=actor, reason=reason)
    return MentorAssignment.objects.get(pk=assignment.pk)


def mentor_assignments_end_all(*, mentor, reason) -> list:
    """The platform ends every current assignment of a mentor (she can no longer mentor).
    Returns her former mentees."""
    current = MentorAssignment.objects.filter(mentor=mentor, ended_at__isnull=True)
    change = assignments_change(end=list(current.values_list("pk", flat=True)), reason=reason)
    return list(
        User.objects.filter(pk__in=change.ended)
        .select_related("home_region")
        .order_by("display_name", "pk")
    )


# Notifications -----------------------------------------------------------------------------


def assignments_notify(*, assignment_ids) -> int:
    """Tell each learner who her mentor is and each mentor about her new mentee, once per
    assignment however often this runs. Returns how many notifications were new."""
    new = 0
    assignments = MentorAssignment.objects.filter(pk__in=assignment_ids).select_related(
        "learner__home_region", "mentor__mentor_profile"
    )
    for assignment in assignments:
        learner, mentor = assignment.learner, assignment.mentor
        profile = getattr(mentor, "mentor_profile", None)
        shares = bool(profile and profile.shares_phone and mentor.phone)
        # Callables: written in every language of the site (notify_in_language).
        new += _notify(
            learner,
            NotificationKind.MENTOR_ASSIGNED,
            assignment,
            title=lambda mentor=mentor: _("Your mentor is %(name)s") % {"name": mentor},
            body=lambda mentor=mentor, shares=shares: (
                _("You can contact her at %(phone)s.") % {"phone": mentor.phone_display}
                if shares
                else ""
            ),
            url=lambda: reverse("learn:dashboard"),
        )
        new += _notify(
            mentor,
            NotificationKind.MENTEE_ASSIGNED,
            assignment,
            title=lambda learner=learner: _("New mentee: %(name)s") % {"name": learner},
            body=lambda learner=learner: (
                learner.home_region.display_name if learner.home_region else ""
            ),
            url=lambda learner=learner: reverse("mentoring:mentee", args=[learner.pk]),
        )
    return new


def _notify(recipient, kind, assignment, *, title, body, url) -> bool:
    _notification, created = notify_in_language(
        recipient=recipient,
        kind=kind,
        dedupe_key=f"{kind}:{assignment.pk}",
        title=title,
        body=body,
        url=url,
    )
    return created
