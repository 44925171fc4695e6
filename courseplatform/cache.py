"""The cache backend: Django's Redis cache, which keeps the site up while Redis is down.

Nothing in the cache is the only copy of anything (rendered Markdown, rate-limit
counters), so a Redis outage must cost speed, never a page: each operation that cannot
reach Redis is answered by a small in-memory cache of this process instead, and Redis is
tried again every few seconds (courseplatform.outage). Rate limits therefore keep working
during an outage, counted per web process instead of site-wide (so up to N times looser
with N processes): neither failing open for abusers nor closed for every learner.
"""

from __future__ import annotations

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from courseplatform.outage import Outage

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError)
FALLBACK = "using a per-process in-memory cache until it answers again"
# One record per Redis location, shared by every thread's cache object in this process.
_outages: dict[str, Outage] = {}


def cache_outage(location: str) -> Outage:
    return _outages.setdefault(location, Outage(f"The cache at {location}"))


def _resilient(name: str):
    def method(self, *args, **kwargs):
        outage = self._outage
        if not outage.skipping():
            try:
                result = getattr(RedisCache, name)(self, *args, **kwargs)
            except REDIS_DOWN as exc:
                outage.failed(exc, fallback=FALLBACK)
            else:
                outage.succeeded()
                return result
        return getattr(self._fallback, name)(*args, **kwargs)

    method.__name__ = name
    method.__doc__ = f"RedisCache.{name}, or the in-memory fallback while Redis is down."
    return method


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        # Without these a Redis host that stopped answering (rather than refusing the
        # connection) would hold each request for the operating system's TCP timeout.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 1.0)
        params["OPTIONS"] = options
        super().__init__(server, params)
        location = ",".join(self._servers)
        self._outage = cache_outage(location)
        fallback_params = {
            key: params[key] for key in ("TIMEOUT", "KEY_PREFIX", "VERSION") if key in params
        }
        # LocMemCache shares its storage by name: one fallback per Redis location.
        self._fallback = LocMemCache(
            f"redis-fallback:{location}", {**fallback_params, "OPTIONS": {"MAX_ENTRIES": 2000}}
        )

    add = _resilient("add")
    get = _resilient("get")
    set = _resilient("set")
    touch = _resilient("touch")
    delete = _resilient("delete")
    get_many = _resilient("get_many")
    has_key = _resilient("has_key")
    incr = _resilient("incr")
    set_many = _resilient("set_many")
    delete_many = _resilient("delete_many")
    clear = _resilient("clear")
