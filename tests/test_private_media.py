"""In development (DEBUG), site images are served from MEDIA_ROOT but private files are not:
learners' photos, certificates and exports are only reached through their checked views."""

import importlib

import pytest
from django.urls import clear_url_caches

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug_urls(settings):
    settings.DEBUG = True
    import lms.urls

    clear_url_caches()
    importlib.reload(lms.urls)
    yield
    settings.DEBUG = False
    clear_url_caches()
    importlib.reload(lms.urls)


def test_private_folders_are_not_served_by_name(client, settings, debug_urls):
    media = settings.MEDIA_ROOT
    for path in ("submissions/2026/01/a.jpg", "exports/b.csv", "certificates/2026/c.pdf"):
        target = media / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"private")
        for asked in (path, f"./{path}", f"x/../{path}", f"x/..//{path}"):
            assert client.get(f"{settings.MEDIA_URL}{asked}").status_code == 404, asked
    public = media / "original_images" / "d.txt"
    public.parent.mkdir(parents=True, exist_ok=True)
    public.write_bytes(b"public")
    assert client.get(f"{settings.MEDIA_URL}original_images/d.txt").status_code == 200
