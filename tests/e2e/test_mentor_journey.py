import re

import pytest

from tests.conftest import COMMITTED_DB
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.browser, COMMITTED_DB]


def test_demo_mentor_logs_a_home_visit_and_the_flag_clears(demo, live_url, phone_page):
    from playwright.sync_api import expect

    page = phone_page

    log_in(page, live_url, "13800000002")

    page.get_by_role("link", name="我的学员").click()
    page.get_by_role("link", name=re.compile("^已 30 天没有带教联系")).click()
    mentee = page.get_by_role("article").filter(has_text="李秀英")
    expect(mentee.get_by_text("已 30 天没有带教联系")).to_be_visible()
    mentee.get_by_role("link", name="李秀英").click()

    expect(page.get_by_role("heading", name="李秀英")).to_be_visible()
    expect(page.get_by_text("已 30 天没有带教联系")).to_be_visible()
    page.get_by_role("link", name="记录一次联系").click()

    page.get_by_label("家访").check()  # the default, chosen again as a mother would
    page.get_by_label("用时（分钟）").fill("40")
    page.get_by_label("您和她聊了些什么？").fill("一起看了儿童之家的签到本，商量了下周的活动。")
    page.get_by_role("button", name="保存联系记录").click()

    expect(page.get_by_text("已记录和 李秀英 的联系。")).to_be_visible()
    expect(page.get_by_text("目前没有需要您关注的事。")).to_be_visible()
    expect(page.get_by_text("已 30 天没有带教联系")).to_have_count(0)
    expect(page.get_by_text("一起看了儿童之家的签到本")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
