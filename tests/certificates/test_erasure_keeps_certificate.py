"""Issue 20 item 6, end to end: after an erasure the certificate still verifies exactly as
issued (page and signed PDF), while the person is gone from the exports, the directory and
its book, and cannot log in."""

import io

import pytest
from pypdf import PdfReader

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.consent import Purpose, consent_record
from attendance.reports import matrix_csv
from attendance.selectors import cohort_matrix
from certificates.models import Certificate
from rights import services

pytestmark = pytest.mark.django_db


def _book_text(client, cohort) -> str:
    book = PdfReader(io.BytesIO(client.get(f"/directory/{cohort.slug}/book.pdf").content))
    return "".join(page.extract_text() for page in book.pages)


def test_an_erased_graduate_is_gone_but_their_certificate_verifies(
    client, certificate, pdf_bytes, coordinator, cohort
):
    holder = certificate.holder
    email, name = holder.email, holder.full_name_th
    snapshot = Certificate.objects.filter(pk=certificate.pk).values().get()
    before = client.get(f"/verify/{certificate.verification_id}/").content.decode()
    assert name in matrix_csv(cohort_matrix(cohort))
    consent_record(user=holder, decisions={Purpose.DIRECTORY_LISTED: True})
    client.force_login(coordinator)
    directory = f"/directory/{cohort.slug}/"
    assert name in client.get(directory).content.decode()
    assert client.get(f"/directory/people/{holder.pk}.vcf").status_code == 200
    assert holder.last_name in _book_text(client, cohort)
    client.logout()

    erasure, _ = services.erasure_request(user=holder)
    services.erasure_approve(request_id=erasure.pk, by=coordinator, reason="ตามคำขอของผู้เรียน")

    assert Certificate.objects.filter(pk=certificate.pk).values().get() == snapshot
    page = client.get(f"/verify/{certificate.verification_id}/")
    assert page.status_code == 200 and certificate.holder_name_th in page.content.decode()
    assert 'id="not-genuine"' not in page.content.decode()
    upload = SimpleUploadedFile("c.pdf", pdf_bytes, content_type="application/pdf")
    verdict = client.post("/verify/", {"file": upload}).content.decode()
    assert certificate.holder_name_th in verdict and 'id="not-genuine"' not in verdict
    assert before.count(certificate.short_code) == page.content.decode().count(
        certificate.short_code
    )

    exported = matrix_csv(cohort_matrix(cohort))
    assert name not in exported and email not in exported
    assert not client.login(email=email, password="correct-horse-battery")
    client.force_login(coordinator)
    listing = client.get(directory).content.decode()
    assert name not in listing and email not in listing
    assert client.get(f"/directory/people/{holder.pk}.vcf").status_code == 404
    assert holder.last_name not in _book_text(client, cohort)
