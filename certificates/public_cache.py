"""Public answers from the cache: the certificate behind a code, and the status list.

Every entry's key carries a generation number. A change anyone may see (revoke,
reissue, the holder's public-PDF switch) adds one to the generation at once and
again after its transaction commits, so the very next lookup misses the cache
and reads the database. A reader that read the old row just before the commit stores it
under the old generation, where nobody looks again. Unknown codes are not
cached: a miss costs a query, and misses are what the rate limit counts.
"""

import contextlib
import time
from collections.abc import Callable
from typing import TypeVar

from redis.exceptions import RedisError

from django.core.cache import cache
from django.db import transaction

from certificates import codes, selectors
from certificates.models import Certificate
from core import redis as core_redis

GENERATION = "certificates:public:generation"
ENTRY = "certificates:public:"  # + generation + ":" + name
# Beside a cached certificate: what its lookups are counted as (certificates.public_lookup).
COUNTED_AS = ":counted-as"
# A backstop only: the generation is what makes a change visible at once.
TIMEOUT = 10 * 60

T = TypeVar("T")


def _generation() -> int:
    generation = cache.get(GENERATION)
    if generation is None:
        # Started from the clock, not 1: a generation key lost to eviction must not
        # come back as a number whose old entries may still be stored.
        cache.add(GENERATION, time.time_ns() // 1000, timeout=None)
        generation = cache.get(GENERATION)
    return generation


def entry_key_parts(name: str) -> tuple[str, str]:
    """An entry's cache key before and after its generation number."""
    return ENTRY, f":{name}"


def cached(name: str, compute: Callable[[], T], counted_as: Callable[[T], str] | None = None) -> T:
    before, after = entry_key_parts(name)
    key = f"{before}{_generation()}{after}"
    value = cache.get(key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(key, value, timeout=TIMEOUT)
            if counted_as is not None:
                _set_counted_as(key, counted_as(value))
    return value


def _set_counted_as(key: str, field: str) -> None:
    """A plain string (not pickled) the lookup script reads; under the same generation."""
    redis = core_redis.client()
    if redis is None:
        return
    with contextlib.suppress(RedisError):  # the cache is down: lookups take the ordinary path
        redis.set(cache.make_key(key) + COUNTED_AS, field, ex=TIMEOUT)


def code_entry(code: str) -> str | None:
    """One key per certificate however its short code is typed; None for what is no code."""
    code = (code or "").strip()
    if not code or len(code) > 64:
        return None
    short = codes.normalise_short(code)
    return f"code:{short or code}"


def certificate_by_code(code: str) -> Certificate | None:
    """selectors.certificate_by_code, from the cache when it was asked before."""
    key = code_entry(code)
    if key is None:
        return None
    return cached(key, lambda: selectors.certificate_by_code(code), _counted_as)


def _counted_as(certificate: Certificate) -> str:
    """The `result|certificate id` of certificates.lookups' fields, for this certificate."""
    return f"{certificate.status}|{certificate.pk}"


def status_list_indexes() -> list[int]:
    return cached("status-list", selectors.status_list_indexes)


def changed() -> None:
    """Call in the transaction that changed what the public sees: every answer goes stale.

    Now, for what this transaction reads next, and again after the commit, for an
    answer another reader stored meanwhile from the row as it was before.
    """
    _next_generation()
    transaction.on_commit(_next_generation)


def _next_generation() -> None:
    try:
        cache.incr(GENERATION)
    except ValueError:  # never read yet, or evicted: a fresh number is a new generation
        _generation()
