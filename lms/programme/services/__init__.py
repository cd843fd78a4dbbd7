"""Every write in the programme: cohorts and members, face-to-face training and attendance,
and the learner import. Split by subject; the public names are here."""

from .attendance import attendance_mark
from .cohorts import (
    auto_assign_apply,
    auto_assign_plan,
    cohort_enrol_members,
    enqueue_enrolment,
    membership_add,
    membership_set_status,
)
from .imports import (
    IMPORT_CHUNK,
    IMPORT_ERROR_CHANGED,
    IMPORT_ERROR_CRASHED,
    IMPORT_ERROR_NO_ACTOR,
    import_apply,
    import_preview,
    import_progress_key,
    import_start,
)
from .training import (
    lock_session,
    session_book,
    session_booking_cancel,
    session_cancellation_notify,
    session_fill_from_waiting_list,
    session_save,
)

__all__ = [
    "IMPORT_CHUNK",
    "IMPORT_ERROR_CHANGED",
    "IMPORT_ERROR_CRASHED",
    "IMPORT_ERROR_NO_ACTOR",
    "attendance_mark",
    "auto_assign_apply",
    "auto_assign_plan",
    "cohort_enrol_members",
    "enqueue_enrolment",
    "import_apply",
    "import_preview",
    "import_progress_key",
    "import_start",
    "lock_session",
    "membership_add",
    "membership_set_status",
    "session_book",
    "session_booking_cancel",
    "session_cancellation_notify",
    "session_fill_from_waiting_list",
    "session_save",
]
