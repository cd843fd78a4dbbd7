"""Each role walks its own pages in Chinese, switches to English with the language link, walks
them again, and switches back: no text of the platform's own shows in the other language.

People's names, what they wrote and the demo's content are data and may be in either
language; the platform's own words are what is checked: in Chinese, every visible word in
Latin letters (a handful of names such as PDF excepted); in English, every visible text but
what people wrote (marked data-user-text in the templates) and people's and places' names."""

import re

import pytest

from tests.conftest import COMMITTED_DB
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.browser, COMMITTED_DB]

# Latin-letter words that are right on a Chinese page.
LATIN_OK = {"PDF", "CSV", "Excel", "SMS", "QR", "English", "Wagtail", "OK", "JPEG", "PNG"}
# The name of the credential standard and the file kinds she downloads.
LATIN_OK |= {"Open", "Badges", "json", "png"}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]{2,}")
CJK = re.compile(r"[\u4e00-\u9fff]")
SKIP = ("logout", "export", "/media/", "/static/", ".pdf", ".json", "delete", "/accounts/")
SKIP += ("/admin/account/",)  # the time zones: place names
PAGES_PER_WALK = 14
ADMIN_PAGES_PER_WALK = 4

# The visible text of the page (and the hints a screen reader reads), piece by piece.
VISIBLE_TEXT = """() => {
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!el || el.closest('script,style,template,noscript,svg,[hidden]')) continue;
    if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
    if (node.textContent.trim()) parts.push(node.textContent.trim());
  }
  for (const el of document.querySelectorAll('[placeholder],[aria-label],input[type=submit]')) {
    if (el.closest('script,style,template,noscript,svg,[hidden]')) continue;
    for (const name of ['placeholder', 'aria-label', 'value'])
      if (el.getAttribute(name) && (name !== 'value' || el.type === 'submit'))
        parts.push(el.getAttribute(name));
  }
  return parts;
}"""
# In the admin, the platform's own text: all but table cells, headings and breadcrumbs, which
# name the records listed or edited (data, in the language they were written in).
ADMIN_TEXT = VISIBLE_TEXT.replace(
    "noscript,svg,[hidden]", "noscript,svg,[hidden],td,h1,[data-w-breadcrumbs],.title-wrapper"
)
# Wagtail's own English that no catalog can reach (written into its templates, read by screen
# readers only): the actions menu's label and the search form's hidden button.
WAGTAIL_HARD_CODED = {"Actions", "Search"}
# The platform's own text on an English page: all but what people wrote.
OWN_TEXT = VISIBLE_TEXT.replace("noscript,svg,[hidden]", "noscript,svg,[hidden],[data-user-text]")


def _links(page, base, prefix):
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(a => a.getAttribute('href'))")
    for href in hrefs:
        href = href.split("#")[0]
        if href.startswith(base):
            href = href[len(base) :]
        if href.startswith(prefix) and "?" not in href and not any(s in href for s in SKIP):
            yield href


def _walk(page, base, start, prefix, check, limit=PAGES_PER_WALK):
    """Visit `start` and the pages it leads to under `prefix`; `check(page)` returns the
    offending texts. Returns {text: first page it was seen on}."""
    seen, queue, found = set(), [start], {}
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = page.goto(base + path)
        if response is None or response.status != 200:
            continue
        for text in check(page):
            found.setdefault(text, path)
        queue += [href for href in _links(page, base, prefix) if href not in seen]
    assert len(seen) >= min(limit, 5), seen  # a walk, not a single page
    return found


def _latin_in_chinese(page, script=VISIBLE_TEXT):
    return [
        text
        for text in page.evaluate(script)
        if text not in WAGTAIL_HARD_CODED
        if not re.search(r"@|https?://|\.(com|org)", text)
        and any(word not in LATIN_OK for word in LATIN_WORD.findall(text))
    ]


def _data_words():
    """People's and places' names: data, in Chinese on every page."""
    from lms.accounts.models import Region, User

    names = set(User.objects.values_list("display_name", flat=True))
    names |= set(Region.objects.values_list("name", flat=True))
    return sorted((n for n in names if n), key=len, reverse=True)


