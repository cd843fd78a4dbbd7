"""The Chinese admin speaks Chinese where Wagtail's own catalogs stop: the strings they leave
untranslated come from the project (cms/wagtail_locale), on the pages and in the scripts."""

import pytest
from django.urls import reverse

from lms.accounts import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, role_groups, site_pages):
    client.force_login(UserFactory(roles=[roles.CONTENT_EDITOR], preferred_language="zh-hans"))
    return client


def test_the_dashboard_and_the_page_editor_are_in_chinese(editor_client, site_pages):
    home, _index = site_pages
    dashboard = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Search all pages" not in dashboard and "搜索所有页面…" in dashboard
    edit = editor_client.get(reverse("wagtailadmin_pages:edit", args=[home.pk])).content.decode()
    for english, chinese in (
        ("Schedule to publish", "定时发布"),
        ("Autosave is paused", "自动保存已暂停"),
        ("Content metrics", "内容指标"),
    ):
        assert english not in edit and chinese in edit


def test_the_admin_scripts_get_the_chinese_too(editor_client):
    catalog = editor_client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    assert "\\u63d2\\u5165\\u533a\\u5757" in catalog or "插入区块" in catalog  # Insert a block
