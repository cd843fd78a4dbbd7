"""Reading and checking a learner import file: pure functions, no database (the import
itself, which writes, is services/imports.py).

A file becomes a list of rows (dicts of the raw cell text, with the file's line number); each
row is then checked against lookups the service builds (villages, cohorts, mentors, people by
phone). Problems are kept as codes with parameters, so that the preview shows them in the
language of whoever looks at it."""

from .checks import (
    Lookups,
    check_rows,
    normalized_phones,
    problem_message,
    rows_with_problems_message,
    summary_counts,
)
from .files import (
    COLUMN_LABELS,
    COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    REQUIRED_COLUMNS,
    read_rows,
    template_headings,
)

__all__ = [
    "COLUMNS",
    "COLUMN_LABELS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "REQUIRED_COLUMNS",
    "Lookups",
    "check_rows",
    "normalized_phones",
    "problem_message",
    "read_rows",
    "rows_with_problems_message",
    "summary_counts",
    "template_headings",
]
