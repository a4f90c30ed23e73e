"""The credential, issuer profile and status list keep the Open Badges 3.0.3 / VC 2.0 rules
we rely on.

Checked once by hand against 1EdTech's AchievementCredential JSON Schema and
the OB 3.0.3 VC-JWT section; these tests restate, in our own terms, the parts
of those rules a change on our side could break.
"""

import base64
import datetime as dt
import gzip
import hashlib
import json
import re
from urllib.parse import urlsplit

import pytest
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

from certificates import credential, services, urls_util
from certificates.keys import signing_material

pytestmark = pytest.mark.django_db

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_303 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
DATE_TIME_Z = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")
# The achievement types Open Badges defines; anything else must be "ext:..."
ACHIEVEMENT_TYPES = {"Certificate", "CertificateOfCompletion", "Certification", "Course"}
# The credential's top-level members that the VC 2.0 and OB 3.0.3 contexts define.
STANDARD_MEMBERS = {
    "@context", "id", "type", "name", "issuer", "validFrom", "awardedDate",
    "credentialSubject", "credentialStatus", "evidence",
}  # fmt: skip


def _is_uri(value) -> bool:
    return isinstance(value, str) and bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$", value))


def _parts(token: str) -> tuple[dict, dict]:
    """The JOSE header and the JWT payload, decoded without checking the signature."""
    header, payload = (
        json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
        for part in token.split(".")[:2]
    )
    return header, payload


def _epoch(value: str) -> int:
    return int(dt.datetime.fromisoformat(value).timestamp())


@pytest.fixture
def document(certificate):
    return credential.verify(certificate.credential_jwt)


@pytest.fixture
def certificate_with_project(enrolment, template):
    enrolment.team.project_title = "โครงการวิจัยระบบน้ำประปาชุมชน"
    enrolment.team.save()
    certificate, _ = services.certificate_issue(enrolment=enrolment)
    return certificate


def test_the_credential_has_every_property_open_badges_requires(document):
    assert document["@context"] == [VC_V2, OB_303, urls_util.context_url()]
    assert _is_uri(document["id"])
    assert {"VerifiableCredential", "OpenBadgeCredential"} <= set(document["type"])
    assert isinstance(document["name"], str) and document["name"]
    issuer = document["issuer"]
    assert _is_uri(issuer["id"]) and "Profile" in issuer["type"] and issuer["name"]
    assert DATE_TIME_Z.fullmatch(document["validFrom"])
    assert "issuanceDate" not in document  # the VC 1.1 name; VC 2.0 says validFrom


def test_the_subject_is_an_achievement_subject_with_a_complete_achievement(document):
    subject = document["credentialSubject"]
    assert "AchievementSubject" in subject["type"]
    assert _is_uri(subject["id"])  # what the JWT's sub names
    achievement = subject["achievement"]
    assert _is_uri(achievement["id"]) and "Achievement" in achievement["type"]
    for key in ("name", "description"):
        assert isinstance(achievement[key], str) and achievement[key]
    criteria = achievement["criteria"]
    assert criteria.get("narrative") or _is_uri(criteria.get("id"))
    kind = achievement["achievementType"]
    assert kind in ACHIEVEMENT_TYPES or kind.startswith("ext:")
    assert re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", achievement["inLanguage"])


def test_the_holder_is_identified_by_a_salted_hash_of_their_email(certificate, document):
    (identity,) = document["credentialSubject"]["identifier"]
    # IdentityObject takes these properties and no others.
    assert set(identity) == {"type", "hashed", "identityHash", "identityType", "salt"}
    assert identity["type"] == "IdentityObject" and identity["hashed"] is True
    assert identity["identityType"] == "emailAddress"
    algorithm, digest = identity["identityHash"].split("$")
    assert algorithm == "sha256" and re.fullmatch(r"[0-9a-f]{64}", digest)
    salted = certificate.holder.email.lower() + identity["salt"]
    assert digest == hashlib.sha256(salted.encode()).hexdigest()


def test_the_team_project_is_evidence_of_the_evidence_shape(certificate_with_project):
    document = credential.verify(certificate_with_project.credential_jwt)
    (evidence,) = document["evidence"]
    assert "Evidence" in evidence["type"]
    assert all(isinstance(evidence[key], str) for key in ("name", "description"))
    assert "id" not in evidence or _is_uri(evidence["id"])


