"""The raw Redis connection, for what the cache API cannot do: atomic hashes, renames, pipelines.

None when REDIS_URL is unset (the embedded default): callers fall back to the database.
Keys share the cache's prefix, so installations on one Redis keep apart.
"""

from functools import lru_cache

import redis

from django.conf import settings


def client() -> redis.Redis | None:
    return _client(settings.REDIS_URL) if settings.REDIS_URL else None


@lru_cache(maxsize=4)
def _client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=5, health_check_interval=30)


def key(name: str) -> str:
    prefix = settings.CACHES["default"].get("KEY_PREFIX") or "pms"
    return f"{prefix}:{name}"
