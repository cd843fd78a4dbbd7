"""The kinds of requirement a certification level can ask for: one unit (module) per kind.

Adding a kind is adding a unit here (a RequirementUnit subclass in its own module, listed in
UNITS) and the migration `makemigrations` then writes for the new choice; the readiness
engine, the learner's checklist, the certificate views and the dashboards ask the units."""

from django.db import models

from .base import Check, ChecklistItem, RequirementUnit
from .co_facilitate import CoFacilitateRequirement
from .contacts import ContactsRequirement
from .course import CourseRequirement
from .prerequisite import PrerequisiteRequirement
from .quiz import QuizRequirement
from .sessions import SessionsRequirement
from .sign_off import SignOffRequirement
from .task import TaskRequirement

UNITS = {
    unit.kind: unit
    for unit in (
        CourseRequirement(),
        QuizRequirement(),
        TaskRequirement(),
        SessionsRequirement(),
        ContactsRequirement(),
        CoFacilitateRequirement(),
        SignOffRequirement(),
        PrerequisiteRequirement(),
    )
}

# The choices of LevelRequirement.kind, in the order above (RequirementKind.COURSE == "course").
RequirementKind = models.TextChoices(
    "RequirementKind", [(kind.upper(), (kind, unit.label)) for kind, unit in UNITS.items()]
)
TARGET_FIELDS = tuple(sorted({unit.target for unit in UNITS.values() if unit.target}))


def unit_for(kind) -> RequirementUnit:
    return UNITS[kind]


__all__ = [
    "TARGET_FIELDS",
    "UNITS",
    "Check",
    "ChecklistItem",
    "RequirementKind",
    "RequirementUnit",
    "unit_for",
]
