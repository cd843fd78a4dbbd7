"""A course saved on the phone, in Chromium: it follows an editor's change when she is next
online, and a phone with no room left says so in her language and keeps nothing half-saved."""

import pytest
from wagtail.rich_text import RichText

from courses.models import LessonPage
from lms.accounts.models import User
from tests.conftest import COMMITTED_DB
from tests.e2e.conftest import log_in
from tests.e2e.test_offline import (
    ASK,
    COURSE,
    LESSON,
    LESSONS,
    STORES,
    controlled,
    kept_on_phone,
    save_course,
)
from tests.factories import zh

pytestmark = [pytest.mark.browser, COMMITTED_DB]

# Whether the phone's copy of `path` holds `text`, looked at until it does or `seconds` pass.
KEPT_WITH = """([path, text, seconds]) => new Promise((resolve) => {
  const until = Date.now() + seconds * 1000;
  const look = () => caches.open("ca-saved-1")
    .then((cache) => cache.match(path, { ignoreVary: true }))
    .then((found) => found ? found.text() : "")
    .then((body) => body.includes(text) ? resolve(true)
      : Date.now() > until ? resolve(false) : setTimeout(look, 200));
  look();
})"""


def test_a_saved_course_follows_an_editors_change(demo, live_url, phone_page, settings):
    # Every page opened online checks her saved courses (in use: at most every 5 minutes).
    settings.OFFLINE_REFRESH_SECONDS = 0
    lesson = LessonPage.objects.get(
        url_path__endswith="/opening-hours/", locale__language_code="zh-hans"
    )
    path = LESSON.format(LESSONS["opening-hours"])
    page = phone_page
    log_in(page, live_url, "13800000001")
    save_course(page, live_url)

    news = "通知：从下个月起，儿童之家每天下午三点半开门。"
    lesson.body.insert(0, ("paragraph", RichText(f"<p>{news}</p>")))
    editor = User.objects.get(phone="+8613800000004")
    lesson.save_revision(user=editor).publish(user=editor)

    # Online, she opens another page (the lesson itself would be fetched anyway).
    page.goto(live_url + "/learn/")
    controlled(page)
    assert page.evaluate(KEPT_WITH, [path, news, 20]), "the saved lesson was not updated"

    page.context.set_offline(True)
    page.goto(live_url + path)
    page.locator("#offline [data-banner]").wait_for()
    assert news in page.locator("main").inner_text()
    page.context.set_offline(False)


def test_a_full_phone_says_so_and_keeps_nothing_half_saved(demo, live_url, phone_page):
    page = phone_page
    log_in(page, live_url, "13800000001")
    page.goto(live_url + COURSE)
    controlled(page)
    kept_on_phone(page, "/learn/")
    page.evaluate(ASK, {"type": "state"})

    # The phone has room for a few more pages, not for the course.
    usage = page.evaluate("navigator.storage.estimate().then((e) => e.usage)")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": live_url, "quotaSize": usage + 30_000})
    saver = page.locator("[data-offline-course]")
    save = saver.get_by_role("button", name=zh("Save for offline"))
    save.click()
    saver.locator("[data-status]").get_by_text(
        zh(
            "There is not enough space on this phone to save this course. Remove a saved "
            "course or free some space, then try again."
        )
    ).wait_for()
    assert save.is_visible() and save.is_enabled()
    assert not saver.get_by_role("button", name=zh("Remove from this phone")).is_visible()
    assert page.evaluate(ASK, {"type": "state"})["courses"] == []
    left = page.evaluate(STORES)
    assert left["courses"] == 0
    assert left["saved"] == [live_url + "/learn/"]  # her /learn/ page, kept before

    # Room made: the same button saves the course.
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": live_url})
    save.click()
    saver.get_by_role("button", name=zh("Remove from this phone")).wait_for()
    assert [c["url"] for c in page.evaluate(ASK, {"type": "state"})["courses"]] == [COURSE]
    cdp.detach()
