"""The PDF a holder downloads: rendered, the credential embedded, signed; stored once."""

from django.core.files.base import ContentFile

from certificates import pdf, urls_util
from certificates.models import Certificate
from core.urls import absolute_url


def certificate_render_pdf(*, certificate: Certificate) -> bytes:
    """Render, embed the credential, sign: the bytes a holder downloads."""
    context = pdf.context_for(certificate, urls_util.verify_url(certificate))
    context["verify_base"] = absolute_url("/verify/")
    rendered = pdf.render(context)
    content = pdf.write(
        rendered, credential_jwt=certificate.credential_jwt, title=certificate.serial_label
    )
    return pdf.sign(content, reason=f"{certificate.serial_label} {certificate.verification_id}")


def certificate_store_pdf(*, certificate: Certificate) -> Certificate:
    """Store the PDF once; safe to call again (a later call finds it stored)."""
    if certificate.pdf:
        return certificate
    content = certificate_render_pdf(certificate=certificate)
    storage = Certificate._meta.get_field("pdf").storage
    name = f"certificates/{certificate.cohort_id}/{certificate.verification_id}.pdf"
    if storage.exists(name):
        storage.delete(name)  # a half-written file from a worker that was killed
    saved = storage.save(name, ContentFile(content))
    if not Certificate.objects.filter(pk=certificate.pk, pdf="").update(pdf=saved):
        storage.delete(saved)  # someone else stored it meanwhile
    certificate.refresh_from_db(fields=["pdf"])
    return certificate


def certificate_pdf_bytes(*, certificate: Certificate) -> bytes:
    certificate = certificate_store_pdf(certificate=certificate)
    with certificate.pdf.open("rb") as handle:
        return handle.read()
