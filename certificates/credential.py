"""Open Badges 3.0 credentials (VC Data Model 2.0) secured as VC-JWT.

RS256 is what Open Badges 3.0 conformance requires; an EdDSA (Ed25519)
variant is offered beside it. Revocation is published as a Bitstring Status
List credential, signed the same way.
"""

import base64
import gzip
import hashlib
import uuid

from joserfc import jwt
from joserfc.errors import JoseError

from certificates import badges, urls_util
from certificates.keys import signing_material
from certificates.models import CertificateTemplate
from core.urls import absolute_url

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
STATUS_LIST_BITS = 131072  # the minimum size the Bitstring Status List spec asks for
STATUS_PURPOSE = "revocation"
JWT_CLAIMS = {"iss", "jti", "sub", "nbf", "exp"}


def _default_template():
    return CertificateTemplate.objects.filter(is_default=True).first()


# What a site without any certificate template yet calls itself and its programme.
DEFAULT_ISSUER = ("มูลนิธิส่งเสริมการปกครองท้องถิ่น", "Local Government Promotion Foundation")
DEFAULT_PROGRAMME = (
    "หลักสูตรประกาศนียบัตรนักพัฒนาเมืองระดับสูง (พมส.)",
    "Senior Urban Developer Certificate Programme",
)


def programme_names(template=None) -> tuple[str, str]:
    """The programme's Thai and English names, from the default template."""
    template = template or _default_template()
    return (template.programme_th, template.programme_en) if template else DEFAULT_PROGRAMME


def issuer_profile(template=None) -> dict:
    template = template or _default_template()
    name_th, name_en = (
        (template.issuer_name_th, template.issuer_name_en) if template else DEFAULT_ISSUER
    )
    badge = badges.for_programme(*programme_names(template))
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": urls_util.issuer_url(),
        "type": ["Profile"],
        "name": name_en,
        "description": name_th,
        "url": absolute_url("/"),
        "image": {"id": urls_util.issuer_badge_url(), "type": "Image", "caption": badge.caption},
    }


def achievement(certificate) -> dict:
    """The achievement, with its badge image: per programme and cohort."""
    design = certificate.design
    badge = badges.for_certificate(certificate)
    return {
        "id": urls_util.achievement_url(certificate),
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": certificate.programme_en,
        "description": f"{certificate.programme_th} รุ่นที่ {certificate.cohort_number}",
        "criteria": {
            "narrative": f"{design.get('criteria_th', '')}\n\n{design.get('criteria_en', '')}"
        },
        "image": {
            "id": urls_util.achievement_badge_url(certificate),
            "type": "Image",
            "caption": badge.caption,
        },
        "inLanguage": "th",
    }


def _identity(certificate) -> dict:
    """The holder's email, salted and hashed: matchable by someone who knows it, no more."""
    salt = certificate.verification_id[:16]
    digest = hashlib.sha256((certificate.holder.email.lower() + salt).encode()).hexdigest()
    return {
        "type": "IdentityObject",
        "identityType": "emailAddress",
        "hashed": True,
        "identityHash": f"sha256${digest}",
        "salt": salt,
    }


def subject_id(certificate) -> str:
    """A URI for the holder of this one certificate, as VC-JWT's `sub` must name.

    Derived from the certificate, not the person, so two certificates of one
    holder are no easier to link than their salted identity hashes are.
    """
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, urls_util.verify_url(certificate))}"


def extension_context() -> dict:
    """Our JSON-LD context: the terms of ours a credential uses beside VC 2.0 and OB 3.0.

    Without it a JSON-LD processor drops these members, so their values would
    not be part of what the credential says. Each term is named by a fragment of
    this document's own URL, and protected, as the VC and OB contexts are.
    Change a definition only under a new URL (v2): issued credentials name v1.
    """
    vocabulary = urls_util.context_url() + "#"
    return {
        "@context": {
            "@protected": True,
            "serialNumber": {"@id": vocabulary + "serialNumber"},
            "holderNameTh": {"@id": vocabulary + "holderNameTh", "@language": "th"},
            "completedOn": {"@id": vocabulary + "completedOn", "@type": XSD_DATE},
        }
    }


