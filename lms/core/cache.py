"""Django's Redis cache, made to degrade instead of fail: with Redis unreachable, a read is a
miss, a write does nothing, a counter starts again, and a warning says so in the log (once a
minute). Everything that uses the cache (sessions, rate limits, Wagtail's site paths, the
pages' kept data, the dashboards' numbers) then works without it, only slower."""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
_last_warning = 0.0


def warn_unreachable(exc):
    """Say in the log that the cache is out of reach (once a minute, however often)."""
    global _last_warning
    if time.monotonic() - _last_warning > 60:
        _last_warning = time.monotonic()
        logger.warning("cache unreachable, carrying on without it: %s", exc)


class _KeptClients(RedisCacheClient):
    """Django makes a new redis-py client object (cheap, but not free: a fifth of a kept
    page's time) for every cache call; one per connection pool does (they are thread-safe
    and reconnect after a fork)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(
                connection_pool=self._get_connection_pool(index)
            )
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {**params}
        options = {
            "socket_connect_timeout": 0.5,
            "socket_timeout": 0.5,
            **params.get("OPTIONS", {}),
        }
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._class = _KeptClients

    def _safely(self, method, fallback, *args, **kwargs):
        try:
            return getattr(super(), method)(*args, **kwargs)
        except UNREACHABLE as exc:
            warn_unreachable(exc)
            if isinstance(fallback, BaseException):
                raise fallback from exc
            return fallback

    def get(self, key, default=None, version=None):
        return self._safely("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._safely("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._safely("has_key", False, key, version)

    def add(self, key, value, timeout=None, version=None):
        # As if added: a rate limiter counts from the start (django-ratelimit), a lock taken
        # with add() is taken (allauth's limits), rather than refusing everyone while the
        # cache is down. The outage is in the log.
        return self._safely("add", True, key, value, timeout, version)

    def set(self, key, value, timeout=None, version=None):
        return self._safely("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=None, version=None):
        return self._safely("set_many", [], data, timeout, version)

    def touch(self, key, timeout=None, version=None):
        return self._safely("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._safely("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._safely("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        # As for a key that is not there: a counter (a rate limit) starts again.
        return self._safely("incr", ValueError(f"{key} unreachable"), key, delta, version)

    def clear(self):
        return self._safely("clear", False)
