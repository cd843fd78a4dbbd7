"""Reads for the staff dashboards. Readiness comes from the readiness engine and who needs
attention from the engagement rule, never from a copy of them; every selector costs a fixed
number of queries whatever the number of cohorts, learners or mentors (the overview: a fixed
number per ladder level its cohorts aim at). Split by screen; the public names are here."""

from .at_risk import RISK_REASONS, Person, RiskRow, at_risk_rows, at_risk_table
from .common import active_members, levels_by_slug, visible_cohorts
from .matrix import (
    MATRIX_SORTS,
    CohortMatrix,
    MatrixRow,
    cohort_matrix,
    matrix_table,
    requirement_label,
)
from .mentors import grading_backlog, mentor_load_rows, mentor_table
from .overview import (
    CohortReadiness,
    forecast_percent,
    overview_table,
    overview_warm,
    readiness_overview,
)
from .training import (
    SESSION_PERIODS,
    attendance_rate,
    training_rows,
    training_table,
    training_totals,
)

__all__ = [
    "CohortMatrix",
    "CohortReadiness",
    "MATRIX_SORTS",
    "MatrixRow",
    "Person",
    "RISK_REASONS",
    "RiskRow",
    "SESSION_PERIODS",
    "active_members",
    "at_risk_rows",
    "at_risk_table",
    "attendance_rate",
    "cohort_matrix",
    "forecast_percent",
    "grading_backlog",
    "levels_by_slug",
    "matrix_table",
    "mentor_load_rows",
    "mentor_table",
    "overview_table",
    "overview_warm",
    "readiness_overview",
    "requirement_label",
    "training_rows",
    "training_table",
    "training_totals",
    "visible_cohorts",
]
