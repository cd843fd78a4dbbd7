import pytest

from lms.mentoring.services import mentor_assign
from tests.factories import make_mentor


@pytest.fixture
def mentor(province, learner, role_groups):
    mentor = make_mentor(province, display_name="张丽华")
    mentor_assign(learner=learner, mentor=mentor)
    return mentor


@pytest.fixture(autouse=True)
def _english(english):
    """Messages and pages in English here; the browser tests read the Chinese ones."""
