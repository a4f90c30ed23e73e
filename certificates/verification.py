"""Checking a certificate: an uploaded PDF offline, a code online; rate limits and the log."""

import ipaddress
from dataclasses import dataclass, field
from io import BytesIO

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.utils import timezone

from certificates import credential, pdf
from certificates.keys import signing_material
from certificates.models import Certificate, VerificationLookup


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


def client_ip(request) -> str:
    """The client as the rate limit counts it, behind the proxies we trust.

    allauth's adapter reads the same settings as its own rate limits
    (ALLAUTH_TRUSTED_PROXY_COUNT, ALLAUTH_TRUSTED_CLIENT_IP_HEADER), so a
    forged X-Forwarded-For counts only as far as our proxies vouch for it.
    An IPv6 client is counted by its /64, the block one subscriber gets.
    """
    from allauth.account.adapter import get_adapter

    try:
        ip = get_adapter(request).get_client_ip(request)
    except (ImproperlyConfigured, PermissionDenied):
        # Fewer X-Forwarded-For entries than trusted proxies: the request did
        # not come through them, so only the socket address can be believed.
        ip = request.META.get("REMOTE_ADDR", "")
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return "unknown"
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def rate_limited(request) -> bool:
    """A fixed one-minute window per client IP, counted in the shared cache."""
    window = int(timezone.now().timestamp() // 60)
    key = f"certificates:lookups:{client_ip(request)}:{window}"
    if cache.add(key, 1, timeout=90):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=90)
            count = 1
    return count > settings.CERTIFICATE_LOOKUPS_PER_MINUTE


def log_lookup(channel: str, certificate: Certificate | None, *, result: str | None = None) -> str:
    if result is None:
        result = certificate.status if certificate else VerificationLookup.Result.NOT_FOUND
    VerificationLookup.objects.create(channel=channel, result=result, certificate=certificate)
    return result
