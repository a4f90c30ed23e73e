"""Public verification pages, the PDF download and the machine-readable documents."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_POST

from certificates import (
    badges,
    credential,
    public_cache,
    public_lookup,
    services,
    urls_util,
    verification,
)
from certificates.access import can_choose_public_pdf, can_download
from certificates.forms import VerifyCodeForm, VerifyUploadForm
from certificates.keys import signing_material
from certificates.models import Certificate, LookupCount

JWT_TYPE = "application/vc+jwt"
NOINDEX = {"X-Robots-Tag": "noindex, nofollow"}


def _noindex(response):
    response["X-Robots-Tag"] = NOINDEX["X-Robots-Tag"]
    return response


def _too_many(request, *, counted=False):
    if not counted:
        verification.log_lookup("page", None, result=LookupCount.Result.RATE_LIMITED)
    response = render(request, "certificates/verify_rate_limited.html", status=429)
    response["Retry-After"] = str(verification.retry_after())
    return _noindex(response)


def _verdict(certificate) -> dict | None:
    """The links and the preview text (OpenGraph) the verdict shows beside the facts."""
    if certificate is None:
        return None
    badge = badges.for_certificate(certificate)
    status = Certificate.Status(certificate.status).label
    programme = certificate.programme_th if get_language() == "th" else certificate.programme_en
    holder = (
        certificate.holder_name_th
        if get_language() == "th"
        else (certificate.holder_name_en or certificate.holder_name_th)
    )
    cohort = _("Cohort %(n)s") % {"n": certificate.cohort_number}
    return {
        "verify_url": urls_util.verify_url(certificate),
        "credential_url": urls_util.credential_url(certificate),
        "api_url": urls_util.api_url(certificate),
        "badge_png": urls_util.achievement_badge_url(certificate, "png"),
        # The page's own image by path: it shows on whatever host serves the page.
        "badge_src": reverse(
            "certificates_public:achievement_badge", args=[certificate.cohort_number, "png"]
        ),
        "badge_svg": urls_util.achievement_badge_url(certificate, "svg"),
        "badge_caption": badge.caption,
        "og_title": f"{holder} · {status}",
        "og_description": f"{programme}, {cohort} · {certificate.serial_label}",
    }


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
                    certificate = public_cache.certificate_by_code(check.verification_id)
                result = (
                    (certificate.status if certificate else LookupCount.Result.NOT_FOUND)
                    if check.genuine
                    else LookupCount.Result.NOT_GENUINE
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
        "verdict": _verdict(certificate),
    }
    return _noindex(render(request, "certificates/verify.html", context))


@never_cache
@require_GET
def verify_code(request, code):
    whole_page = _is_cookieless(request) and len(code) <= 32
    # A visitor with no session and no messages sees the same page as everyone else
    # in their language: the whole page is cached beside the certificate (per code as
    # typed, since the language switcher links back to it) and read in the lookup's
    # round trip. Anyone else gets the cached verdict inside a page made for them.
    fragment = f"page:{get_language()}:{code}" if whole_page else f"verdict:{get_language()}"
    lookup = public_lookup.look_up(request, "page", code, fragment=fragment)
    if lookup.limited:
        return _too_many(request, counted=True)
    certificate = lookup.certificate
    if certificate is None:
        context = {"certificate": None, "code": code}
        return _noindex(render(request, "certificates/verify_result.html", context, status=404))
    if whole_page:
        body = lookup.fragment or public_cache.cached(
            public_lookup.fragment_name(code, fragment),
            lambda: _verify_page(request, certificate, code).encode(),
        )
        return _noindex(HttpResponse(body))
    return _noindex(HttpResponse(_verify_page(request, certificate, code, lookup.fragment)))


def _is_cookieless(request) -> bool:
    """No session (so no login and no CSRF token in the page), no messages waiting, and
    no query string (the language switcher links back to the path as asked)."""
    return not (
        request.COOKIES.get(settings.SESSION_COOKIE_NAME)
        or request.COOKIES.get(CookieStorage.cookie_name)
        or request.META.get("QUERY_STRING")
    )


def _verify_page(request, certificate, code, fragment=None) -> str:
    fragment = fragment or public_cache.cached(
        public_lookup.fragment_name(code, f"verdict:{get_language()}"),
        lambda: _verdict_fragment(request, certificate),
    )
    context = {"certificate": certificate, "code": code, "fragment": fragment}
    return render_to_string("certificates/verify_result.html", context, request)


def _verdict_fragment(request, certificate) -> dict:
    """The verdict and its OpenGraph tags, rendered: the same for every visitor in a language.

    Cached per code, language and public_cache generation (a revoke starts a new
    one); the page around it carries the visitor's CSRF token and login state.
    """
    context = {"certificate": certificate, "verdict": _verdict(certificate)}
    return {
        "meta": render_to_string("certificates/_opengraph.html", context, request),
        "verdict": render_to_string("certificates/_verdict.html", context, request),
    }


def pdf_download(request, verification_id):
    certificate = get_object_or_404(Certificate, verification_id=verification_id)
    if not request.user.is_authenticated and not certificate.pdf_is_public:
        return redirect_to_login(request.get_full_path())
    if not can_download(request.user, certificate):
        raise PermissionDenied
    content = services.certificate_pdf_bytes(certificate=certificate)
    filename = f"certificate-{certificate.short_code}.pdf"
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return _noindex(response)


@require_POST
def public_pdf_set(request, verification_id):
    """The holder's switch: anyone with the verify link may download the PDF, or not."""
    certificate = get_object_or_404(Certificate, verification_id=verification_id)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("accounts:me"))
    if not can_choose_public_pdf(request.user, certificate):
        raise PermissionDenied
    public = bool(request.POST.get("public"))
    services.certificate_set_public_pdf(certificate=certificate, public=public, by=request.user)
    if public:
        messages.success(request, _("Anyone with the verify link can now download the PDF."))
    else:
        messages.success(request, _("Only you can download the PDF now."))
    return redirect(reverse("accounts:me") + "#certificates")


@require_GET
def credential_download(request, verification_id):
    certificate = public_cache.certificate_by_code(verification_id)
    if certificate is None or certificate.verification_id != verification_id:
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


BADGE_TYPES = {"png": "image/png", "svg": "image/svg+xml"}


def _badge_response(badge, kind):
    if kind not in BADGE_TYPES:
        raise Http404
    content = badges.png(badge) if kind == "png" else badges.svg(badge)
    response = HttpResponse(content, content_type=BADGE_TYPES[kind])
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=86400"
    return response


@require_GET
def achievement_badge(request, cohort_number, kind):
    """The badge of a cohort's achievement, from the snapshot of its certificates."""
    certificate = Certificate.objects.filter(cohort_number=cohort_number).first()
    if certificate is None:
        raise Http404
    return _badge_response(badges.for_certificate(certificate), kind)


@require_GET
def issuer_badge(request, kind):
    """The programme's badge without a cohort: the issuer profile's image."""
    return _badge_response(badges.for_programme(*credential.programme_names()), kind)


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
    document = credential.status_list_document(public_cache.status_list_indexes())
    if request.GET.get("format") == "json":
        return _json(document, "application/ld+json")
    signed = public_cache.cached("status-list-jwt", lambda: credential.sign_status_list(document))
    response = HttpResponse(signed, content_type=JWT_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "max-age=60"
    return response
