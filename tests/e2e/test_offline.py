"""Learning without a network, in Chromium: the app is installable, a saved course opens with
no network, what she does offline is queued on the phone and accepted exactly once, signing out
clears the phone, a new service worker keeps her queue, and the pages stay light.

Service-worker requests are reported to Playwright (PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_
EVENTS), so the tests also see that nothing is fetched from anywhere but the site."""

import os
import re
from urllib.parse import urlparse

import pytest
from django.utils import timezone
from PIL import Image

from assessments.models import PracticalTask, Quiz, QuizAttempt, Submission
from courses.models import LessonCompletion, LessonPage, OfflineAction
from lms.accounts.models import User
from tests.conftest import COMMITTED_DB
from tests.e2e.conftest import log_in
from tests.factories import zh


def zh_template(msgid):
    """A {% translate %} string with a placeholder, in Chinese, ready for `%` (the template
    tag keys such strings with %% in the catalog)."""
    return zh(msgid).replace("%%", "%")


def first_sentence(text):
    return re.split("[.。]", text)[0]


pytestmark = [pytest.mark.browser, COMMITTED_DB]
os.environ["PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS"] = "1"

COURSE = "/courses/running-a-childrens-home/"
LESSON = COURSE + "{}/"
LESSONS = {
    "opening-hours": "opening-every-day/opening-hours",
    "sign-in": "records-and-partners/sign-in-and-records",
    "committee": "records-and-partners/village-committee",
}

# Ask the service worker and wait for its answer (as the pages' script does).
ASK = """(message) => navigator.serviceWorker.ready.then((registration) =>
 new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = (event) => { if (!event.data.progress) resolve(event.data); };
  registration.active.postMessage({online: navigator.onLine, ...message}, [channel.port2]);
}))"""

# The phone's queue, read or written as the service worker keeps it (idb-keyval's store).
QUEUE = """([mode, rows]) => new Promise((resolve, reject) => {
  const opening = indexedDB.open("ca-queue");
  opening.onerror = reject;
  opening.onsuccess = () => {
    const db = opening.result;
    const store = db.transaction("actions", mode).objectStore("actions");
    if (mode === "readonly") {
      const all = store.getAll();
      all.onsuccess = () => {
        window.keptQueue = all.result; db.close(); resolve(all.result.length);
      };
    } else {
      for (const row of window.keptQueue) store.put(row, row.id);
      store.transaction.oncomplete = () => { db.close(); resolve(window.keptQueue.length); };
    }
  };
})"""

STORES = """async () => {
  const count = (name, store) => new Promise((resolve) => {
    const opening = indexedDB.open(name);
    opening.onupgradeneeded = () => opening.result.createObjectStore(store);
    opening.onsuccess = () => {
      const request = opening.result.transaction(store).objectStore(store).count();
      request.onsuccess = () => { opening.result.close(); resolve(request.result); };
    };
  });
  const saved = await caches.has("ca-saved-1")
    ? (await (await caches.open("ca-saved-1")).keys()).map((request) => request.url) : [];
  return {
    caches: await caches.keys(),
    saved,
    queue: await count("ca-queue", "actions"),
    courses: await count("ca-courses", "courses"),
    notices: await count("ca-notices", "notices"),
    meta: await count("ca-meta", "meta"),
  };
}"""


def controlled(page):
    """Wait until the service worker answers for the page (page.evaluate: the pages' CSP
    forbids the eval that wait_for_function uses)."""
    page.evaluate(
        """() => navigator.serviceWorker.controller || new Promise((resolve) =>
          navigator.serviceWorker.addEventListener("controllerchange", resolve))"""
    )


def kept_on_phone(page, path):
    """Wait until the phone keeps `path` (the service worker stores a page after answering)."""
    page.evaluate(
        """(path) => new Promise((resolve) => {
          const look = () => caches.open("ca-saved-1").then((cache) => cache.match(path))
            .then((found) => found ? resolve(true) : setTimeout(look, 100));
          look();
        })""",
        path,
    )


