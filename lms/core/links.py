"""Links that leave the site (QR codes, texts, emails) start with settings.PUBLIC_BASE_URL."""

from django.conf import settings


def public_url(path: str) -> str:
    """The absolute address of a path of this site, as a phone outside will open it."""
    return settings.PUBLIC_BASE_URL + path
