"""Factories for tests, one module per app; the names are here. Pages and tree nodes go
through Wagtail / treebeard's own APIs, progress through the real services."""

from .accounts import (
    PASSWORD,
    UserFactory,
    english_staff,
    make_region,
    on_platform_since,
    region_tree,
    staff_user,
    zh,
)
from .assessments import (
    DEFAULT_QUESTIONS,
    jpeg_bytes,
    levels_for,
    make_quiz,
    make_rubric,
    make_task,
    pass_task,
    put_quiz_in_lesson,
    questions_of,
    right_answers,
    take_quiz,
    wrong_answers,
)
from .certificates import (
    Ladder,
    make_ladder,
    make_level,
    meet_primary_except_sign_off,
)
from .courses import (
    complete_course,
    lessons_of,
    make_course,
    make_site,
    translate_tree,
)
from .mentoring import (
    backdate_assignment,
    log_contact,
    make_mentor,
)
from .programme import (
    CohortFactory,
    attend,
    cohort_member,
    held_session,
    make_session,
)

__all__ = [
    "english_staff",
    "CohortFactory",
    "DEFAULT_QUESTIONS",
    "Ladder",
    "PASSWORD",
    "UserFactory",
    "attend",
    "backdate_assignment",
    "cohort_member",
    "complete_course",
    "held_session",
    "jpeg_bytes",
    "lessons_of",
    "levels_for",
    "log_contact",
    "make_course",
    "make_ladder",
    "make_level",
    "make_mentor",
    "make_quiz",
    "make_region",
    "make_rubric",
    "make_session",
    "make_site",
    "make_task",
    "meet_primary_except_sign_off",
    "on_platform_since",
    "pass_task",
    "put_quiz_in_lesson",
    "questions_of",
    "region_tree",
    "right_answers",
    "staff_user",
    "take_quiz",
    "translate_tree",
    "wrong_answers",
    "zh",
]
