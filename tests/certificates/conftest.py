import pytest

from certificates import fonts
from lms.mentoring.services import mentor_assign
from tests.conftest import require
from tests.factories import make_mentor


@pytest.fixture
def cjk_font():
    fonts.find_cjk_font.cache_clear()
    font = fonts.find_cjk_font()
    require(font is not None, f"no Chinese font installed ({fonts.FONT_MISSING_HINT})")
    yield font
    fonts.find_cjk_font.cache_clear()


@pytest.fixture
def mentor(province, learner, role_groups):
    mentor = make_mentor(province, display_name="张丽华")
    mentor_assign(learner=learner, mentor=mentor)
    return mentor


@pytest.fixture(autouse=True)
def _english(english):
    """Messages and pages in English here; the browser tests read the Chinese ones."""
