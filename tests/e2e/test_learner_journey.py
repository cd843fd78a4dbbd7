import io
import re

import pytest
from django.core.management import call_command

from tests.conftest import COMMITTED_DB
from tests.e2e.conftest import log_in

pytestmark = [
    pytest.mark.browser,
    COMMITTED_DB,
]


def test_demo_learner_logs_in_completes_a_lesson_and_sees_progress_move(live_url, phone_page):
    from playwright.sync_api import expect

    call_command("seed_demo", stdout=io.StringIO())
    page = phone_page

    log_in(page, live_url, "13800000001")

    expect(page.get_by_role("heading", name="王小梅，您好")).to_be_visible()
    first_course = page.get_by_role("region", name="办好儿童之家")
    expect(first_course.get_by_text("共 5 节课，已完成 2 节（40%）")).to_be_visible()

    first_course.get_by_role("link", name=re.compile("^继续学习")).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.get_by_role("button", name="我学完这节课了").click()
    expect(page.get_by_text("真棒")).to_be_visible()

    page.get_by_role("link", name="我的学习").click()
    expect(first_course.get_by_text("共 5 节课，已完成 3 节（60%）")).to_be_visible()
    # The page fits a 360-pixel screen: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
