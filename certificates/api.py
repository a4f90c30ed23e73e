"""GET /api/v1/certificates/<code>: the public status of a certificate, as JSON."""

import datetime as dt
import json

from ninja import Field, Router, Schema, Status
from ninja.responses import NinjaJSONEncoder

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from certificates import public_cache, public_lookup, urls_util, verification

router = Router(tags=["certificates"])


class Holder(Schema):
    name_th: str
    name_en: str


class CertificateOut(Schema):
    code: str
    status: str
    holder: Holder
    programme: str
    cohort: str
    completed_on: dt.date
    issued_on: dt.date
    revoked_on: dt.date | None
    revocation_reason: str | None = Field(
        description="The reason category in the reader's language (Accept-Language), "
        "never the issuer's own notes."
    )
    revocation_category: str | None = Field(
        description="issued_in_error, replaced or withdrawn; null unless revoked."
    )
    superseded_by: str | None
    verify_url: str
    credential_url: str
    pdf_url: str | None


class Error(Schema):
    error: str
    detail: str


def _out(certificate) -> dict:
    from django.utils import timezone

    revoked = certificate.revoked_at
    newer = certificate.superseded_by
    return {
        "code": certificate.short_code,
        "status": certificate.status,
        "holder": {"name_th": certificate.holder_name_th, "name_en": certificate.holder_name_en},
        "programme": certificate.programme_en,
        "cohort": f"รุ่นที่ {certificate.cohort_number} (cohort {certificate.cohort_number})",
        "completed_on": certificate.completed_on,
        "issued_on": timezone.localtime(certificate.issued_at).date(),
        "revoked_on": timezone.localtime(revoked).date() if revoked else None,
        "revocation_reason": str(certificate.get_revocation_category_display()) or None,
        "revocation_category": certificate.revocation_category or None,
        "superseded_by": newer.short_code if newer else None,
        "verify_url": urls_util.verify_url(certificate),
        "credential_url": urls_util.credential_url(certificate),
        # Only when the holder let anyone download it; otherwise it is a login page.
        "pdf_url": urls_util.pdf_url(certificate) if certificate.pdf_is_public else None,
    }


@router.get(
    "/certificates/{code}",
    response={200: CertificateOut, 404: Error, 429: Error},
    summary="Verify a certificate by its short code or its long verification id",
)
def certificate_status(request: HttpRequest, response: HttpResponse, code: str):
    # Public data, readable from any web page, as the credential files are.
    response["Access-Control-Allow-Origin"] = "*"
    # /api/ has no language prefix: the reader's language comes from Accept-Language.
    language = translation.get_language_from_request(request)
    fragment = f"api:{language}"
    lookup = public_lookup.look_up(request, "api", code, fragment=fragment)
    if lookup.limited:
        response["Retry-After"] = str(verification.retry_after())
        return Status(
            429, {"error": "rate_limited", "detail": "Too many lookups; try again in a minute."}
        )
    certificate = lookup.certificate
    if certificate is None:
        return Status(404, {"error": "not_found", "detail": "No certificate has this code."})
    # The answer as sent, cached beside the certificate per language (and generation: a
    # revoke is seen at once): a repeated lookup sends these bytes as they are.
    body = lookup.fragment or public_cache.cached(
        public_lookup.fragment_name(code, fragment), lambda: _body(certificate, language)
    )
    answer = HttpResponse(body, content_type="application/json; charset=utf-8")
    answer["Access-Control-Allow-Origin"] = "*"
    return answer


def _body(certificate, language: str) -> bytes:
    """The 200 answer's JSON, validated against CertificateOut as ninja would."""
    with translation.override(language):
        data = CertificateOut.model_validate(_out(certificate)).model_dump(mode="json")
    return json.dumps(data, cls=NinjaJSONEncoder).encode()
