"""Our credential as an independent Open Badges 3.0 implementation reads it.

openbadgeslib (LGPL, a dev dependency) was written apart from us against the
same specifications. It gets only what any third party gets: the token, and
the documents our public URLs serve, fetched here through the test client.
"""

from urllib.parse import urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from openbadgeslib.ob3 import OB3VerificationError, OB3Verifier
from openbadgeslib.ob3.contexts import document_loader
from pyld import jsonld

from django.conf import settings

from certificates import services

pytestmark = pytest.mark.django_db


def _fetch(client, url: str):
    """GET one of our public URLs, as a verifier on the internet would."""
    response = client.get(urlsplit(url).path)
    assert response.status_code == 200, url
    return response


def _published_key_pem(client, token: str) -> bytes:
    """The key the token's kid names, taken from our JWKS and turned into PEM."""
    kid = jwt.get_unverified_header(token)["kid"]
    (jwk,) = [
        key for key in _fetch(client, "/.well-known/jwks.json").json()["keys"] if key["kid"] == kid
    ]
    return jwt.PyJWK(jwk).key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _verifier(client, certificate) -> OB3Verifier:
    return OB3Verifier(_published_key_pem(client, certificate.credential_jwt))


def _status_check(client) -> dict:
    """Status checking on: the library fetches the status list through `download`."""
    return {
        "check_status": True,
        "verify_status_list": True,  # the list's own signature, with the same key
        "download": lambda url: _fetch(client, url).content,
    }


def _our_contexts(client, document: dict) -> dict:
    """The contexts the document names on our own site, as our view serves them."""
    site = urlsplit(settings.SITE_URL).netloc
    return {
        url: _fetch(client, url).json()
        for url in document["@context"]
        if urlsplit(url).netloc == site
    }


def _check_compacted_form(document: dict, contexts: dict) -> None:
    """openbadgeslib's JSON-LD check: every member a term of the document's contexts.

    The library runs it only inside its Data Integrity verifier, whose loader
    takes no extra contexts, so this one helper reaches its private module.
    A VC-JWT has no embedded proof: the credential stands in for the proof
    configuration the check also wants.
    """
    from openbadgeslib.ob3._context_validation import validate_document

    validate_document(document, document, document_loader(contexts), jsonld)


def test_the_credential_verifies_with_the_key_from_our_jwks(client, certificate):
    badge = _verifier(client, certificate).verify(certificate.credential_jwt)
    assert badge.id.endswith(f"/{certificate.verification_id}/")
    assert badge.issuer.id == badge.raw["iss"]
    assert badge.credential_status[0]["type"] == "BitstringStatusListEntry"


def test_the_credential_is_in_compacted_form_under_its_contexts(client, certificate):
    document = _verifier(client, certificate).verify(certificate.credential_jwt).raw
    contexts = _our_contexts(client, document)
    assert list(contexts) == [document["@context"][2]]
    _check_compacted_form(document, contexts)


def test_a_member_no_context_defines_fails_the_compacted_form_check(client, certificate):
    document = _verifier(client, certificate).verify(certificate.credential_jwt).raw
    contexts = _our_contexts(client, document)
    with pytest.raises(OB3VerificationError, match="/favouriteColour"):
        _check_compacted_form({**document, "favouriteColour": "blue"}, contexts)


def test_a_valid_certificate_passes_the_status_check(client, certificate):
    badge = _verifier(client, certificate).verify(
        certificate.credential_jwt, **_status_check(client)
    )
    assert badge.credential_status[0]["statusListIndex"] == str(certificate.status_list_index)


def test_a_revoked_certificate_fails_the_status_check(client, certificate):
    verifier = _verifier(client, certificate)
    services.certificate_revoke(certificate=certificate, reason="ออกผิดคน")
    with pytest.raises(OB3VerificationError, match="revocation"):
        verifier.verify(certificate.credential_jwt, **_status_check(client))


def _one_character_changed(token: str, part: int) -> str:
    segments = token.split(".")
    segment = segments[part]
    middle = len(segment) // 2
    swapped = "B" if segment[middle] == "A" else "A"
    segments[part] = segment[:middle] + swapped + segment[middle + 1 :]
    return ".".join(segments)


@pytest.mark.parametrize("part", [0, 1, 2], ids=["header", "payload", "signature"])
def test_a_token_with_one_changed_character_fails(client, certificate, part):
    forged = _one_character_changed(certificate.credential_jwt, part)
    with pytest.raises(OB3VerificationError, match="Invalid signature"):
        _verifier(client, certificate).verify(forged)
