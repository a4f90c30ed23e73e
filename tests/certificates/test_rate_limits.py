"""Guessing is limited by misses per client; an office looking up real certificates is not."""

import time

import pytest

from certificates import selectors
from config.settings import base

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _within_one_window():
    """The limits count in one-minute windows: start a test with time left in its window."""
    left = 60 - time.time() % 60
    if left < 15:
        time.sleep(left)


@pytest.fixture
def production_limits(settings):
    settings.CERTIFICATE_LOOKUPS_PER_MINUTE = base.CERTIFICATE_LOOKUPS_PER_MINUTE
    settings.CERTIFICATE_MISSES_PER_MINUTE = base.CERTIFICATE_MISSES_PER_MINUTE


@pytest.fixture
def three_misses(settings):
    settings.CERTIFICATE_MISSES_PER_MINUTE = 3


def test_forty_valid_lookups_from_one_office_in_a_minute_all_succeed(
    client, certificate, production_limits
):
    paths = [f"/api/v1/certificates/{certificate.short_code}", f"/verify/{certificate.short_code}/"]
    statuses = {client.get(paths[n % 2]).status_code for n in range(40)}
    assert statuses == {200}


def test_misses_beyond_the_limit_get_429_with_retry_after_on_the_api(
    client, certificate, three_misses
):
    statuses = [
        client.get(f"/api/v1/certificates/ZZZZ-ZZZZ-ZZ{n:02d}").status_code for n in range(5)
    ]
    assert statuses == [404, 404, 404, 429, 429]
    refused = client.get("/api/v1/certificates/nonsense")
    assert refused.status_code == 429 and refused.json()["error"] == "rate_limited"
    assert 1 <= int(refused["Retry-After"]) <= 60


def test_the_verify_page_refuses_a_guesser_in_thai_and_english_with_retry_after(
    client, certificate, three_misses
):
    for n in range(3):
        assert client.get(f"/verify/NOPE-{n}/").status_code == 404
    thai = client.get("/verify/NOPE-9/")
    english = client.get("/en/verify/NOPE-9/")
    assert thai.status_code == english.status_code == 429
    assert 1 <= int(thai["Retry-After"]) <= 60 and english["Retry-After"]
    assert "มากเกินไป" in thai.content.decode()
    assert "Too many lookups" in english.content.decode()


def test_a_guesser_over_the_limit_learns_nothing_from_a_real_code(
    client, certificate, three_misses
):
    """Answering its hits while refusing its misses would tell it which guess was right."""
    for n in range(3):
        client.get(f"/api/v1/certificates/NOPE-{n}")
    assert client.get(f"/api/v1/certificates/{certificate.short_code}").status_code == 429


def test_misses_are_counted_per_client(client, certificate, three_misses):
    for n in range(3):
        client.get(f"/api/v1/certificates/NOPE-{n}")
    elsewhere = client.get(f"/api/v1/certificates/{certificate.short_code}", REMOTE_ADDR="10.9.9.9")
    assert elsewhere.status_code == 200
    counted = {(r.channel, r.result): r.total for r in selectors.lookup_counts()}
    assert counted[("api", "not-found")] == 3


def test_the_api_ceiling_also_carries_retry_after(client, certificate, settings):
    settings.CERTIFICATE_LOOKUPS_PER_MINUTE = 2
    statuses = [client.get(f"/api/v1/certificates/{certificate.short_code}") for _ in range(3)]
    assert [r.status_code for r in statuses] == [200, 200, 429]
    assert 1 <= int(statuses[-1]["Retry-After"]) <= 60
