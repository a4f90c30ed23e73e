"""Credential, our JSON-LD context, issuer profile, JWKS and the Bitstring Status List."""

import pytest
from joserfc import jwt
from joserfc.jwk import KeySet

from certificates import credential, services

pytestmark = pytest.mark.django_db


def test_the_credential_downloads_and_verifies_with_the_published_jwks(client, certificate):
    token = client.get(f"/credentials/{certificate.verification_id}.jwt")
    assert token["Content-Type"] == "application/vc+jwt"
    keys = KeySet.import_key_set(client.get("/.well-known/jwks.json").json())
    decoded = jwt.decode(token.content.decode(), keys, algorithms=["RS256"])
    assert decoded.header["alg"] == "RS256"
    claims = decoded.claims
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert claims["iss"] == claims["issuer"]["id"]
    assert claims["credentialSubject"]["achievement"]["type"] == ["Achievement"]
    assert claims["credentialStatus"]["type"] == "BitstringStatusListEntry"


def test_the_team_project_is_the_evidence(certificate, team):
    document = credential.credential_document(certificate)
    if team.project_title:
        assert document["evidence"][0]["description"] == team.project_title


def test_the_team_project_title_is_carried_when_set(enrolment, template):
    enrolment.team.project_title = "โครงการวิจัยระบบสุขภาพอัจฉริยะ"
    enrolment.team.save()
    certificate, _ = services.certificate_issue(enrolment=enrolment)
    evidence = credential.verify(certificate.credential_jwt)["evidence"]
    assert evidence[0]["description"] == "โครงการวิจัยระบบสุขภาพอัจฉริยะ"


def test_an_eddsa_credential_verifies_too(certificate):
    token = credential.sign(credential.credential_document(certificate), algorithm="EdDSA")
    keys = credential.signing_material().public_keyset()
    assert jwt.decode(token, keys, algorithms=["EdDSA"]).header["alg"] == "EdDSA"
    assert credential.verify(token)["id"].endswith(f"{certificate.verification_id}/")


def test_our_json_ld_context_is_served_to_any_origin_and_cached(client, db):
    response = client.get("/credentials/context/v1.json")
    assert response["Content-Type"] == "application/ld+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]
    assert response.json() == credential.extension_context()


def test_the_issuer_profile_has_a_stable_url(client, db):
    profile = client.get("/credentials/issuer.json").json()
    assert profile["type"] == ["Profile"] and profile["id"].endswith("/credentials/issuer.json")


def test_revocation_shows_in_the_status_list(client, certificate):
    index = certificate.status_list_index

    def bit():
        token = client.get("/credentials/status/revocation.jwt").content.decode()
        document = credential.verify(token)
        assert document["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
        return credential.status_bit(document["credentialSubject"]["encodedList"], index)

    assert bit() is False
    services.certificate_revoke(certificate=certificate, reason="ออกผิด")
    assert bit() is True


def test_the_status_list_is_at_least_16kb_uncompressed(db):
    import base64
    import gzip

    encoded = credential.encoded_status_list([0, 5])[1:]
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
    assert len(raw) * 8 >= 131072 and raw[0] == 0b10000100
