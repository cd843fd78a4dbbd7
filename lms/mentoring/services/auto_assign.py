"""Automatic assignment: a plan that gives each learner the nearest mentor with room, shown
to staff before anything changes, then applied exactly as previewed through the one
assignment core (the programme app offers it for a cohort)."""

import datetime
from dataclasses import dataclass, field

from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.accounts.models import User
from lms.accounts.permissions import learners_managed_by

from ..models import MentorAssignment
from ..permissions import eligible_mentor_profiles
from ..selectors import active_mentee_counts

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


def _common_depth(a: str, b: str) -> int:
    depth = 0
    while (
        depth * _STEP < min(len(a), len(b))
        and a[depth * _STEP : (depth + 1) * _STEP] == b[depth * _STEP : (depth + 1) * _STEP]
    ):
        depth += 1
    return depth


def unassigned(learners):
    """Of these learners (a User queryset), those without a current mentor, in the order the
    plan places them (by home region, then name)."""
    has_mentor = MentorAssignment.objects.filter(ended_at__isnull=True).values("learner_id")
    return (
        learners.exclude(pk__in=has_mentor)
        .select_related("home_region")
        .order_by("home_region__path", "display_name", "pk")
    )


def mentor_placements_plan(*, learners, actor=None) -> AutoAssignPlan:
    """Propose a mentor for each of `learners` (a User queryset; those who have one are left
    out): the nearest eligible mentor (same village, then township, county, province) with a
    free place, the least loaded among equally near ones. Reads only; a fixed number of
    queries."""
    learners = list(unassigned(learners))
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


def placements_from_token(token) -> list:
    """The [(learner id, mentor id)] of a previewed plan, checked against its signature."""
    try:
        return signing.loads(token, salt=_SALT, max_age=datetime.timedelta(hours=12))
    except signing.BadSignature as exc:
        raise ValidationError(_("This preview has expired. Please preview again.")) from exc
