import pytest
from django.utils import translation

from lms.mentoring.services import mentor_assign
from tests.factories import make_ladder, make_mentor


@pytest.fixture(autouse=True)
def _english():
    """Messages and pages in English here; the browser test reads the Chinese ones."""
    with translation.override("en"):
        yield


@pytest.fixture
def ladder(site_pages):
    _home, index = site_pages
    return make_ladder(index)


@pytest.fixture
def mentor(province, learner, role_groups):
    mentor = make_mentor(province, display_name="张丽华")
    mentor_assign(learner=learner, mentor=mentor)
    return mentor
