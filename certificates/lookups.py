"""Counting lookups without a database write per request.

A lookup adds one to a field of the day's Redis hash (HINCRBY): the field is
`channel|result|certificate id`. The periodic flush claims a day's hash by
RENAME to a key of its own (atomic: a lookup after it starts a new hash), adds
the claimed counts to LookupCount and records the claim in LookupFlush in one
transaction, and only then deletes the claimed hash. So:

- a flush killed after the claim leaves the claimed hash in Redis; the next
  flush finds it and adds it: nothing is lost;
- a flush killed after its commit but before the delete finds its claim in
  LookupFlush next time and only deletes: nothing is counted twice;
- two flushes at once on the same claim: the second waits on the unique
  LookupFlush row and then finds it.

Without Redis (the embedded default) each lookup adds its one directly.
"""

import datetime as dt
import uuid
from collections import Counter

from redis.exceptions import ResponseError

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from certificates.models import LookupCount, LookupFlush
from core import redis as core_redis

PENDING = "certificates:lookups:pending:"  # + ISO day
CLAIMED = "certificates:lookups:claimed:"  # + ISO day + ":" + claim id
KEEP_FLUSH_RECORDS = dt.timedelta(days=30)

CountKey = tuple[dt.date, str, str, int | None]


def count_lookup(channel: str, result: str, certificate_id: int | None) -> None:
    day = timezone.localdate()
    redis = core_redis.client()
    if redis is None:
        _add({(day, channel, result, certificate_id): 1})
        return
    field = f"{channel}|{result}|{certificate_id or ''}"
    redis.hincrby(core_redis.key(f"{PENDING}{day.isoformat()}"), field, 1)


def lookups_flush() -> int:
    """Claim every day's pending counts and add them to the database; the lookups added."""
    redis = core_redis.client()
    if redis is None:
        return 0
    claim_pending(redis)
    added = 0
    for claimed in claimed_keys(redis):
        added += commit_claim(redis, claimed)
        redis.delete(claimed)
    LookupFlush.objects.filter(at__lt=timezone.now() - KEEP_FLUSH_RECORDS).delete()
    return added


def claim_pending(redis) -> None:
    """Step 1: rename each day's pending hash to a claim of its own (atomic)."""
    for pending in redis.scan_iter(match=core_redis.key(f"{PENDING}*")):
        day = pending.decode().rsplit(":", 1)[-1]
        claimed = core_redis.key(f"{CLAIMED}{day}:{uuid.uuid4().hex}")
        try:
            redis.rename(pending, claimed)
        except ResponseError:  # gone: another flush claimed it first
            continue


def claimed_keys(redis) -> list[bytes]:
    return list(redis.scan_iter(match=core_redis.key(f"{CLAIMED}*")))


def claim_of(claimed: bytes) -> str:
    return claimed.decode().rsplit(":", 1)[-1]


def commit_claim(redis, claimed: bytes) -> int:
    """Step 2: add a claim's counts and record the claim, in one transaction.

    Step 3, deleting the claimed hash, comes after the commit; until then a
    later flush may find the claim again, and LookupFlush says it was added.
    """
    counts = parse(claimed, redis.hgetall(claimed))
    try:
        with transaction.atomic():
            LookupFlush.objects.create(claim=claim_of(claimed))
            _add(counts)
    except IntegrityError:  # added before by a flush that died before its delete
        return 0
    return sum(counts.values())


def parse(redis_key: bytes, fields: dict[bytes, bytes]) -> Counter:
    """The counts of one pending or claimed hash, keyed like LookupCount rows."""
    name = redis_key.decode()
    day = dt.date.fromisoformat(
        name.rsplit(":", 2)[-2] if CLAIMED in name else name.rsplit(":", 1)[-1]
    )
    counts: Counter = Counter()
    for field, value in fields.items():
        channel, result, certificate_id = field.decode().split("|")
        counts[(day, channel, result, int(certificate_id) if certificate_id else None)] += int(
            value
        )
    return counts


def _add(counts: dict[CountKey, int]) -> None:
    """Add to the day's rows: an update, or the row's first insert (retried on a race)."""
    with transaction.atomic():
        for (day, channel, result, certificate_id), n in counts.items():
            row = {"day": day, "channel": channel, "result": result}
            rows = LookupCount.objects.filter(**row, certificate_id=certificate_id)
            if rows.update(count=F("count") + n):
                continue
            try:
                with transaction.atomic():
                    LookupCount.objects.create(**row, certificate_id=certificate_id, count=n)
            except IntegrityError:  # another writer made the row first
                rows.update(count=F("count") + n)


def pending_counts() -> Counter:
    """What Redis holds and the database does not have yet: pending and unapplied claims."""
    redis = core_redis.client()
    if redis is None:
        return Counter()
    keys = list(redis.scan_iter(match=core_redis.key(f"{PENDING}*")))
    claimed = claimed_keys(redis)
    claims = [claim_of(k) for k in claimed]
    applied = (
        set(LookupFlush.objects.filter(claim__in=claims).values_list("claim", flat=True))
        if claims
        else set()
    )
    counts: Counter = Counter()
    for key in keys + [k for k in claimed if claim_of(k) not in applied]:
        counts.update(parse(key, redis.hgetall(key)))
    return counts
