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

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

log = logging.getLogger(__name__)


def _skipped(operation: str, error: Exception) -> None:
    log.warning("cache %s skipped, Redis unavailable: %s", operation, error.__class__.__name__)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """One redis.Redis per connection pool, made once.

    Django builds a new redis.Redis on every cache call, and each copies redis-py's
    table of response callbacks: about 0.3 ms of CPU per call, two or three calls on
    every page. A redis.Redis holds no connection of its own (the pool does), so one
    per pool serves every call; a Redis that restarts is reconnected by the pool.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class TolerantRedisCache(RedisCache):
    def __init__(self, server: Any, params: dict) -> None:
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

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
