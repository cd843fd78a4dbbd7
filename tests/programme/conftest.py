import pytest

from tests.factories import english_staff


@pytest.fixture
def staff(regions):
    """Programme staff of the county, reading the admin in English."""
    return english_staff(regions["county"])


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client
