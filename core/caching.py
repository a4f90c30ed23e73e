"""A Redis cache that a Redis outage cannot turn into server errors.

While Redis is down, reads miss (the caller builds the value from the database)
and writes are skipped, each logged once per call. Counters (incr, decr) stay
strict, and ``strict_get`` reads without forgiveness, for a rule that must not
pass when its count is unknown (the typed check-in code's attempt limit).
/healthz still reports the cache down: it checks that a written value reads back.
"""

import logging
from typing import Any

from redis.exceptions import RedisError

from django.core.cache.backends.redis import RedisCache

log = logging.getLogger(__name__)


def _skipped(operation: str, error: Exception) -> None:
    log.warning("cache %s skipped, Redis unavailable: %s", operation, error.__class__.__name__)


class TolerantRedisCache(RedisCache):
    def strict_get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return super().get(key, default, version)

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        try:
            return super().get(key, default, version)
        except RedisError as error:
            _skipped("get", error)
            return default

    def get_many(self, keys: Any, version: int | None = None) -> dict:
        try:
            return super().get_many(keys, version)
        except RedisError as error:
            _skipped("get_many", error)
            return {}

    def set(self, *args: Any, **kwargs: Any) -> None:
        try:
            super().set(*args, **kwargs)
        except RedisError as error:
            _skipped("set", error)

    def set_many(self, *args: Any, **kwargs: Any) -> list:
        try:
            return super().set_many(*args, **kwargs)
        except RedisError as error:
            _skipped("set_many", error)
            return []

    def add(self, *args: Any, **kwargs: Any) -> bool:
        try:
            return super().add(*args, **kwargs)
        except RedisError as error:
            _skipped("add", error)
            return False

    def delete(self, *args: Any, **kwargs: Any) -> bool:
        try:
            return super().delete(*args, **kwargs)
        except RedisError as error:
            _skipped("delete", error)
            return False

    def delete_many(self, *args: Any, **kwargs: Any) -> None:
        try:
            super().delete_many(*args, **kwargs)
        except RedisError as error:
            _skipped("delete_many", error)