def waiting_count(page):
    return page.locator("#offline [data-count]")


def a_photo(path):
    Image.effect_noise((1200, 900), 60).convert("RGB").save(path, "JPEG", quality=85)
    return path


def foreign_requests(page):
    """Every request of the page and its service worker to anywhere but the site."""
    foreign = []
    page.context.on(
        "request",
        lambda request: (
            foreign.append(request.url)
            if urlparse(request.url).hostname not in ("127.0.0.1", None)
            and not request.url.startswith(("data:", "blob:"))
            else None
        ),
    )
    return foreign


def save_course(page, live_url):
    page.goto(live_url + COURSE)
    controlled(page)
    saver = page.locator("[data-offline-course]")
    saver.get_by_role("button", name=zh("Save for offline")).click()
    saver.locator("progress").wait_for(state="attached")
    # Done: the size she now keeps on the phone.
    saver.locator("[data-status]", has_text=re.compile(r"[（(]\d+(\.\d)? (KB|MB)[)）]")).wait_for()
    saver.get_by_role("button", name=zh("Remove from this phone")).wait_for()


def test_installable_and_an_unsaved_page_offline(demo, live_url, phone_page):
    page = phone_page
    foreign = foreign_requests(page)
    log_in(page, live_url, "13800000001")
    page.goto(live_url + "/learn/")
    controlled(page)

    cdp = page.context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert not manifest["errors"], manifest["errors"]
    assert '"start_url": "/learn/"' in manifest["data"]
    # Everything Chromium asks of an installable app is there; a Playwright context is an
    # incognito profile, where Chromium installs nothing.
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert [e["errorId"] for e in errors if e["errorId"] != "in-incognito"] == [], errors
    cdp.detach()
    scope = page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
    assert scope == live_url + "/"

    kept_on_phone(page, "/learn/")
    page.context.set_offline(True)
    page.reload()
    page.locator("#offline [data-banner]").wait_for()
    assert page.get_by_role("heading", name=zh("You are offline")).count() == 0
    # Not saved: the friendly page in her language, not the browser's error.
    page.goto(live_url + LESSON.format(LESSONS["sign-in"]))
    page.get_by_role("heading", name=zh("You are offline")).wait_for()
    assert page.get_by_text(
        first_sentence(
            zh(
                "No course is saved on this phone yet. Open a course when you have signal and "
                "press “Save for offline”."
            )
        )
    ).count()
    page.goto(live_url + "/en/learn/training/")
    page.get_by_role("heading", name="You are offline").wait_for()
    # A mentor's page is never answered from the phone.
    page.context.set_offline(False)
    assert not foreign, foreign


