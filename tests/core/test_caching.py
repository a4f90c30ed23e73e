"""The Redis cache reuses one client per connection pool."""

import pytest

from django.conf import settings
from django.core.cache import cache

pytestmark = pytest.mark.skipif(
    not settings.REDIS_URL, reason="the Redis cache is used only with REDIS_URL"
)


def test_every_call_uses_the_same_redis_client():
    client = cache._cache

    assert client.get_client("a") is client.get_client("b")
    assert client.get_client("a", write=True) is client.get_client("a")


def test_the_reused_client_reads_what_it_wrote():
    cache.set("caching-test", {"n": 1}, 5)

    assert cache.get("caching-test") == {"n": 1}
    cache.delete("caching-test")
    assert cache.get("caching-test") is None