def test_the_status_entry_points_into_the_bitstring_status_list(certificate, document):
    status = document["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry"
    assert status["statusPurpose"] == "revocation"
    assert status["statusListIndex"] == str(certificate.status_list_index)  # a decimal string
    assert 0 <= int(status["statusListIndex"]) < credential.STATUS_LIST_BITS
    assert status["statusListCredential"] == urls_util.status_list_url()
    assert status["id"] == f"{status['statusListCredential']}#{status['statusListIndex']}"


def test_dates_carry_a_timezone(document):
    valid_from = dt.datetime.fromisoformat(document["validFrom"])
    assert valid_from.tzinfo is not None
    assert document["awardedDate"] == document["validFrom"]  # issued once, never updated
    assert "validUntil" not in document  # a certificate does not lapse
    assert dt.date.fromisoformat(document["completedOn"])


def test_our_own_members_are_protected_terms_of_our_context(client, document):
    """A member no context defines is dropped by JSON-LD processors: ours are defined."""
    ours = set(document) - STANDARD_MEMBERS
    assert ours == {"serialNumber", "holderNameTh", "completedOn"}
    context = client.get(urlsplit(document["@context"][2]).path).json()["@context"]
    assert context["@protected"] is True
    for term in ours:
        assert context[term]["@id"] == f"{document['@context'][2]}#{term}"
    assert context["completedOn"]["@type"] == "http://www.w3.org/2001/XMLSchema#date"
    assert context["holderNameTh"]["@language"] == "th"


def test_the_jose_header_is_rs256_with_a_kid_that_dereferences_to_the_key(client, certificate):
    header, _ = _parts(certificate.credential_jwt)
    assert set(header) <= {"alg", "kid", "jwk", "typ"}  # no other JOSE headers allowed
    assert header["alg"] == "RS256" and header["typ"] == "JWT"
    assert _is_uri(header["kid"]) and header["kid"].startswith("http")
    response = client.get(urlsplit(header["kid"]).path)
    assert response.status_code == 200 and response["Content-Type"] == "application/jwk+json"
    jwk = response.json()
    assert jwk["kid"] == header["kid"] and "d" not in jwk  # never the private part
    decoded = jwt.decode(certificate.credential_jwt, RSAKey.import_key(jwk), algorithms=["RS256"])
    assert decoded.claims["jti"] == decoded.claims["id"]


def test_the_jwt_claims_mirror_the_credential(certificate):
    _, claims = _parts(certificate.credential_jwt)
    assert "vc" not in claims  # VC 2.0: the payload is the credential itself
    assert claims["iss"] == claims["issuer"]["id"]
    assert claims["jti"] == claims["id"]
    assert claims["sub"] == claims["credentialSubject"]["id"]
    assert claims["nbf"] == _epoch(claims["validFrom"])
    assert "exp" not in claims


def test_the_issuer_profile_is_the_profile_credentials_name(client, document):
    profile = client.get("/credentials/issuer.json").json()
    assert profile["@context"][:2] == [VC_V2, OB_303]
    assert profile["id"] == document["issuer"]["id"]
    assert "Profile" in profile["type"] and profile["name"] and _is_uri(profile["url"])


def test_the_status_list_is_a_bitstring_status_list_credential(client, certificate):
    token = client.get("/credentials/status/revocation.jwt").content.decode()
    header, claims = _parts(token)
    assert header["alg"] == "RS256" and _is_uri(header["kid"])
    assert claims["@context"][0] == VC_V2
    assert {"VerifiableCredential", "BitstringStatusListCredential"} <= set(claims["type"])
    subject = claims["credentialSubject"]
    assert subject["type"] == "BitstringStatusList" and subject["statusPurpose"] == "revocation"
    encoded = subject["encodedList"]
    assert encoded.startswith("u")  # multibase, base64url without padding
    raw = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded) % 4)))
    assert len(raw) * 8 >= 131072
    assert claims["iss"] == claims["issuer"] and claims["jti"] == claims["id"]
    assert claims["sub"] == subject["id"] and claims["nbf"] == _epoch(claims["validFrom"])


def test_credentials_signed_with_the_earlier_header_and_claims_still_verify(client, certificate):
    """Tokens issued before the kid became a URL named the bare thumbprint, and had no subject id;
    before our extension context they named two contexts and had no awardedDate."""
    material = signing_material()
    document = credential.credential_document(certificate)
    del document["credentialSubject"]["id"]
    del document["awardedDate"]
    document["@context"] = [VC_V2, OB_303]
    claims = {
        **document,
        "iss": document["issuer"]["id"],
        "jti": document["id"],
        "sub": document["id"],
        "nbf": _epoch(document["validFrom"]),
    }
    header = {"alg": "RS256", "typ": "JWT", "kid": material.kid}
    old = jwt.encode(header, claims, material.rsa_jwk, algorithms=["RS256"])
    assert credential.verify(old)["id"] == document["id"]
    published = KeySet.import_key_set(client.get("/.well-known/jwks.json").json())
    assert jwt.decode(old, published, algorithms=["RS256"]).claims["jti"] == document["id"]


def test_a_token_still_verifies_after_the_site_moves(certificate, settings):
    settings.SITE_URL = "https://certificates.example.org"
    assert credential.verify(certificate.credential_jwt)["id"].endswith(
        f"/{certificate.verification_id}/"
    )


def test_an_unknown_key_id_is_not_found(client):
    assert client.get("/credentials/keys/not-a-key.json").status_code == 404
