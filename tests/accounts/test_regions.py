import pytest
from django.core.exceptions import PermissionDenied

from lms.accounts.models import Region, RegionKind
from lms.accounts.permissions import learners_visible_to, regions_visible_to
from lms.accounts.services import region_create
from tests.factories import UserFactory, make_region, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    gz = make_region("贵州省", code="gz")
    qxg = make_region("七星关区", RegionKind.COUNTY, gz, code="gz-qxg")
    town = make_region("洪山街道", RegionKind.TOWNSHIP, qxg, code="gz-qxg-hs")
    village = make_region("周家桥社区", RegionKind.VILLAGE, town, code="gz-qxg-hs-zjq")
    ah = make_region("安徽省", code="ah")
    lixin = make_region("利辛县", RegionKind.COUNTY, ah, code="ah-lx")
    return {"gz": gz, "qxg": qxg, "town": town, "village": village, "ah": ah, "lixin": lixin}


def test_everything_under_a_region_is_one_query(tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        codes = set(Region.objects.under([tree["qxg"]]).values_list("code", flat=True))
    assert codes == {"gz-qxg", "gz-qxg-hs", "gz-qxg-hs-zjq"}


def test_staff_see_only_the_regions_under_theirs(tree):
    staff = staff_user(tree["qxg"])
    visible = set(regions_visible_to(staff).values_list("code", flat=True))
    assert visible == {"gz-qxg", "gz-qxg-hs", "gz-qxg-hs-zjq"}


def test_staff_see_learners_living_in_their_regions_only(tree):
    staff = staff_user(tree["qxg"])
    inside = UserFactory(home_region=tree["village"])
    outside = UserFactory(home_region=tree["lixin"])
    visible = set(learners_visible_to(staff))
    assert inside in visible
    assert outside not in visible


def test_a_learner_sees_only_herself(tree):
    me = UserFactory(home_region=tree["village"])
    UserFactory(home_region=tree["village"])
    assert list(learners_visible_to(me)) == [me]


def test_staff_cannot_add_a_region_outside_their_own(tree):
    staff = staff_user(tree["qxg"])
    with pytest.raises(PermissionDenied):
        region_create(
            name="新村", kind=RegionKind.VILLAGE, code="x", parent=tree["lixin"], actor=staff
        )
    assert not Region.objects.filter(code="x").exists()


def test_admin_region_list_shows_only_the_staff_members_regions(client, tree):
    staff = staff_user(tree["qxg"])
    client.force_login(staff)
    response = client.get("/admin/regions/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "周家桥社区" in body
    assert "利辛县" not in body


def test_admin_editing_another_regions_region_is_404(client, tree):
    staff = staff_user(tree["qxg"])
    client.force_login(staff)
    for view in ("edit", "history", "usage", "delete"):
        assert client.get(f"/admin/regions/{view}/{tree['lixin'].pk}/").status_code == 404
    response = client.post(
        f"/admin/regions/edit/{tree['lixin'].pk}/",
        {"name": "改名", "name_en": "", "kind": "county", "code": "ah-lx"},
    )
    assert response.status_code == 404
    tree["lixin"].refresh_from_db()
    assert tree["lixin"].name == "利辛县"


def test_admin_adds_a_village_under_her_township(client, tree):
    staff = staff_user(tree["qxg"])
    client.force_login(staff)
    response = client.post(
        "/admin/regions/new/",
        {
            "name": "小坝村",
            "name_en": "Xiaoba",
            "kind": "village",
            "code": "xb",
            "parent": tree["town"].pk,
        },
    )
    assert response.status_code == 302
    village = Region.objects.get(code="xb")
    assert village.get_parent() == tree["town"]


def test_admin_add_with_a_taken_code_shows_a_message_and_adds_nothing(client, tree):
    staff = staff_user(tree["qxg"])
    client.force_login(staff)
    before = Region.objects.count()
    response = client.post(
        "/admin/regions/new/",
        {
            "name": "重复",
            "name_en": "",
            "kind": "village",
            "code": "gz-qxg-hs-zjq",
            "parent": tree["town"].pk,
        },
    )
    assert response.status_code == 200
    assert Region.objects.count() == before