def test_save_a_course_learn_offline_and_sync_exactly_once(demo, live_url, phone_page, tmp_path):
    learner = User.objects.get(phone="+8613800000001")
    task = PracticalTask.objects.filter(locale__language_code="zh-hans").order_by("pk").first()
    quiz = Quiz.objects.filter(locale__language_code="zh-hans").order_by("pk").first()
    lesson = LessonPage.objects.get(
        url_path__endswith="/sign-in-and-records/", locale__language_code="zh-hans"
    )
    page = phone_page
    foreign = foreign_requests(page)
    log_in(page, live_url, "13800000001")
    save_course(page, live_url)

    page.context.set_offline(True)
    page.goto(live_url + "/learn/")
    page.locator("#offline [data-banner]").wait_for()
    for slug in LESSONS.values():
        page.goto(live_url + LESSON.format(slug))
        assert page.locator("h1").inner_text()
        page.locator("#offline [data-banner]").wait_for()

    # A lesson marked done.
    page.goto(live_url + LESSON.format(LESSONS["sign-in"]))
    page.get_by_role("button", name=zh("Mark this lesson complete")).click()
    page.get_by_text(zh("Kept on this phone. It will be sent when you are back online.")).wait_for()

    # The untimed quiz: its page sends her to the offline form; no key on the phone.
    page.goto(live_url + LESSON.format("opening-every-day/daily-routine"))
    page.locator(".quiz-card a.btn").click()
    page.get_by_role("button", name=zh("Start the quiz")).click()
    page.wait_for_url("**/offline/**")
    for fieldset in page.locator("fieldset.question").all():
        fieldset.locator("input").first.check()
    page.get_by_role("button", name=zh("Keep my answers and send them")).click()
    page.get_by_text(
        first_sentence(
            zh(
                "Your answers are kept on this phone. They are scored on the server when you are "
                "back online, and then you see your result here."
            )
        )
    ).wait_for()

    # The practical task, with a photo scaled down in the phone.
    page.goto(live_url + f"/learn/tasks/{task.pk}/")
    text = "离线时写的活动方案：先做游戏，再讲安全。"
    page.locator("textarea[name=text]").fill(text)
    page.locator("input[type=file]").set_input_files(str(a_photo(tmp_path / "activity.jpg")))
    page.get_by_role("button", name=zh("Hand in for grading")).click()
    page.get_by_text(
        first_sentence(
            zh("Kept on this phone with its photos. It will be sent when you are back online.")
        )
    ).wait_for()
    assert waiting_count(page).inner_text() == zh_template("Waiting to be sent: %%(n)s") % {"n": 3}

    # Reloaded with no network: nothing lost.
    page.reload()
    assert waiting_count(page).inner_text() == zh_template("Waiting to be sent: %%(n)s") % {"n": 3}
    assert page.locator("textarea[name=text]").input_value() == text
    assert not LessonCompletion.objects.filter(learner=learner, lesson=lesson).exists()
    page.goto(live_url + "/learn/")
    assert page.evaluate(QUEUE, ["readonly", []]) == 3  # kept to send again below

    back_online = timezone.now()
    page.context.set_offline(False)
    waiting_count(page).wait_for(state="hidden", timeout=20_000)
    page.locator("#offline [data-notices] li").nth(2).wait_for()

    def one_of_each():
        assert LessonCompletion.objects.filter(learner=learner, lesson=lesson).count() == 1
        attempts = QuizAttempt.objects.filter(learner=learner, quiz=quiz)
        assert attempts.count() == 1
        assert attempts.get().submitted_at is not None and attempts.get().score is not None
        submission = Submission.objects.get(learner=learner, task=task)
        assert submission.status == "submitted"
        version = submission.versions.get()
        assert version.text == text and version.photos.count() == 1
        assert OfflineAction.objects.filter(learner=learner).count() == 3

    one_of_each()
    # Recorded when she did it, not when it arrived.
    assert LessonCompletion.objects.get(learner=learner, lesson=lesson).completed_at < back_online
    # The same three sent again (a reply lost on the way back): nothing twice.
    assert page.evaluate(QUEUE, ["readwrite", []]) == 3
    assert page.evaluate(ASK, {"type": "flush"})["waiting"] == 0
    one_of_each()
    notices = page.locator("#offline [data-notices] li")
    assert notices.count() == 3
    assert (
        zh("Lesson “%(title)s” is complete.") % {"title": lesson.title}
        in notices.all_inner_texts()[0]
    )

    # Signing out clears her pages and her queue from the phone.
    page.goto(live_url + "/accounts/logout/")
    page.locator("#logout-form button").click()
    page.wait_for_url(live_url + "/")
    left = page.evaluate(STORES)
    # What stays is the app (the offline page, styles, scripts), kept for whoever comes next.
    assert set(left["caches"]) <= {
        "ca-saved-1",
        next(n for n in left["caches"] if n.startswith("ca-shell-")),
    }
    assert left["saved"] == []
    assert left["queue"] == left["courses"] == left["notices"] == left["meta"] == 0
    assert not foreign, foreign