def _content_names():
    """The names of records staff and editors pick from (cohorts, sessions, content in
    Chinese with no English yet): data too."""
    from wagtail.models import Page

    from lms.programme.models import Cohort, TrainingSession

    names = set(Cohort.objects.values_list("name", flat=True))
    names |= set(TrainingSession.objects.values_list("title", flat=True))
    names |= set(Page.objects.values_list("title", flat=True))
    return sorted((n for n in names if n), key=len, reverse=True)


def _chinese_in_english(page, data=(), script=None):
    found = []
    for text in page.evaluate(script or OWN_TEXT):
        rest = text
        for name in data:
            rest = rest.replace(name, "")
        if CJK.search(rest) and text != "中文":
            found.append(text)
    return found


@pytest.mark.parametrize(
    "phone, home",
    [("13800000001", "/learn/"), ("13800000002", "/mentor/")],
    ids=["learner", "mentor"],
)
def test_each_role_walks_its_pages_in_chinese_then_english_then_chinese(
    demo, live_url, phone_page, phone, home
):
    page = phone_page
    log_in(page, live_url, phone)
    assert _walk(page, live_url, home, "/", _latin_in_chinese) == {}
    # The switch in the page's footer, as she finds it.
    page.goto(live_url + home)
    page.get_by_role("link", name="English").click()
    assert page.url.startswith(live_url + "/en/")
    data = _data_words()
    english = _walk(page, live_url, "/en" + home, "/en/", lambda p: _chinese_in_english(p, data))
    assert english == {}
    # And back: the Chinese stays chosen on the next page she opens.
    page.get_by_role("link", name="中文").click()
    page.goto(live_url + home)
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert _walk(page, live_url, home, "/", _latin_in_chinese) == {}


def _walk_admin(page, base, pages, check):
    """A short walk from the admin's home and from each of `pages`."""
    found = {}
    for start in ["/admin/", *pages]:
        found.update(_walk(page, base, start, "/admin/", check, limit=ADMIN_PAGES_PER_WALK))
    return found


STAFF_PAGES = ["/admin/dashboards/", "/admin/dashboards/at-risk/", "/admin/cohorts/"]
STAFF_PAGES += ["/admin/training_sessions/", "/admin/assessment-results/"]
EDITOR_PAGES = ["/admin/pages/", "/admin/snippets/assessments/quiz/"]
EDITOR_PAGES += ["/admin/snippets/assessments/practicaltask/", "/admin/translations/to-do/"]
EDITOR_PAGES += ["/admin/snippets/certificates/certificationlevel/", "/admin/images/"]


@pytest.mark.parametrize(
    "phone, pages",
    [("13800000003", STAFF_PAGES), ("13800000004", EDITOR_PAGES)],
    ids=["staff", "editor"],
)
def test_staff_and_editors_work_in_a_chinese_admin(demo, live_url, laptop_page, phone, pages):
    page = laptop_page
    log_in(page, live_url, phone)
    assert _walk_admin(page, live_url, pages, lambda p: _latin_in_chinese(p, ADMIN_TEXT)) == {}


@pytest.mark.parametrize(
    "phone, pages",
    [("13800000003", STAFF_PAGES), ("13800000004", EDITOR_PAGES)],
    ids=["staff", "editor"],
)
def test_staff_and_editors_switch_the_admin_to_english_and_back(
    demo, live_url, laptop_page, phone, pages
):
    """The admin follows the language she chose on the site (her account's preference)."""
    page = laptop_page
    log_in(page, live_url, phone)
    page.goto(live_url + "/learn/")
    page.get_by_role("link", name="English").click()
    data = _data_words() + _content_names()
    check = lambda p: _chinese_in_english(p, data, ADMIN_TEXT)  # noqa: E731
    assert _walk_admin(page, live_url, pages, check) == {}
    page.goto(live_url + "/en/learn/")
    page.get_by_role("link", name="中文").click()
    page.goto(live_url + "/admin/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"
