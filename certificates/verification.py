"""Checking a certificate: an uploaded PDF offline, a code online; rate limits and the log."""

import time
from dataclasses import dataclass, field
from io import BytesIO

from django.conf import settings
from django.core.cache import cache

from certificates import credential, lookups, pdf
from certificates.keys import signing_material
from certificates.models import Certificate, LookupCount
from core import redis as core_redis
from core.ratelimit import client_ip


@dataclass
class PdfCheck:
    """What an uploaded PDF proves on its own, without the database."""

    credential_ok: bool = False
    signature_ok: bool = False
    document: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def genuine(self) -> bool:
        return self.credential_ok and self.signature_ok and not self.problems

    @property
    def verification_id(self) -> str:
        """The long id at the end of the credential's id (its verify URL)."""
        return self.document.get("id", "").rstrip("/").rsplit("/", 1)[-1]


def check_pdf(content: bytes) -> PdfCheck:
    result = PdfCheck()
    token = _embedded_credential(content, result)
    if token:
        try:
            result.document = credential.verify(token)
            result.credential_ok = True
        except credential.CredentialInvalid:
            result.problems.append("credential-signature")
    _check_signature(content, result)
    return result


def _embedded_credential(content: bytes, result: PdfCheck) -> str | None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        attachments = PdfReader(BytesIO(content)).attachments
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        result.problems.append("unreadable")
        return None
    files = attachments.get(pdf.CREDENTIAL_FILENAME) or []
    if len(files) != 1:
        result.problems.append("no-credential")
        return None
    return files[0].decode("ascii", errors="replace")


def _check_signature(content: bytes, result: PdfCheck) -> None:
    """The whole file must be covered by one intact signature from our certificate."""
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import ValidationContext, validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    try:
        signatures = PdfFileReader(BytesIO(content), strict=False).embedded_signatures
    except Exception:  # any parse failure means the file is not ours
        result.problems.append("unreadable-signature")
        return
    if len(signatures) != 1:
        result.problems.append("no-signature" if not signatures else "extra-signatures")
        return
    # Our signing certificate and those of earlier keys, so a rotation leaves
    # every PDF issued before it genuine.
    roots = [
        asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
        for cert in signing_material().trusted_certificates
    ]
    try:
        status = validate_pdf_signature(
            signatures[0], ValidationContext(trust_roots=roots, allow_fetching=False)
        )
    except (SignatureValidationError, ValueError, KeyError, TypeError):
        result.problems.append("signature")
        return
    if not (status.intact and status.valid and status.trusted):
        result.problems.append("signature")
    elif status.coverage != SignatureCoverageLevel.ENTIRE_FILE and not _only_validation_data(
        content, signatures[0], status
    ):
        result.problems.append("changed-after-signing")
    else:
        result.signature_ok = True


def _only_validation_data(content: bytes, signature, status) -> bool:
    """What follows the signature adds long-term validation data (B-LT) and nothing else.

    Bytes after the last revision are no revision at all: they are refused too.
    """
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    later_revision = signature.signed_revision < signature.reader.xrefs.total_revisions - 1
    return (
        later_revision
        and content.rstrip().endswith(b"%%EOF")
        and status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
        and status.modification_level is not None
        and status.modification_level <= ModificationLevel.LTA_UPDATES
    )


# --- rate limit and log ------------------------------------------------------------


def client_keys(request) -> tuple[str, str]:
    window = int(time.time() // 60)
    client = client_ip(request)
    return f"certificates:lookups:{client}:{window}", f"certificates:misses:{client}:{window}"


def retry_after() -> int:
    """Seconds until the one-minute window ends and the client counts from zero again."""
    return 60 - int(time.time() % 60)


def rate_limited(request) -> bool:
    """Counts this lookup; True when the client is over a limit in this minute.

    Two limits per client, in fixed one-minute windows: every lookup counts
    toward a high ceiling (CERTIFICATE_LOOKUPS_PER_MINUTE) that a whole office
    behind one address stays under; misses (unknown or malformed codes, counted
    by count_miss) toward a low one (CERTIFICATE_MISSES_PER_MINUTE). A client
    over the miss limit is refused every lookup for the rest of the minute:
    answering its hits while refusing its misses would tell a guesser which
    guesses were right.
    """
    lookups, misses = client_keys(request)
    redis = core_redis.client()
    if redis is None:
        count = _cache_incr(lookups)
        missed = cache.get(misses, 0)
    else:  # one round trip for both
        pipe = redis.pipeline(transaction=False)
        pipe.incr(core_redis.key(lookups)).expire(core_redis.key(lookups), 90)
        pipe.get(core_redis.key(misses))
        count, _ttl, missed = pipe.execute()
        missed = int(missed or 0)
    return (
        count > settings.CERTIFICATE_LOOKUPS_PER_MINUTE
        or missed >= settings.CERTIFICATE_MISSES_PER_MINUTE
    )


def count_miss(request) -> None:
    _lookups, misses = client_keys(request)
    redis = core_redis.client()
    if redis is None:
        _cache_incr(misses)
        return
    redis.pipeline(transaction=False).incr(core_redis.key(misses)).expire(
        core_redis.key(misses), 90
    ).execute()


def _cache_incr(key: str) -> int:
    if cache.add(key, 1, timeout=90):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between the add and the incr
        cache.set(key, 1, timeout=90)
        return 1


def log_lookup(
    channel: str, certificate: Certificate | None, *, result: str | None = None, request=None
) -> str:
    """Count the lookup (certificates.lookups); a miss also counts toward the client's limit."""
    if result is None:
        result = certificate.status if certificate else LookupCount.Result.NOT_FOUND
    lookups.count_lookup(channel, result, certificate.pk if certificate else None)
    if result == LookupCount.Result.NOT_FOUND and request is not None:
        count_miss(request)
    return result
