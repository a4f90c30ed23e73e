"""Absolute public URLs of a certificate, built from SITE_URL (stable across hosts)."""

from django.urls import reverse

from core.urls import absolute_url


def verify_url(certificate) -> str:
    return absolute_url(reverse("certificates:verify_code", args=[certificate.verification_id]))


def credential_url(certificate) -> str:
    return absolute_url(
        reverse("certificates_public:credential", args=[certificate.verification_id])
    )


def pdf_url(certificate) -> str:
    return absolute_url(reverse("certificates:pdf", args=[certificate.verification_id]))


def issuer_url() -> str:
    return absolute_url(reverse("certificates_public:issuer"))


def achievement_url(certificate) -> str:
    return absolute_url(
        reverse("certificates_public:achievement", args=[certificate.cohort_number])
    )


def status_list_url() -> str:
    return absolute_url(reverse("certificates_public:status_list"))


def context_url() -> str:
    """Our JSON-LD context, the third @context entry of the credentials we issue."""
    return absolute_url(reverse("certificates_public:context"))


def key_url(kid: str) -> str:
    """Where one public key is published as a JWK: the kid our VC-JWTs carry."""
    return absolute_url(reverse("certificates_public:key", args=[kid]))


def achievement_badge_url(certificate, kind: str = "png") -> str:
    """The badge image of the certificate's programme and cohort (png or svg)."""
    args = [certificate.cohort_number, kind]
    return absolute_url(reverse("certificates_public:achievement_badge", args=args))


def issuer_badge_url(kind: str = "png") -> str:
    return absolute_url(reverse("certificates_public:issuer_badge", args=[kind]))


def api_url(certificate) -> str:
    """The certificate's public status as JSON (GET /api/v1/certificates/<code>)."""
    return absolute_url(
        reverse("api-v1:certificate_status", kwargs={"code": certificate.short_code})
    )
