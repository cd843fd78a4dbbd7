"""What the service worker is made of: the vendored libraries (pinned; `make vendor-workbox`
fetches the same versions), the files every saved page needs (precached), and the version that
names the caches. A change to any of those files, or to OFFLINE_APP_VERSION, is a new service
worker: the phone installs it in the background and it deletes the caches of the old one."""

import functools
import hashlib

from django.conf import settings
from django.contrib.staticfiles import finders
from django.templatetags.static import static

WORKBOX_VERSION = "7.4.1"  # the Makefile's WORKBOX_VERSION
IDB_KEYVAL_VERSION = "6.2.2"  # the Makefile's IDB_KEYVAL_VERSION
WORKBOX_DIR = f"vendor/workbox-v{WORKBOX_VERSION}"
WORKBOX_MODULES = ("workbox-core", "workbox-routing", "workbox-strategies", "workbox-precaching")

SW_SCRIPTS = (
    f"{WORKBOX_DIR}/workbox-sw.js",
    f"vendor/idb-keyval-{IDB_KEYVAL_VERSION}/umd.js",
    "js/offline-sw.js",
)
# The files a saved page asks for besides itself (the pages link them through `static`).
SHELL_FILES = (
    "css/site.css",
    "js/offline.js",
    "js/task-upload.js",
    "img/icon-192.png",
)
# Learner pages the service worker keeps every time she opens them (her saved courses' pages
# are kept only once she saved the course).
KEPT_PAGES = ("learn:dashboard",)


def module_urls() -> dict:
    return {name: static(f"{WORKBOX_DIR}/{name}.prod.js") for name in WORKBOX_MODULES}


@functools.cache
def _files_digest() -> str:
    digest = hashlib.sha256()
    names = SW_SCRIPTS + SHELL_FILES + tuple(f"{WORKBOX_DIR}/{m}.prod.js" for m in WORKBOX_MODULES)
    for name in names:
        path = finders.find(name)
        if path is None:  # collected only (production without the app folders)
            digest.update(static(name).encode())
            continue
        with open(path, "rb") as file:
            digest.update(file.read())
    return digest.hexdigest()


def sw_version() -> str:
    """Names this version of the service worker and of its app-shell cache."""
    extra = getattr(settings, "OFFLINE_APP_VERSION", "")
    return hashlib.sha256(f"{_files_digest()}:{extra}".encode()).hexdigest()[:12]
