import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from lms.accounts import roles
from lms.accounts.models import User
from tests.factories import UserFactory, make_region

pytestmark = pytest.mark.django_db


def test_an_account_made_in_the_admin_is_made_like_every_other(client, role_groups):
    """The admin's form goes through users_create: the number typed as a mother says it is
    stored in international form, the email address is verified, roles and regions given."""
    admin = UserFactory(is_superuser=True, is_staff=True, roles=[])
    region = make_region("贵州省")
    client.force_login(admin)
    response = client.post(
        "/admin/users/new/",
        {
            "username": "chen-jing",
            "display_name": "陈静",
            "first_name": "静",
            "last_name": "陈",
            "email": "chen@example.org",
            "phone": "138 0000 0099",
            "preferred_language": "zh-hans",
            "home_region": region.pk,
            "staff_regions": [region.pk],
            "password1": "a-good-long-password",
            "password2": "a-good-long-password",
            "groups": [Group.objects.get(name=roles.PROGRAMME_STAFF).pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    user = User.objects.get(username="chen-jing")
    assert (user.phone, user.phone_verified, user.display_name) == ("+8613800000099", True, "陈静")
    assert user.check_password("a-good-long-password")
    assert EmailAddress.objects.filter(user=user, email="chen@example.org", verified=True).exists()
    assert list(user.staff_regions.all()) == [region]
    assert roles.has_role(user, roles.PROGRAMME_STAFF)


def test_a_number_already_in_use_is_refused_on_the_form(client, role_groups):
    admin = UserFactory(is_superuser=True, is_staff=True, roles=[])
    UserFactory(phone="+8613800000099")
    client.force_login(admin)
    before = User.objects.count()
    response = client.post(
        "/admin/users/new/",
        {
            "username": "someone",
            "display_name": "某人",
            "first_name": "人",
            "last_name": "某",
            "phone": "13800000099",
            "preferred_language": "zh-hans",
            "password1": "a-good-long-password",
            "password2": "a-good-long-password",
        },
    )
    assert response.status_code == 200
    assert User.objects.count() == before
