"""The raw Redis connection, for what the cache API cannot do: atomic hashes, renames, pipelines.

None when REDIS_URL is unset (the embedded default): callers fall back to the database.
Keys share the cache's prefix, so installations on one Redis keep apart.
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import redis

from django.conf import settings

_local = threading.local()


def client() -> redis.Redis | None:
    if not settings.REDIS_URL or getattr(_local, "unreachable", False):
        return None
    return _client(settings.REDIS_URL)


@contextmanager
def unreachable() -> Iterator[None]:
    """Within it, client() is None for this thread: a caller that met a RedisError takes
    its database path instead (what it does with no Redis configured) and keeps answering."""
    before = getattr(_local, "unreachable", False)
    _local.unreachable = True
    try:
        yield
    finally:
        _local.unreachable = before


@lru_cache(maxsize=4)
def _client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=5, health_check_interval=30)


def key(name: str) -> str:
    prefix = settings.CACHES["default"].get("KEY_PREFIX") or "pms"
    return f"{prefix}:{name}"
