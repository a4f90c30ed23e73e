"""Absolute public URLs of a certificate, built from SITE_URL (stable across hosts)."""

from django.conf import settings
from django.urls import reverse


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def verify_url(certificate) -> str:
    return absolute(reverse("certificates:verify_code", args=[certificate.verification_id]))


def credential_url(certificate) -> str:
    return absolute(reverse("certificates_public:credential", args=[certificate.verification_id]))


def pdf_url(certificate) -> str:
    return absolute(reverse("certificates:pdf", args=[certificate.verification_id]))


def issuer_url() -> str:
    return absolute(reverse("certificates_public:issuer"))


def achievement_url(certificate) -> str:
    return absolute(reverse("certificates_public:achievement", args=[certificate.cohort_number]))


def status_list_url() -> str:
    return absolute(reverse("certificates_public:status_list"))


def context_url() -> str:
    """Our JSON-LD context, the third @context entry of the credentials we issue."""
    return absolute(reverse("certificates_public:context"))


def jwks_url() -> str:
    return absolute(reverse("certificates_public:jwks"))


def key_url(kid: str) -> str:
    """Where one public key is published as a JWK: the kid our VC-JWTs carry."""
    return absolute(reverse("certificates_public:key", args=[kid]))
