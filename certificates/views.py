"""Public verification pages, the PDF download and the machine-readable documents."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from certificates import credential, selectors, services, urls_util, verification
from certificates.access import can_download
from certificates.forms import VerifyCodeForm, VerifyUploadForm
from certificates.keys import signing_material
from certificates.models import Certificate, VerificationLookup

JWT_TYPE = "application/vc+jwt"
NOINDEX = {"X-Robots-Tag": "noindex, nofollow"}


def _noindex(response):
    response["X-Robots-Tag"] = NOINDEX["X-Robots-Tag"]
    return response


def _too_many(request):
    verification.log_lookup("page", None, result=VerificationLookup.Result.RATE_LIMITED)
    response = render(request, "certificates/verify_rate_limited.html", status=429)
    response["Retry-After"] = "60"
    return _noindex(response)


@never_cache
def verify_index(request):
    """Type a code or upload a PDF."""
    code_form, upload_form, check = VerifyCodeForm(), VerifyUploadForm(), None
    certificate = None
    if request.method == "POST":
        if verification.rate_limited(request):
            return _too_many(request)
        if "file" in request.FILES:
            upload_form = VerifyUploadForm(request.POST, request.FILES)
            if upload_form.is_valid():
                check = verification.check_pdf(upload_form.cleaned_data["file"].read())
                if check.genuine:
                    certificate = selectors.certificate_by_code(check.verification_id)
                result = (
                    (certificate.status if certificate else VerificationLookup.Result.NOT_FOUND)
                    if check.genuine
                    else VerificationLookup.Result.NOT_GENUINE
                )
                verification.log_lookup("upload", certificate, result=result)
        else:
            code_form = VerifyCodeForm(request.POST)
            if code_form.is_valid():
                return redirect(
                    "certificates:verify_code", code=code_form.cleaned_data["code"].strip()
                )
    context = {
        "code_form": code_form,
        "upload_form": upload_form,
        "check": check,
        "certificate": certificate,
    }
    return _noindex(render(request, "certificates/verify.html", context))


@never_cache
@require_GET
def verify_code(request, code):
    if verification.rate_limited(request):
        return _too_many(request)
    certificate = selectors.certificate_by_code(code)
    verification.log_lookup("page", certificate)
    status = 200 if certificate else 404
    context = {"certificate": certificate, "code": code}
    return _noindex(render(request, "certificates/verify_result.html", context, status=status))


def pdf_download(request, verification_id):
    certificate = get_object_or_404(Certificate, verification_id=verification_id)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_download(request.user, certificate):
        raise PermissionDenied
    content = services.certificate_pdf_bytes(certificate=certificate)
    filename = f"certificate-{certificate.short_code}.pdf"
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return _noindex(response)


@require_GET
def credential_download(request, verification_id):
    certificate = Certificate.objects.filter(verification_id=verification_id).first()
    if certificate is None:
        raise Http404
    verification.log_lookup("credential", certificate)
    response = HttpResponse(certificate.credential_jwt, content_type=JWT_TYPE)
    if request.GET.get("download"):
        name = f"credential-{certificate.short_code}.jwt"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Access-Control-Allow-Origin"] = "*"
    return _noindex(response)


def _json(data, content_type="application/json"):
    response = JsonResponse(
        data, content_type=content_type, json_dumps_params={"ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
@cache_control(public=True, max_age=24 * 60 * 60)
def credential_context(request):
    """Our JSON-LD context: what JSON-LD processors fetch to read our extension terms."""
    return _json(credential.extension_context(), "application/ld+json")


@require_GET
def issuer_profile(request):
    return _json(credential.issuer_profile(), "application/ld+json")


@require_GET
def achievement(request, cohort_number):
    certificate = Certificate.objects.filter(cohort_number=cohort_number).first()
    if certificate is None:
        raise Http404
    return _json(credential.achievement(certificate), "application/ld+json")


@require_GET
def jwks(request):
    return _json(signing_material().jwks(), "application/jwk-set+json")


@require_GET
def public_key(request, kid):
    """One public key as a JWK, so the kid URL in a VC-JWT header dereferences to it."""
    for key in signing_material().public_jwks():
        if key["kid"] == kid:
            return _json({**key, "kid": urls_util.key_url(kid)}, "application/jwk+json")
    raise Http404


@require_GET
def status_list(request):
    document = credential.status_list_document(selectors.status_list_indexes())
    if request.GET.get("format") == "json":
        return _json(document, "application/ld+json")
    response = HttpResponse(credential.sign_status_list(document), content_type=JWT_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "max-age=60"
    return response
