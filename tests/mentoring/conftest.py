import pytest

from tests.factories import region_tree


@pytest.fixture
def regions(db):
    return region_tree()
