"""Logins read from the cache and written through to the database (Django's cached_db), which
keep working when the cache does not: every cache call here that can fail falls back to the
database. (Django's own store already does for some calls, not all.)

The cache keeps a session for CACHE_SECONDS only, then reads it from the database again: a
session ended while the cache was unreachable (a log-out that could not remove its cached
copy) stops working within minutes, not at the end of its 30 days."""

import logging

from django.conf import settings
from django.contrib.sessions.backends.cached_db import KEY_PREFIX
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.contrib.sessions.backends.db import SessionStore as DBStore
from django.core.cache import DEFAULT_CACHE_ALIAS

from .caching import MISSING, read_along

logger = logging.getLogger(__name__)


CACHE_SECONDS = 5 * 60


def cache_key_of(request) -> str | None:
    """The cache key of the request's login, if it names one (for caching.read_along)."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME, "")
    if settings.SESSION_CACHE_ALIAS == DEFAULT_CACHE_ALIAS and key.isalnum() and len(key) >= 8:
        return KEY_PREFIX + key
    return None


class SessionStore(CachedDBStore):
    def _keep(self, data, **expiry):
        # get_expiry_age() without an expiry reads the session itself: pass it while loading.
        age = min(self.get_expiry_age(**expiry), CACHE_SECONDS)
        try:
            self._cache.set(self.cache_key, data, age)
        except Exception as exc:  # noqa: BLE001 - the next request reads the database again
            logger.warning("session not cached: %s", exc)

    def load(self):
        # Usually read already, with the request's first generation tokens.
        data = read_along(self.cache_key)
        try:
            if data is MISSING:
                data = self._cache.get(self.cache_key)
        except Exception:  # noqa: BLE001 - the cache is down: the database has it
            data = None
        if data is not None:
            return data
        stored = self._get_session_from_db()
        if stored is None:
            return {}
        data = self.decode(stored.session_data)
        self._keep(data, expiry=stored.expire_date)
        return data

    def save(self, must_create=False):
        DBStore.save(self, must_create)
        self._keep(self._session)

    def exists(self, session_key):
        try:
            if session_key and (self.cache_key_prefix + session_key) in self._cache:
                return True
        except Exception:  # noqa: BLE001
            pass
        return DBStore.exists(self, session_key)

    def delete(self, session_key=None):
        DBStore.delete(self, session_key)
        session_key = session_key or self.session_key
        if session_key is None:
            return
        try:
            self._cache.delete(self.cache_key_prefix + session_key)
        except Exception as exc:  # noqa: BLE001 - it expires from the cache on its own
            logger.warning("session not removed from the cache: %s", exc)
