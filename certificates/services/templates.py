"""Templates: which one a cohort's next certificates use, when one may be deleted,
and the design snapshot a certificate keeps for good.
"""

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from certificates import selectors
from certificates.models import CertificateTemplate, CohortCertificateSettings
from certificates.services.errors import CertificateError
from cohorts.models import Cohort


def template_default() -> CertificateTemplate:
    """The default template, created with the standard wording when there is none."""
    template = CertificateTemplate.objects.filter(is_default=True).first()
    if template is None:
        try:
            with transaction.atomic():
                template = CertificateTemplate.objects.create(
                    name="พมส. (default)", is_default=True
                )
        except IntegrityError:
            template = CertificateTemplate.objects.get(is_default=True)
    return template


def template_for(cohort: Cohort) -> CertificateTemplate:
    """The template of the cohort's next certificates: its own choice, else the default."""
    return selectors.cohort_template(cohort) or template_default()


@transaction.atomic
def cohort_template_set(*, cohort: Cohort, template: CertificateTemplate | None) -> None:
    """Choose the template of the cohort's future certificates; None means the default.

    Certificates already issued keep their template and their frozen design.
    """
    if template is None:
        CohortCertificateSettings.objects.filter(cohort=cohort).delete()
        return
    CohortCertificateSettings.objects.update_or_create(
        cohort=cohort, defaults={"template": template}
    )


@transaction.atomic
def template_delete(*, template: CertificateTemplate) -> None:
    """Delete a template that no cohort uses and no certificate was issued with."""
    try:
        template.delete()
    except ProtectedError as exc:  # the foreign keys' PROTECT decides; the message explains
        usage = selectors.template_usage(template)
        raise CertificateError(template_in_use_message(usage)) from exc


def template_in_use_message(usage: selectors.TemplateUsage) -> str:
    return _(
        "This template is in use and cannot be deleted (cohorts using it: %(cohorts)s; "
        "certificates issued with it: %(certificates)s). Issued certificates always keep "
        "their template; choose another template for those cohorts first."
    ) % {"cohorts": usage.cohorts, "certificates": usage.certificates}


def _media_url(image: Any) -> str:
    return f"/media/{image.file.name}" if image and image.file else ""


def design_snapshot(template: CertificateTemplate) -> dict:
    """What the template looks like now; kept with the certificate for good."""
    fields = [
        "issuer_name_th",
        "issuer_name_en",
        "programme_th",
        "programme_en",
        "heading_th",
        "heading_en",
        "body_th",
        "body_en",
        "criteria_th",
        "criteria_en",
    ]
    design = {name: getattr(template, name) for name in fields}
    design["template_name"] = template.name
    design["background_url"] = _media_url(template.background)
    design["signatories"] = [
        {
            "name_th": s.name_th,
            "name_en": s.name_en,
            "position_th": s.position_th,
            "position_en": s.position_en,
            # A private file's name: certificates.signatures reads it for the PDF.
            "signature_file": s.signature.name if s.signature else "",
        }
        for s in template.signatories.order_by("sort_order")
    ]
    return design
