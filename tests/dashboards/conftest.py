import pytest

from lms.accounts.models import RegionKind
from tests.factories import make_region


@pytest.fixture
def counties(db):
    """(Guizhou, Qixingguan county, Dafang county)."""
    province = make_region("贵州省", name_en="Guizhou")
    a = make_region("七星关区", RegionKind.COUNTY, province, name_en="Qixingguan")
    b = make_region("大方县", RegionKind.COUNTY, province, name_en="Dafang")
    return province, a, b
