"""The holder's panel on /me/: download, share, add to LinkedIn, the credential."""

from urllib.parse import urlencode

from django.utils import timezone

from certificates import selectors, urls_util


def linkedin_url(certificate) -> str:
    """LinkedIn's add-to-profile link, prefilled with the certification."""
    issued = timezone.localtime(certificate.issued_at)
    params = {
        "startTask": "CERTIFICATION_NAME",
        "name": f"{certificate.programme_en} (cohort {certificate.cohort_number})",
        "organizationName": certificate.design.get("issuer_name_en", ""),
        "issueYear": issued.year,
        "issueMonth": issued.month,
        "certUrl": urls_util.verify_url(certificate),
        "certId": certificate.short_code,
    }
    return "https://www.linkedin.com/profile/add?" + urlencode(params)


def certificate_panel(request):
    if not request.user.is_authenticated:
        return None
    certificates = list(selectors.holder_certificates(request.user))
    if not certificates:
        return None
    items = [
        {
            "certificate": c,
            "verify_url": urls_util.verify_url(c),
            "credential_url": urls_util.credential_url(c) + "?download=1",
            "linkedin_url": linkedin_url(c),
        }
        for c in certificates
    ]
    return {"template": "certificates/me_panel.html", "items": items}