def credential_document(certificate) -> dict:
    """The OpenBadgeCredential for a certificate, from its frozen snapshot only.

    Credentials issued before the extension context named only the VC and OB
    contexts and had no awardedDate; their tokens are kept as they were signed.
    """
    issued = certificate.issued_at.replace(microsecond=0).isoformat().replace("+00:00", "Z")
    subject = {
        "id": subject_id(certificate),
        "type": ["AchievementSubject"],
        "name": certificate.holder_name_en or certificate.holder_name_th,
        "achievement": achievement(certificate),
        "identifier": [_identity(certificate)],
    }
    document = {
        "@context": [VC_CONTEXT, OB_CONTEXT, urls_util.context_url()],
        "id": urls_util.verify_url(certificate),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{certificate.programme_en}, cohort {certificate.cohort_number}",
        "issuer": {
            "id": urls_util.issuer_url(),
            "type": ["Profile"],
            "name": certificate.design.get("issuer_name_en", ""),
        },
        "validFrom": issued,
        "awardedDate": issued,  # OB 3.0's name for the issue time, which validFrom may not keep
        "credentialSubject": subject,
        "credentialStatus": {
            "id": f"{urls_util.status_list_url()}#{certificate.status_list_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": STATUS_PURPOSE,
            "statusListIndex": str(certificate.status_list_index),
            "statusListCredential": urls_util.status_list_url(),
        },
        "serialNumber": certificate.serial_label,
        "holderNameTh": certificate.holder_name_th,
        "completedOn": certificate.completed_on.isoformat(),
    }
    if certificate.project_title:
        document["evidence"] = [
            {
                "type": ["Evidence"],
                "name": "Team research project",
                "description": certificate.project_title,
            }
        ]
    return document


def _claims(document: dict) -> dict:
    """VC-JWT (Open Badges 3.0.3, 8.2): the credential is the payload, with the claims
    iss = issuer.id, jti = id, sub = credentialSubject.id, nbf = validFrom and
    exp = validUntil (when the credential has one)."""
    issuer = document["issuer"]
    return {
        **document,
        "iss": issuer if isinstance(issuer, str) else issuer["id"],
        "jti": document["id"],
        "sub": document["credentialSubject"].get("id"),
        "nbf": _epoch(document.get("validFrom")),
        "exp": _epoch(document.get("validUntil")),
    }


def _epoch(value) -> int | None:
    import datetime as dt

    if not value:
        return None
    return int(dt.datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp())


def sign(document: dict, *, algorithm: str = "RS256") -> str:
    material = signing_material()
    if algorithm == "EdDSA" and material.ed25519_jwk is not None:
        key, kid = material.ed25519_jwk, material.ed25519_kid_url
    else:
        key, kid, algorithm = material.rsa_jwk, material.kid_url, "RS256"
    header = {"alg": algorithm, "typ": "JWT", "kid": kid}
    claims = {k: v for k, v in _claims(document).items() if v is not None}
    return jwt.encode(header, claims, key, algorithms=[algorithm])


class CredentialInvalid(Exception):
    pass


def verify(token: str | bytes, keyset=None) -> dict:
    """The credential inside a VC-JWT whose signature checks out with our keys.

    Raises CredentialInvalid for a bad signature, a foreign key or a broken token.
    """
    keyset = keyset or signing_material().public_keyset()
    try:
        decoded = jwt.decode(token, _key_named_in(keyset), algorithms=["RS256", "EdDSA"])
    except (JoseError, ValueError) as exc:
        raise CredentialInvalid(str(exc)) from exc
    claims = decoded.claims
    if not {"OpenBadgeCredential", "BitstringStatusListCredential"} & set(claims.get("type", [])):
        raise CredentialInvalid("not an Open Badges credential")
    return {k: v for k, v in claims.items() if k not in JWT_CLAIMS}


def _key_named_in(keyset):
    """Find the signing key by the thumbprint the kid ends with.

    Tokens name their key by URL (earlier ones by the bare thumbprint); going
    by the thumbprint keeps tokens verifiable if SITE_URL ever changes.
    """

    def resolve(token):
        kid = str(token.headers().get("kid", ""))
        return keyset.get_by_kid(kid.rsplit("/", 1)[-1].removesuffix(".json"))

    return resolve


def encoded_status_list(revoked_indexes) -> str:
    bits = bytearray(STATUS_LIST_BITS // 8)
    for index in revoked_indexes:
        if 0 <= index < STATUS_LIST_BITS:
            bits[index // 8] |= 0x80 >> (index % 8)  # left-most bit is index 0
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode().rstrip("=")


def status_bit(encoded: str, index: int) -> bool:
    raw = encoded[1:] if encoded.startswith("u") else encoded
    bits = gzip.decompress(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def status_list_document(revoked_indexes) -> dict:
    from django.utils import timezone

    url = urls_util.status_list_url()
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": urls_util.issuer_url(),
        "validFrom": timezone.now().replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": STATUS_PURPOSE,
            "encodedList": encoded_status_list(revoked_indexes),
        },
    }


def sign_status_list(document: dict) -> str:
    return sign(document)
