"""A public lookup by code (API, verify page): the limits, the answer and the count.

With Redis, a lookup of a certificate asked before is one round trip: a Lua script
counts the lookup toward the client's ceiling, reads the client's misses, reads the
cache generation, reads the cached certificate and the field it is counted under
(`status|id`, stored beside it by public_cache), and adds one to the day's pending
count (certificates.lookups). Everything else (first lookup, a miss, a change that
started a new generation) takes the ordinary path: public_cache, then log_lookup.

The guarantees stay those of the parts: the limits of verification.rate_limited
(same keys, same windows), the generation of public_cache (a revoke is seen at
once: the script looks under the current generation only), the counts of lookups
(same hash, same fields, flushed by lookups_flush).
"""

import logging
from dataclasses import dataclass
from functools import lru_cache

from redis.exceptions import RedisError

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.redis import RedisSerializer
from django.utils import timezone

from certificates import lookups, public_cache, verification
from certificates.models import Certificate, LookupCount
from core import redis as core_redis

logger = logging.getLogger(__name__)

# KEYS: the client's lookups this minute, its misses, the generation, the day's counts.
# ARGV: lookup ceiling, miss limit, entry key before and after the generation, the
# channel, the rate-limited result, and the suffix of a cached fragment to read too ('' for none).
SCRIPT = """
local count = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], 90)
local missed = tonumber(redis.call('GET', KEYS[2]) or '0')
if count > tonumber(ARGV[1]) or missed >= tonumber(ARGV[2]) then
  redis.call('HINCRBY', KEYS[4], ARGV[5] .. '|' .. ARGV[6] .. '|', 1)
  return {1, ''}
end
local generation = redis.call('GET', KEYS[3])
if not generation then return {0, ''} end
local entry = ARGV[3] .. generation .. ARGV[4]
local counted_as = redis.call('GET', entry .. public_cache_counted_as)
local value = redis.call('GET', entry)
if not counted_as or not value then return {0, ''} end
redis.call('HINCRBY', KEYS[4], ARGV[5] .. '|' .. counted_as, 1)
local fragment = ''
if ARGV[7] ~= '' then fragment = redis.call('GET', entry .. ARGV[7]) or '' end
return {0, value, fragment}
""".replace("public_cache_counted_as", f"'{public_cache.COUNTED_AS}'")


@dataclass(frozen=True)
class Lookup:
    limited: bool
    certificate: Certificate | None = None
    # The cached fragment asked for (fragment_name), when the script found it.
    fragment: object = None


def look_up(request, channel: str, code: str, fragment: str = "") -> Lookup:
    """Limit, answer and count one lookup of `code` from this client.

    fragment: a name under the certificate's entry (see fragment_name) whose cached
    value is read in the same round trip, e.g. the verify page's rendered verdict.
    With Redis unreachable the lookup is answered from the database and counted there
    at once (no rate limit meanwhile): certificates keep verifying while Redis is down.
    """
    try:
        return _look_up(request, channel, code, fragment)
    except RedisError:
        logger.warning("Redis unreachable: certificate lookup answered from the database")
        with core_redis.unreachable():
            return _look_up(request, channel, code, fragment)


def _look_up(request, channel: str, code: str, fragment: str) -> Lookup:
    entry = public_cache.code_entry(code)
    redis = core_redis.client()
    if redis is not None and entry is not None:
        args = [*_args(channel, entry), fragment and f":{fragment}"]
        limited, value, *found = _script()(keys=_keys(request), args=args, client=redis)
        if limited:
            return Lookup(limited=True)
        if value:
            certificate = _serializer.loads(value)
            cached = _serializer.loads(found[0]) if found and found[0] else None
            return Lookup(limited=False, certificate=certificate, fragment=cached)
    elif verification.rate_limited(request):
        verification.log_lookup(channel, None, result=LookupCount.Result.RATE_LIMITED)
        return Lookup(limited=True)
    certificate = public_cache.certificate_by_code(code)
    verification.log_lookup(channel, certificate, request=request)
    return Lookup(limited=False, certificate=certificate)


_serializer = RedisSerializer()


def fragment_name(code: str, fragment: str) -> str | None:
    """The public_cache name of a fragment cached beside the certificate of `code`."""
    entry = public_cache.code_entry(code)
    return entry and f"{entry}:{fragment}"


@lru_cache(maxsize=1)
def _script():
    """The script object (redis-py sends EVALSHA, and the source once if Redis lacks it)."""
    return core_redis.client().register_script(SCRIPT)


def _keys(request) -> list[str]:
    client_lookups, client_misses = verification.client_keys(request)
    pending = f"{lookups.PENDING}{timezone.localdate().isoformat()}"
    return [
        core_redis.key(client_lookups),
        core_redis.key(client_misses),
        cache.make_key(public_cache.GENERATION),
        core_redis.key(pending),
    ]


def _args(channel: str, entry: str) -> list:
    before, after = public_cache.entry_key_parts(entry)
    return [
        settings.CERTIFICATE_LOOKUPS_PER_MINUTE,
        settings.CERTIFICATE_MISSES_PER_MINUTE,
        cache.make_key(before),
        after,
        channel,
        LookupCount.Result.RATE_LIMITED.value,
    ]
