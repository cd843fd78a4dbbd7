"""Every write in mentoring: profiles, assignments (one core for every path), automatic
assignment plans and coaching contacts. Split by subject; the public names are here."""

from .assignments import (
    AssignmentChange,
    IfAssigned,
    assignments_change,
    assignments_notify,
    mentor_assign,
    mentor_assign_bulk,
    mentor_assignment_end,
    mentor_assignments_end_all,
)
from .auto_assign import (
    PROXIMITY_LABELS,
    AutoAssignPlan,
    Placement,
    Unplaced,
    mentor_placements_plan,
    placements_from_token,
    unassigned,
)
from .contacts import coaching_contact_log
from .profiles import mentor_eligibility_grant, mentor_eligibility_withdraw, mentor_profile_save

__all__ = [
    "PROXIMITY_LABELS",
    "AssignmentChange",
    "AutoAssignPlan",
    "IfAssigned",
    "Placement",
    "Unplaced",
    "assignments_change",
    "assignments_notify",
    "coaching_contact_log",
    "mentor_assign",
    "mentor_assign_bulk",
    "mentor_assignment_end",
    "mentor_assignments_end_all",
    "mentor_eligibility_grant",
    "mentor_eligibility_withdraw",
    "mentor_placements_plan",
    "mentor_profile_save",
    "placements_from_token",
    "unassigned",
]
