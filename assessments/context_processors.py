from django.utils.functional import SimpleLazyObject

from lms.mentoring.permissions import is_mentor

from .selectors import grading_waiting_count


def grading(request):
    """How much work waits for this mentor's grade (counted only if a page shows it)."""
    user = getattr(request, "user", None)
    return {
        "grading_waiting": SimpleLazyObject(
            lambda: grading_waiting_count(user) if user and is_mentor(user) else 0
        )
    }