def test_a_new_service_worker_keeps_the_queue_and_sign_out_warns(
    demo, live_url, phone_page, settings, monkeypatch
):
    from courses.offline import views as offline_views

    learner = User.objects.get(phone="+8613800000001")
    page = phone_page
    log_in(page, live_url, "13800000001")
    page.goto(live_url + LESSON.format(LESSONS["sign-in"]))
    controlled(page)
    [old_shell] = [n for n in page.evaluate("caches.keys()") if n.startswith("ca-shell-")]

    # Done offline; then the server cannot take it for a while: it waits on the phone.
    def server_down(**kwargs):
        raise RuntimeError("the database is down")

    monkeypatch.setattr(offline_views, "offline_action_accept", server_down)
    page.context.set_offline(True)
    page.get_by_role("button", name=zh("Mark this lesson complete")).click()
    page.get_by_text(zh("Kept on this phone. It will be sent when you are back online.")).wait_for()
    page.context.set_offline(False)
    assert page.evaluate(ASK, {"type": "flush"})["waiting"] == 1

    # A new version of the service worker takes over the open page.
    settings.OFFLINE_APP_VERSION = "next"
    page.evaluate(
        """() => new Promise((resolve) => {
          navigator.serviceWorker.addEventListener("controllerchange", resolve);
          navigator.serviceWorker.getRegistration().then((registration) => registration.update());
        })"""
    )
    page.reload()
    assert page.evaluate(ASK, {"type": "state"})["waiting"] == 1  # nothing lost
    shells = [n for n in page.evaluate("caches.keys()") if n.startswith("ca-shell-")]
    assert len(shells) == 1 and shells != [old_shell]  # versioned; the old one deleted
    assert page.evaluate(ASK, {"type": "state"})["waiting"] == 1  # nothing lost

    # Signing out with something unsent: she is told first.
    page.goto(live_url + "/accounts/logout/")
    page.locator("#logout-form button").click()
    page.locator("#logout-warning").wait_for()
    warning = zh_template(
        "Not sent yet: %%(n)s. If you sign out now, it is lost. Connect to a network first, or "
        "press the button again to sign out anyway."
    )
    assert first_sentence(warning % {"n": 1}) in page.locator("#logout-warning").inner_text()

    monkeypatch.undo()
    assert page.evaluate(ASK, {"type": "flush"})["waiting"] == 0
    assert LessonCompletion.objects.filter(learner=learner).count() == 3  # two before, one now
    page.locator("#logout-form button").click()
    page.wait_for_url(live_url + "/")
    assert page.evaluate(STORES)["queue"] == 0


def test_learner_pages_stay_under_30_kb(demo, live_url, phone_page):
    """HTML, CSS and JS transferred (bodies and headers) for a visit of each learner page with
    nothing cached: the browser's cache disabled and service workers blocked, so the service
    worker's own script and the Workbox files it loads once in the background are not
    counted; images are not counted. Static files are counted as this test server sends them,
    uncompressed (whitenoise compresses them in production)."""
    task = PracticalTask.objects.filter(locale__language_code="zh-hans").order_by("pk").first()
    quiz = Quiz.objects.filter(locale__language_code="zh-hans").order_by("pk").first()
    context = phone_page.context.browser.new_context(
        service_workers="block", locale="zh-CN", viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    log_in(page, live_url, "13800000001")
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})  # each page as if first
    for path in (
        "/learn/",
        COURSE,
        LESSON.format("opening-every-day/daily-routine"),
        f"/learn/tasks/{task.pk}/",
        f"/learn/quizzes/{quiz.pk}/offline/",
    ):
        finished = []

        def note(request, finished=finished):
            finished.append(request)

        page.on("requestfinished", note)
        page.goto(live_url + path)
        page.wait_for_load_state("networkidle")
        page.remove_listener("requestfinished", note)
        weight = 0
        for request in finished:
            if request.resource_type in ("document", "stylesheet", "script"):
                sizes = request.sizes()
                weight += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        print(f"{path}: {weight} bytes")
        assert weight < 30_000, (path, weight)
    context.close()
