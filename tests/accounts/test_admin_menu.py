"""The staff pages are in the admin menu of programme staff, and only theirs."""

import pytest
from django.urls import reverse

from lms.accounts import roles
from tests.factories import UserFactory, make_region, staff_user

pytestmark = pytest.mark.django_db

STAFF_PAGES = [
    "dashboards:index",
    "programme_import:index",
    "certificates_admin:index",
    "assessment_results:index",
]


def test_programme_staff_find_their_pages_in_the_admin_menu(client):
    client.force_login(staff_user(make_region()))
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    for name in STAFF_PAGES:
        assert reverse(name) in menu, name


def test_content_editors_do_not_see_the_staff_pages(client):
    roles.sync_role_groups()
    client.force_login(UserFactory(roles=[roles.CONTENT_EDITOR]))
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    for name in STAFF_PAGES:
        assert reverse(name) not in menu, name
