import os
import shutil

import pytest

from tests.conftest import require

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-dev-shm-usage",
]


@pytest.fixture
def live_url(transactional_db):
    """A live server for one test. (pytest-django's live_server lives for the whole session and
    keeps a PostgreSQL connection open past the test database's teardown.)"""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.db import connections
    from django.test.testcases import LiveServerThread

    shared = {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    for conn in shared.values():
        conn.inc_thread_sharing()
    # The staticfiles handler serves from the app folders (as runserver does), so the pages
    # are styled and the narrow-screen checks mean something.
    thread = LiveServerThread("127.0.0.1", StaticFilesHandler, shared, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    for conn in shared.values():
        conn.dec_thread_sharing()


def chromium_page(**context_options):
    """A page of Debian's Chromium driven by Playwright, closed again afterwards."""
    require(shutil.which(CHROMIUM) is not None, f"Chromium is not installed at {CHROMIUM}")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
    # itself are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="zh-CN", **context_options)
        page = context.new_page()
        page.set_default_timeout(15_000)
        # The Content-Security-Policy must not stop anything the platform's own pages do.
        refused = []
        page.on(
            "console",
            lambda message: (
                refused.append(message.text) if "Content Security Policy" in message.text else None
            ),
        )
        yield page
        assert not refused, refused
        # While Playwright's event loop runs, asgiref gives the ORM a separate connection
        # store; close that connection here, or the test database cannot be dropped.
        connections.close_all()
        context.close()
        browser.close()


@pytest.fixture
def phone_page():
    """A Chromium page the size of a cheap Android phone (360 x 740)."""
    yield from chromium_page(viewport={"width": 360, "height": 740}, is_mobile=True)


@pytest.fixture
def laptop_page():
    """A Chromium page the size of the laptop a county programme officer works on."""
    yield from chromium_page(viewport={"width": 1280, "height": 800})


def log_in(page, base_url, phone, password="companion-demo"):
    """Log in as a mother does: her mobile number as she types it, and her password."""
    page.goto(base_url + "/accounts/login/")
    page.get_by_label("手机号或邮箱").fill(phone)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
