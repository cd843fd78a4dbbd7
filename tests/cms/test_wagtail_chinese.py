"""The Chinese admin speaks Chinese where Wagtail's own catalogs stop: the strings they leave
untranslated come from the project (cms/wagtail_locale, a LOCALE_PATHS entry after `locale/`),
on the pages and in the scripts."""

import json
import re
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.urls import reverse
from django.utils.translation import trans_real

from lms.accounts import roles
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, role_groups, site_pages):
    client.force_login(UserFactory(roles=[roles.CONTENT_EDITOR], preferred_language="zh-hans"))
    return client


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_chinese(html, *pairs):
    for english, chinese in pairs:
        assert english not in html, english
        assert chinese in html, chinese


def wagtail_english_entries(domain):
    """(app label, entry) for every message of the installed Wagtail apps' English catalogs."""
    for config in apps.get_app_configs():
        if config.name == "wagtail" or config.name.startswith("wagtail."):
            catalog = Path(config.path) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
            if catalog.exists():
                for entry in polib.pofile(str(catalog)):
                    if not entry.obsolete:
                        yield config.name, entry


def served_js_catalog(client):
    """The catalog of the admin's scripts (Wagtail's jsi18n view), as a dict."""
    script = page(client, reverse("wagtailadmin_javascript_catalog"))
    start = script.index("const newcatalog = ") + len("const newcatalog = ")
    return json.JSONDecoder().raw_decode(script, start)[0]


def test_the_dashboard_is_in_chinese(editor_client):
    dashboard = page(editor_client, reverse("wagtailadmin_home"))
    assert_chinese(
        dashboard,
        ("Search all pages", "搜索所有页面…"),
        ("Paste without formatting", "粘贴为纯文本"),  # the keyboard shortcuts dialog
        ("Edit account avatar", "编辑账户头像"),
    )


def test_the_page_explorer_is_in_chinese(editor_client, site_pages):
    home, _index = site_pages
    explorer = page(editor_client, reverse("wagtailadmin_explore", args=[home.pk]))
    assert_chinese(
        explorer,
        ("Has child pages", "有子页面"),
        ("Date updated", "更新日期"),
        ("Edited by", "编辑者"),
        ("Page type", "页面类型"),
    )


def test_the_page_editor_is_in_chinese(editor_client, site_pages):
    home, _index = site_pages
    edit = page(editor_client, reverse("wagtailadmin_pages:edit", args=[home.pk]))
    assert_chinese(
        edit,
        ("Schedule to publish", "定时发布"),
        ("Autosave is paused", "自动保存已暂停"),
        ("Saved", "已保存"),
        ("Content metrics", "内容指标"),
        ("Reading time", "阅读时间"),
    )


def test_the_snippet_listing_names_the_locale_column_in_chinese(editor_client):
    listing = page(editor_client, reverse("wagtailsnippets_assessments_quiz:list"))
    assert re.search(r">\s*语言区域\s*<", listing)
    assert not re.search(r">\s*Locale\s*<", listing)


def test_the_account_page_is_in_chinese(editor_client):
    account = page(editor_client, reverse("wagtailadmin_account"))
    assert_chinese(
        account,
        ("Theme preferences", "主题偏好"),
        ("More contrast", "更高对比度"),
        (">Password<", ">密码<"),
    )


def test_yes_and_no_in_list_cells_not_true_and_false(client, role_groups):
    client.force_login(UserFactory(is_superuser=True, preferred_language="zh-hans"))
    users = page(client, reverse("wagtailusers_users:index"))
    assert re.search(r'<span class="w-sr-only">\s*是\s*</span>', users)  # the "Active" cell
    assert not re.search(r'<span class="w-sr-only">\s*(True|False)\s*</span>', users)


def test_the_admin_scripts_get_the_chinese_too(editor_client):
    catalog = served_js_catalog(editor_client)
    assert catalog["Insert a block"] == "插入区块"
    assert catalog["Write something or type ‘/’ to insert a block"] == "输入内容，或输入“/”插入区块"


def test_every_message_of_the_admin_scripts_has_its_chinese(editor_client):
    catalog = served_js_catalog(editor_client)
    missing = [
        (app, entry.msgid)
        for app, entry in wagtail_english_entries("djangojs")
        if not catalog.get(entry.msgid)
    ]
    assert not missing, f"add them to cms/wagtail_locale: {missing}"


def test_every_message_of_wagtails_pages_has_its_chinese():
    """After a Wagtail upgrade this lists the new strings to add to cms/wagtail_locale."""
    catalog = trans_real.translation("zh-hans")._catalog

    def translated(entry):
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        return bool(catalog.get((key, 0) if entry.msgid_plural else key))

    missing = [
        (app, entry.msgctxt, entry.msgid)
        for app, entry in wagtail_english_entries("django")
        if not translated(entry)
    ]
    assert not missing, f"add them to cms/wagtail_locale: {missing}"
