"""Every write in mentoring: profiles, assignments (by hand and automatic), coaching contacts,
and the notifications they cause."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lms.accounts.extensions import progress_changed
from lms.accounts.models import User
from lms.accounts.permissions import learners_managed_by, regions_visible_to
from lms.accounts.roles import MENTOR
from lms.notifications.services import notify
from lms.programme.models import MembershipStatus

from .models import CoachingContact, MentorAssignment, MentorProfile
from .permissions import (
    can_log_contact,
    can_manage_learner,
    eligible_mentor_profiles,
    mentor_profiles_visible_to,
)
from .selectors import active_mentee_counts, mentee_rows

# Profiles ----------------------------------------------------------------------------------


@transaction.atomic
def mentor_profile_save(*, user, actor=None, regions=None, **fields) -> MentorProfile:
    """Create or update a mentor profile; an eligible mentor is in the mentor role group.
    Staff edit only the served regions they can see; the others are kept."""
    if actor is not None and not can_manage_learner(actor, user):
        raise PermissionDenied(_("You can only manage mentors living in your regions."))
    profile, created = MentorProfile.objects.select_for_update().get_or_create(user=user)
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.full_clean(exclude=["user"])
    if not profile.is_eligible:
        mentees = MentorAssignment.objects.filter(mentor=user, ended_at__isnull=True).count()
        if mentees:
            raise ValidationError(
                ngettext(
                    "%(name)s still mentors %(count)s learner: give her a new mentor first.",
                    "%(name)s still mentors %(count)s learners: give them new mentors first.",
                    mentees,
                )
                % {"name": user, "count": mentees}
            )
    profile.save()
    if regions is not None:
        regions = list(regions)
        if actor is not None and not created:
            regions += list(profile.regions.exclude(pk__in=regions_visible_to(actor)))
        profile.regions.set(regions)
    group = Group.objects.get_or_create(name=MENTOR)[0]
    if profile.is_eligible:
        user.groups.add(group)
    else:
        user.groups.remove(group)
    return profile


@transaction.atomic
def mentor_eligibility_grant(*, user, capacity: int) -> MentorProfile:
    """She now holds a certificate that makes her a mentor: her profile is created (with
    the default capacity) or made eligible again, and she joins the mentor role."""
    profile, created = MentorProfile.objects.select_for_update().get_or_create(
        user=user, defaults={"capacity": capacity, "is_eligible": True}
    )
    if not profile.is_eligible:
        profile.is_eligible = True
        profile.save(update_fields=["is_eligible", "updated_at"])
    user.groups.add(Group.objects.get_or_create(name=MENTOR)[0])
    return profile


@transaction.atomic
def mentor_eligibility_withdraw(*, user, reason: str) -> list:
    """She no longer holds a certificate that lets her mentor: her profile is no longer
    eligible and her current assignments end (with `reason`; the history stays), so she no
    longer sees, grades or logs contacts for them. Returns those mentees, who need a new
    mentor."""
    MentorProfile.objects.filter(user=user).update(is_eligible=False, updated_at=timezone.now())
    user.groups.remove(*Group.objects.filter(name=MENTOR))
    assignments = list(
        MentorAssignment.objects.select_for_update(of=("self",))
        .filter(mentor=user, ended_at__isnull=True)
        .select_related("learner", "learner__home_region")
    )
    MentorAssignment.objects.filter(pk__in=[a.pk for a in assignments]).update(
        ended_at=timezone.now(), end_reason=reason[:300]
    )
    return [assignment.learner for assignment in assignments]


# Assignments -------------------------------------------------------------------------------


def _lock_eligible_profile(mentor) -> MentorProfile:
    profile = eligible_mentor_profiles().select_for_update().filter(user=mentor).first()
    if profile is None:
        raise ValidationError(
            _("%(name)s is not an active, eligible mentor.") % {"name": mentor}, code="ineligible"
        )
    return profile


@transaction.atomic
def mentor_assign(*, learner, mentor, reason="", actor=None, replace_current=False):
    """Give a learner a mentor. With replace_current, her current mentor is replaced (a
    reassignment, with `reason`); otherwise a learner who has a mentor is refused."""
    if actor is not None and not can_manage_learner(actor, learner):
        raise PermissionDenied(_("You can only assign mentors to learners in your regions."))
    if learner.pk == mentor.pk:
        raise ValidationError(_("A mentor cannot be her own mentee."), code="self")
    profile = _lock_eligible_profile(mentor)
    current = (
        MentorAssignment.objects.select_for_update()
        .filter(learner=learner, ended_at__isnull=True)
        .first()
    )
    if current and current.mentor_id == mentor.pk:
        raise ValidationError(
            _("%(mentor)s is already the mentor of %(learner)s.")
            % {"mentor": mentor, "learner": learner},
            code="same",
        )
    if current and not replace_current:
        raise ValidationError(
            _("%(learner)s already has a mentor (%(mentor)s). Choose “reassign” to change it.")
            % {"learner": learner, "mentor": current.mentor},
            code="has_mentor",
        )
    load = active_mentee_counts([mentor.pk]).get(mentor.pk, 0)
    if load >= profile.capacity:
        raise ValidationError(
            _("%(name)s already has %(load)s mentees; her capacity is %(capacity)s.")
            % {"name": mentor, "load": load, "capacity": profile.capacity},
            code="full",
        )
    now = timezone.now()
    if current:
        current.ended_at = now
        current.end_reason = reason
        current.ended_by = actor
        current.save(update_fields=["ended_at", "end_reason", "ended_by"])
    try:
        with transaction.atomic():
            assignment = MentorAssignment.objects.create(
                learner=learner,
                mentor=mentor,
                start_reason=reason,
                assigned_by=actor,
                started_at=now,
            )
    except IntegrityError as exc:
        # Another staff member assigned her in the same moment; the database let one win.
        raise ValidationError(
            _("Someone else gave %(learner)s a mentor a moment ago. Reload to see who.")
            % {"learner": learner},
            code="race",
        ) from exc
    _notify_assignments_on_commit([assignment.pk])
    return assignment


@transaction.atomic
def mentor_assign_bulk(*, pairs, actor=None, reason="") -> list:
    """Give many learners a mentor at once, all or nothing, in a fixed number of queries
    whatever the number of pairs: [(learner_id, mentor_id), …]. The rules of mentor_assign
    hold: staff assign only learners they manage, a mentor is never her own mentee, she is an
    active, eligible mentor and has room for them. A learner who already has this mentor is
    left as she is; another current mentor is replaced (the old assignment ends with
    `reason`). Each new pair is told, as by mentor_assign. Returns the new assignments."""
    wanted = {}
    for learner_id, mentor_id in pairs:
        learner_id, mentor_id = int(learner_id), int(mentor_id)
        if wanted.setdefault(learner_id, mentor_id) != mentor_id:
            raise ValidationError(_("A learner can have only one mentor."), code="twice")
        if learner_id == mentor_id:
            raise ValidationError(_("A mentor cannot be her own mentee."), code="self")
    if not wanted:
        return []
    learner_ids = sorted(wanted)
    mentor_ids = sorted(set(wanted.values()))
    if actor is not None:
        managed = learners_managed_by(actor).filter(pk__in=learner_ids).values_list("pk", flat=True)
        if len(set(managed)) != len(learner_ids):
            raise PermissionDenied(_("You can only assign mentors to learners in your regions."))
        visible = mentor_profiles_visible_to(actor).filter(user_id__in=mentor_ids)
        if len(set(visible.values_list("user_id", flat=True))) != len(mentor_ids):
            raise PermissionDenied(_("You can only assign mentors of your regions."))
    profiles = {
        p.user_id: p
        for p in eligible_mentor_profiles()
        .select_for_update(of=("self",))
        .filter(user_id__in=mentor_ids)
        .select_related("user")
        .order_by("pk")
    }
    for mentor_id in mentor_ids:
        if mentor_id not in profiles:
            mentor = User.objects.filter(pk=mentor_id).first() or mentor_id
            raise ValidationError(
                _("%(name)s is not an active, eligible mentor.") % {"name": mentor},
                code="ineligible",
            )
    current = {
        a.learner_id: a
        for a in MentorAssignment.objects.select_for_update().filter(
            learner_id__in=learner_ids, ended_at__isnull=True
        )
    }
    load = active_mentee_counts(mentor_ids)  # counts the assignments about to end, too
    to_end, new, given = [], [], {}
    for learner_id, mentor_id in wanted.items():
        assignment = current.get(learner_id)
        if assignment is not None and assignment.mentor_id == mentor_id:
            continue  # already hers
        if assignment is not None:
            to_end.append(assignment.pk)
            if assignment.mentor_id in load:
                load[assignment.mentor_id] -= 1
        new.append(learner_id)
        given[mentor_id] = given.get(mentor_id, 0) + 1
    for mentor_id, count in given.items():
        profile = profiles[mentor_id]
        free = profile.capacity - load.get(mentor_id, 0)
        if count > free:
            raise ValidationError(
                _("%(name)s has room for %(free)s more mentees, not %(wanted)s.")
                % {"name": profile.user, "free": max(free, 0), "wanted": count},
                code="full",
            )
    now = timezone.now()
    if to_end:
        MentorAssignment.objects.filter(pk__in=to_end).update(
            ended_at=now, end_reason=reason[:300], ended_by=actor
        )
    try:
        with transaction.atomic():
            created = MentorAssignment.objects.bulk_create(
                [
                    MentorAssignment(
                        learner_id=learner_id,
                        mentor_id=wanted[learner_id],
                        start_reason=reason[:300],
                        assigned_by=actor,
                        started_at=now,
                    )
                    for learner_id in new
                ],
                batch_size=500,
            )
    except IntegrityError as exc:
        raise ValidationError(
            _("Someone else changed assignments at that moment; nothing was assigned."),
            code="race",
        ) from exc
    _notify_assignments_on_commit([a.pk for a in created])
    return created


@transaction.atomic
def mentor_assignment_end(*, assignment, reason, actor=None) -> MentorAssignment:
    if actor is not None and not can_manage_learner(actor, assignment.learner):
        raise PermissionDenied(_("You can only change mentors of learners in your regions."))
    if not reason.strip():
        raise ValidationError({"end_reason": _("Say why the mentoring ends.")})
    locked = MentorAssignment.objects.select_for_update().get(pk=assignment.pk)
    if locked.ended_at is not None:
        raise ValidationError(_("This assignment has already ended."), code="ended")
    locked.ended_at = timezone.now()
    locked.end_reason = reason
    locked.ended_by = actor
    locked.save(update_fields=["ended_at", "end_reason", "ended_by"])
    return locked


# Automatic assignment for a cohort ---------------------------------------------------------

PROXIMITY_LABELS = {
    4: gettext_lazy("same village"),
    3: gettext_lazy("same township"),
    2: gettext_lazy("same county"),
    1: gettext_lazy("same province"),
    0: gettext_lazy("serves her region"),
}


@dataclass
class Placement:
    learner: User
    mentor: User
    proximity: int

    @property
    def proximity_label(self):
        return PROXIMITY_LABELS[self.proximity]


@dataclass
class Unplaced:
    learner: User
    reason: str


@dataclass
class AutoAssignPlan:
    placements: list = field(default_factory=list)
    unplaced: list = field(default_factory=list)

    def token(self) -> str:
        """The plan, signed, for the form that applies exactly what was previewed."""
        return signing.dumps([[p.learner.pk, p.mentor.pk] for p in self.placements], salt=_SALT)

    @property
    def mentor_loads(self):
        loads = {}
        for p in self.placements:
            loads[p.mentor] = loads.get(p.mentor, 0) + 1
        return sorted(loads.items(), key=lambda item: (-item[1], str(item[0])))


_SALT = "mentoring.auto-assign"
_STEP = 4  # treebeard path characters per tree level


def _unassigned_members(cohort):
    has_mentor = MentorAssignment.objects.filter(ended_at__isnull=True).values("learner_id")
    return (
        User.objects.filter(
            pk__in=cohort.memberships.filter(status=MembershipStatus.ACTIVE).values("learner_id")
        )
        .exclude(pk__in=has_mentor)
        .select_related("home_region")
        .order_by("home_region__path", "display_name", "pk")
    )


def _common_depth(a: str, b: str) -> int:
    depth = 0
    while (
        depth * _STEP < min(len(a), len(b))
        and a[depth * _STEP : (depth + 1) * _STEP] == b[depth * _STEP : (depth + 1) * _STEP]
    ):
        depth += 1
    return depth


def auto_assign_plan(*, cohort, actor=None) -> AutoAssignPlan:
    """Propose a mentor for every active member of the cohort who has none: the nearest
    eligible mentor (same village, then township, county, province) with a free place, the
    least loaded among equally near ones. Reads only; a fixed number of queries."""
    learners = list(_unassigned_members(cohort))
    outside = set()
    if actor is not None:
        managed = learners_managed_by(actor).filter(pk__in=[u.pk for u in learners])
        outside = {u.pk for u in learners} - set(managed.values_list("pk", flat=True))
    profiles = list(
        eligible_mentor_profiles()
        .select_related("user__home_region")
        .prefetch_related("regions")
        .order_by("pk")
    )
    load = active_mentee_counts([p.user_id for p in profiles])
    mentors = []
    for profile in profiles:
        home = profile.user.home_region.path if profile.user.home_region else ""
        areas = [r.path for r in profile.regions.all()] or ([home[:_STEP]] if home else [])
        mentors.append(
            {"profile": profile, "home": home, "areas": areas, "load": load.get(profile.user_id, 0)}
        )

    plan = AutoAssignPlan()
    for learner in learners:
        if learner.pk in outside:
            plan.unplaced.append(Unplaced(learner, _("She lives outside your regions.")))
            continue
        if learner.home_region is None:
            plan.unplaced.append(Unplaced(learner, _("No home region is recorded for her.")))
            continue
        path = learner.home_region.path
        best, best_key, any_candidate = None, None, False
        for m in mentors:
            if m["profile"].user_id == learner.pk:
                continue
            if not any(path.startswith(area) for area in m["areas"]):
                continue
            any_candidate = True
            capacity = m["profile"].capacity
            if m["load"] >= capacity:
                continue
            proximity = _common_depth(path, m["home"]) if m["home"] else 0
            key = (-proximity, m["load"] / capacity, m["load"], m["profile"].pk)
            if best_key is None or key < best_key:
                best, best_key = m, key
        if best is None:
            reason = (
                _("Every mentor serving her area is full.")
                if any_candidate
                else _("No eligible mentor serves her area.")
            )
            plan.unplaced.append(Unplaced(learner, reason))
            continue
        best["load"] += 1
        plan.placements.append(Placement(learner, best["profile"].user, -best_key[0]))
    return plan


def auto_assign_apply(*, cohort, token, actor=None) -> int:
    """Apply a previewed plan, all or nothing. Pairs already in place are skipped, so applying
    the same plan twice changes nothing the second time. Returns how many were assigned."""
    try:
        pairs = signing.loads(token, salt=_SALT, max_age=datetime.timedelta(hours=12))
    except signing.BadSignature as exc:
        raise ValidationError(_("This preview has expired. Please preview again.")) from exc
    with transaction.atomic():
        created = _apply_pairs(cohort, pairs, actor)
    _notify_assignments_on_commit([a.pk for a in created])
    return len(created)


def _apply_pairs(cohort, pairs, actor):
    learner_ids = [learner_id for learner_id, _mentor_id in pairs]
    mentor_ids = sorted({mentor_id for _learner_id, mentor_id in pairs})
    profiles = {
        p.user_id: p
        for p in eligible_mentor_profiles()
        .select_for_update()
        .filter(user_id__in=mentor_ids)
        .order_by("pk")
    }
    members = set(
        cohort.memberships.filter(
            learner_id__in=learner_ids, status=MembershipStatus.ACTIVE
        ).values_list("learner_id", flat=True)
    )
    managed = set(learner_ids)
    if actor is not None:
        managed = set(
            learners_managed_by(actor).filter(pk__in=learner_ids).values_list("pk", flat=True)
        )
    current = dict(
        MentorAssignment.objects.select_for_update()
        .filter(learner_id__in=learner_ids, ended_at__isnull=True)
        .values_list("learner_id", "mentor_id")
    )
    load = active_mentee_counts(mentor_ids)
    users = User.objects.in_bulk(set(learner_ids) | set(mentor_ids))
    problems, new = [], []
    for learner_id, mentor_id in pairs:
        learner, mentor = users.get(learner_id), users.get(mentor_id)
        if current.get(learner_id) == mentor_id:
            continue  # applied before
        if learner is None or learner_id not in members:
            problems.append(_("A learner is no longer an active member of this cohort."))
        elif learner_id not in managed:
            raise PermissionDenied(_("You can only assign mentors to learners in your regions."))
        elif learner_id in current:
            problems.append(_("%(learner)s got a mentor since the preview.") % {"learner": learner})
        elif mentor_id not in profiles:
            problems.append(_("%(name)s is no longer an eligible mentor.") % {"name": mentor})
        elif load.get(mentor_id, 0) >= profiles[mentor_id].capacity:
            problems.append(_("%(name)s has no free place any more.") % {"name": mentor})
        else:
            load[mentor_id] = load.get(mentor_id, 0) + 1
            new.append(
                MentorAssignment(
                    learner_id=learner_id,
                    mentor_id=mentor_id,
                    assigned_by=actor,
                    start_reason=_("Automatic assignment for cohort %(cohort)s")
                    % {"cohort": cohort},
                )
            )
    if problems:
        raise ValidationError(
            [_("Things changed since the preview; nothing was assigned. Please preview again.")]
            + sorted(set(problems))
        )
    try:
        with transaction.atomic():
            return MentorAssignment.objects.bulk_create(new, batch_size=500)
    except IntegrityError as exc:
        raise ValidationError(
            _("Someone else changed assignments at that moment; nothing was assigned.")
        ) from exc


# Notifications -----------------------------------------------------------------------------


def _notify_assignments_on_commit(assignment_ids):
    if not assignment_ids:
        return
    from .tasks import notify_assignments_task

    for start in range(0, len(assignment_ids), 200):
        notify_assignments_task.delay_on_commit(assignment_ids[start : start + 200])


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
        with translation.override(learner.preferred_language):
            title = _("Your mentor is %(name)s") % {"name": mentor}
            body = ""
            if profile and profile.shares_phone and mentor.phone:
                body = _("You can contact her at %(phone)s.") % {"phone": mentor.phone_display}
            new += _notify_now(
                learner, "mentor_assigned", assignment, title, body, "learn:dashboard"
            )
        with translation.override(mentor.preferred_language):
            title = _("New mentee: %(name)s") % {"name": learner}
            body = learner.home_region.display_name if learner.home_region else ""
            new += _notify_now(
                mentor, "mentee_assigned", assignment, title, body, "mentoring:mentee", learner.pk
            )
    return new


def _notify_now(recipient, kind, assignment, title, body, url_name, *url_args) -> bool:
    _notification, created = notify(
        recipient=recipient,
        kind=kind,
        dedupe_key=f"{kind}:{assignment.pk}",
        title=title,
        body=body,
        url=reverse(url_name, args=url_args),
    )
    return created


def mentor_digests_send(*, today=None) -> int:
    """Every week: each active mentor with mentees who need her gets one digest. Once per
    mentor per ISO week, however often it runs. Returns how many digests were new."""
    today = today or timezone.localdate()
    year, week, _day = today.isocalendar()
    sent = 0
    mentors = User.objects.filter(
        Q(mentor_profile__is_eligible=True),
        mentee_assignments__ended_at__isnull=True,
    ).distinct()
    for mentor in mentors:
        rows = mentee_rows(mentor, flag="any", today=today, with_progress=False)
        if not rows:
            continue
        with translation.override(mentor.preferred_language):
            title = ngettext(
                "%(count)s mentee needs you this week",
                "%(count)s mentees need you this week",
                len(rows),
            ) % {"count": len(rows)}
            body = "\n".join(f"· {row.learner}: {row.flag_text}" for row in rows[:20])
            _notification, created = notify(
                recipient=mentor,
                kind="mentor_digest",
                dedupe_key=f"mentor_digest:{year}-W{week:02d}",
                title=title,
                body=body,
                url=reverse("mentoring:home") + "?flag=any",
            )
        sent += created
    return sent


# Coaching contacts -------------------------------------------------------------------------


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
    if contact_date > today:
        errors["contact_date"] = _("The date cannot be in the future.")
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
            progress_changed([learner.pk])
    except IntegrityError:
        return CoachingContact.objects.get(mentor=mentor, client_token=client_token), False
    return contact, True
