"""A repeated lookup asks Redis once: limit, generation, answer and count in one script.

The round trips are counted where redis-py writes to its socket (every command, or
every pipeline, is one write); the real Redis answers them.
"""

import pytest
from redis.connection import Connection

from certificates import lookups, services
from certificates.models import LookupCount

pytestmark = pytest.mark.django_db


@pytest.fixture
def round_trips(monkeypatch):
    sent: list[bytes] = []
    write = Connection.send_packed_command

    def counted(self, command, check_health=True):
        sent.append(command)
        return write(self, command, check_health)

    monkeypatch.setattr(Connection, "send_packed_command", counted)
    return sent


def _stored(certificate) -> dict:
    rows = LookupCount.objects.filter(certificate=certificate)
    return {(r.channel, r.result): r.count for r in rows}


def test_a_repeated_api_lookup_is_one_redis_round_trip_and_is_still_counted(
    client, certificate, redis_url, round_trips, django_assert_num_queries
):
    for code in (certificate.short_code, certificate.verification_id):
        assert client.get(f"/api/v1/certificates/{code}").status_code == 200
    round_trips.clear()
    with django_assert_num_queries(0):
        response = client.get(f"/api/v1/certificates/{certificate.verification_id}")
        response = client.get(f"/api/v1/certificates/{certificate.short_code}")
    assert response.json()["status"] == "valid"
    assert len(round_trips) == 2
    assert lookups.lookups_flush() == 4
    assert _stored(certificate) == {("api", "valid"): 4}


def test_a_repeated_verify_page_reads_its_cached_verdict_in_the_same_round_trip(
    client, certificate, redis_url, round_trips
):
    path = f"/en/verify/{certificate.short_code}/"
    first = client.get(path).content.decode()
    round_trips.clear()
    again = client.get(path).content.decode()
    assert "genuine and valid" in again and again == first
    # A visitor with no session is sent the whole page as stored: the lookup's script
    # read it with the certificate, so not even the site chrome's menus are read.
    assert len(round_trips) == 1
    assert lookups.lookups_flush() == 2
    assert _stored(certificate) == {("page", "valid"): 2}


def test_a_signed_in_visitor_gets_the_cached_verdict_in_a_page_of_their_own(
    client, certificate, redis_url, round_trips, coordinator
):
    client.force_login(coordinator)
    path = f"/en/verify/{certificate.short_code}/"
    client.get(path)
    round_trips.clear()
    again = client.get(path).content.decode()
    assert "genuine and valid" in again and "Log out" in again
    # The other is the site chrome's cached menus (cms), read once for header and footer;
    # the session is in the database.
    lookup = [sent for sent in round_trips if b"cms:chrome" not in b"".join(sent)]
    assert len(lookup) == 1
    assert len(round_trips) == 2
    assert lookups.lookups_flush() == 2
    assert _stored(certificate) == {("page", "valid"): 2}


def test_the_cached_verdict_is_per_language(client, certificate, redis_url):
    client.get(f"/en/verify/{certificate.short_code}/")
    thai = client.get(f"/verify/{certificate.short_code}/").content.decode()
    assert "ประกาศนียบัตรนี้เป็นของจริงและยังใช้ได้" in thai
    assert "genuine and valid" not in thai


def test_the_very_next_page_after_a_revoke_says_revoked_with_a_warm_verdict(
    client, certificate, redis_url, coordinator, django_capture_on_commit_callbacks
):
    path = f"/en/verify/{certificate.short_code}/"
    client.get(path)
    assert "genuine and valid" in client.get(path).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_revoke(certificate=certificate, revoked_by=coordinator, reason="test")
    page = client.get(path).content.decode()
    assert "was revoked" in page and "genuine and valid" not in page


def test_a_client_over_the_ceiling_is_refused_in_the_same_round_trip_and_counted(
    client, certificate, redis_url, round_trips, settings
):
    settings.CERTIFICATE_LOOKUPS_PER_MINUTE = 1
    client.get(f"/api/v1/certificates/{certificate.short_code}")
    round_trips.clear()
    refused = client.get(f"/api/v1/certificates/{certificate.short_code}")
    assert refused.status_code == 429 and 1 <= int(refused["Retry-After"]) <= 60
    assert len(round_trips) == 1
    lookups.lookups_flush()
    assert LookupCount.objects.get(result="rate-limited", channel="api").count == 1


def test_a_repeated_api_answer_is_the_first_answer_in_the_readers_language(
    client, certificate, redis_url, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_revoke(
            certificate=certificate, revoked_by=coordinator, reason="internal note"
        )
    path = f"/api/v1/certificates/{certificate.short_code}"
    answers = {}
    for language in ("en", "th"):
        cold = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
        warm = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
        assert warm.content == cold.content
        assert warm["Content-Type"].startswith("application/json")
        assert warm["Access-Control-Allow-Origin"] == "*"
        answers[language] = warm.json()
    assert answers["en"]["status"] == answers["th"]["status"] == "revoked"
    assert answers["en"]["revocation_reason"] != answers["th"]["revocation_reason"]
    assert "internal note" not in str(answers)
