"""Who is asking, and how often: the client address behind our proxies, and a counter.

Certificates' lookups and admissions' public form count per client address in Redis,
in fixed windows; both read the address here so a forged X-Forwarded-For counts only
as far as our proxies vouch for it.
"""

import ipaddress
import time

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied

from core import redis as core_redis


def client_ip(request) -> str:
    """The client as the rate limit counts it, behind the proxies we trust.

    allauth's adapter reads the same settings as its own rate limits
    (ALLAUTH_TRUSTED_PROXY_COUNT, ALLAUTH_TRUSTED_CLIENT_IP_HEADER), so a
    forged X-Forwarded-For counts only as far as our proxies vouch for it.
    An IPv6 client is counted by its /64, the block one subscriber gets.
    """
    from allauth.account.adapter import get_adapter

    try:
        ip = get_adapter(request).get_client_ip(request)
    except (ImproperlyConfigured, PermissionDenied):
        # Fewer X-Forwarded-For entries than trusted proxies: the request did
        # not come through them, so only the socket address can be believed.
        ip = request.META.get("REMOTE_ADDR", "")
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return "unknown"
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def hits(name: str, *, window_seconds: int) -> int:
    """Count one more hit on name in the current fixed window; returns the count so far.

    Redis when configured (INCR + EXPIRE in one round trip), the cache otherwise.
    """
    window = int(time.time() // window_seconds)
    key = f"{name}:{window}"
    redis = core_redis.client()
    if redis is None:
        cache.add(key, 0, window_seconds + 30)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, window_seconds + 30)
            return 1
    pipe = redis.pipeline(transaction=False)
    pipe.incr(core_redis.key(key))
    pipe.expire(core_redis.key(key), window_seconds + 30)
    count, _ttl = pipe.execute()
    return int(count)


def seen(name: str, *, window_seconds: int) -> int:
    """The count of name in the current window, without adding a hit."""
    window = int(time.time() // window_seconds)
    key = f"{name}:{window}"
    redis = core_redis.client()
    if redis is None:
        return int(cache.get(key, 0))
    return int(redis.get(core_redis.key(key)) or 0)
