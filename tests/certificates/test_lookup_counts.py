"""Every lookup counted per certificate, channel and day, without a database write per request."""

import pytest

from django.utils import timezone

from certificates import lookups, selectors
from certificates.models import LookupCount, LookupFlush
from core import redis as core_redis

pytestmark = pytest.mark.django_db


def _lookups(client, certificate, n, path="/api/v1/certificates/{code}"):
    for _ in range(n):
        client.get(path.format(code=certificate.short_code))


def _stored(certificate=None) -> dict:
    rows = LookupCount.objects.filter(certificate=certificate)
    return {(r.channel, r.result): r.count for r in rows}


def test_a_repeated_lookup_reads_and_writes_no_database_row(
    client, certificate, redis_url, django_assert_num_queries
):
    _lookups(client, certificate, 1)  # the first one reads the certificate
    with django_assert_num_queries(0):
        _lookups(client, certificate, 1)
    assert not LookupCount.objects.exists()


def test_the_flush_adds_exact_counts_per_certificate_channel_and_day(
    client, certificate, redis_url
):
    _lookups(client, certificate, 3)
    _lookups(client, certificate, 2, "/verify/{code}/")
    client.get("/api/v1/certificates/NOPE")
    assert lookups.lookups_flush() == 6
    assert _stored(certificate) == {("api", "valid"): 3, ("page", "valid"): 2}
    assert _stored(None) == {("api", "not-found"): 1}
    assert set(LookupCount.objects.values_list("day", flat=True)) == {timezone.localdate()}
    _lookups(client, certificate, 1)
    assert lookups.lookups_flush() == 1 and lookups.lookups_flush() == 0
    assert _stored(certificate)[("api", "valid")] == 4


def test_a_flush_killed_after_its_claim_loses_nothing(client, certificate, redis_url):
    _lookups(client, certificate, 3)
    redis = core_redis.client()
    lookups.claim_pending(redis)  # ... and the worker dies here, before adding anything
    _lookups(client, certificate, 2)  # lookups meanwhile start a new pending hash
    assert not LookupCount.objects.exists()
    assert lookups.lookups_flush() == 5
    assert _stored(certificate) == {("api", "valid"): 5}
    assert lookups.claimed_keys(redis) == []


def test_a_flush_killed_after_its_commit_counts_nothing_twice(client, certificate, redis_url):
    _lookups(client, certificate, 3)
    redis = core_redis.client()
    lookups.claim_pending(redis)
    for claimed in lookups.claimed_keys(redis):
        lookups.commit_claim(redis, claimed)  # ... and dies before deleting the claim
    assert lookups.lookups_flush() == 0
    assert _stored(certificate) == {("api", "valid"): 3}
    assert lookups.claimed_keys(redis) == [] and LookupFlush.objects.count() == 1


def test_coordinators_see_flushed_and_pending_counts_together(
    client, coordinator, certificate, redis_url
):
    _lookups(client, certificate, 2)
    lookups.lookups_flush()
    _lookups(client, certificate, 1)  # still pending in Redis
    rows = {(r.channel, r.result): r for r in selectors.lookup_counts()}
    api = rows["api", "valid"]
    assert (api.last_7_days, api.last_30_days, api.total) == (3, 3, 3)
    client.force_login(coordinator)
    html = client.get(f"/admin/issued-certificates/certificate/{certificate.pk}/").content.decode()
    assert 'id="lookup-total">3<' in html and "API" in html


def test_without_redis_each_lookup_is_written_directly(client, certificate, settings):
    settings.REDIS_URL = None
    _lookups(client, certificate, 2)
    assert _stored(certificate) == {("api", "valid"): 2}
    assert lookups.lookups_flush() == 0
    assert selectors.lookup_counts()[0].total == 2


def test_with_redis_unreachable_a_lookup_is_answered_and_counted_in_the_database(
    client, certificate, redis_url, settings
):
    """A stopped Redis answered every certificate lookup with a server error: the rate limit
    and the count went to Redis unguarded. Now the lookup is answered from the database and
    counted there at once, so the coordinator's counts stay exact (the limits rest meanwhile)."""
    _lookups(client, certificate, 1)  # cached while Redis was up
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there

    api = client.get(f"/api/v1/certificates/{certificate.short_code}")
    page = client.get(f"/verify/{certificate.short_code}/")

    assert api.status_code == 200 and api.json()["status"] == "valid"
    assert page.status_code == 200
    assert _stored(certificate) == {("api", "valid"): 1, ("page", "valid"): 1}
