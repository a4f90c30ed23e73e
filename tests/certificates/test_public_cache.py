"""Public answers come from the cache, and the very next lookup after a change sees it."""

import pytest

from certificates import credential, services
from certificates.models import Certificate

pytestmark = pytest.mark.django_db


def _api(client, certificate):
    return client.get(f"/api/v1/certificates/{certificate.short_code}").json()


def _page(client, code):
    return client.get(f"/en/verify/{code}/").content.decode()


@pytest.fixture
def warm(client, certificate):
    """Both answers asked for once, so they are in the cache."""
    assert _api(client, certificate)["status"] == "valid"
    assert "genuine and valid" in _page(client, certificate.short_code)
    return certificate


def test_a_second_lookup_is_answered_from_the_cache(client, warm, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert _api(client, warm)["status"] == "valid"


def test_the_very_next_lookup_after_a_revoke_says_revoked(
    client, warm, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_revoke(certificate=warm, reason="ผิดพลาด")
    assert _api(client, warm)["status"] == "revoked"
    assert "revoked" in _page(client, warm.short_code).lower()
    assert "genuine and valid" not in _page(client, warm.verification_id)


def test_the_very_next_lookup_after_a_reissue_says_superseded_and_names_the_new_one(
    client, warm, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        new = services.certificate_reissue(certificate=warm, reason="แก้ชื่อ")
    data = _api(client, warm)
    assert data["status"] == "superseded" and data["superseded_by"] == new.short_code
    assert new.short_code in _page(client, warm.short_code)
    assert _api(client, new)["status"] == "valid"


def test_the_status_list_sets_the_bit_at_once(client, warm, django_capture_on_commit_callbacks):
    def bit_set() -> bool:
        token = client.get("/credentials/status/revocation.jwt").content
        document = client.get("/credentials/status/revocation.jwt?format=json").json()
        signed = credential.verify(token)["credentialSubject"]["encodedList"]
        unsigned = document["credentialSubject"]["encodedList"]
        bits = {credential.status_bit(e, warm.status_list_index) for e in (signed, unsigned)}
        assert len(bits) == 1  # the signed and the unsigned list agree
        return bits.pop()

    assert not bit_set()
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_revoke(certificate=warm, reason="ผิดพลาด")
    assert bit_set()


def test_the_holders_public_pdf_switch_shows_at_once(
    client, warm, django_capture_on_commit_callbacks
):
    assert _api(client, warm)["pdf_url"] is None
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_set_public_pdf(certificate=warm, public=True, by=warm.holder)
    assert _api(client, warm)["pdf_url"]


def test_the_credential_file_is_served_by_its_long_id_only(client, warm):
    assert client.get(f"/credentials/{warm.verification_id}.jwt").status_code == 200
    assert client.get(f"/credentials/{warm.short_code}.jwt").status_code == 404
    assert Certificate.objects.filter(pk=warm.pk, status="valid").exists()
