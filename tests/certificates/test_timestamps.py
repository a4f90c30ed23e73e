"""With a timestamp authority configured, PDF signatures are timestamped and B-LT.

The authority is a real RFC 3161 server (certomancer) started on 127.0.0.1 by the test.
"""

from io import BytesIO

import pytest
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import DocumentSecurityStore, validate_pdf_signature

from certificates import services, verification
from certificates.keys import signing_material
from tests.certificates import tampering, tsa

pytestmark = pytest.mark.django_db


@pytest.fixture
def local_tsa(tmp_path):
    authority = tsa.start(tmp_path)
    yield authority
    authority.stop()


@pytest.fixture
def timestamped_pdf(settings, local_tsa, certificate):
    settings.CERTIFICATE_TSA_URL = local_tsa.url
    settings.CERTIFICATE_TSA_TRUST_ROOTS = [str(local_tsa.root_pem)]
    return services.certificate_render_pdf(certificate=certificate)


def _roots(local_tsa):
    from pyhanko.keys import load_cert_from_pemder

    ours = [
        asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
        for c in signing_material().trusted_certificates
    ]
    return [*ours, load_cert_from_pemder(str(local_tsa.root_pem))]


def test_the_signature_validates_as_b_lt_without_fetching_anything(timestamped_pdf, local_tsa):
    """PAdES B-LT: the timestamp, and every certificate and CRL the check needs, in the DSS.

    Revocation is checked hard (no data is a failure) and nothing may be fetched:
    what the document carries must be enough, long after the authority is gone.
    """
    reader = PdfFileReader(BytesIO(timestamped_pdf))
    (signature,) = reader.embedded_signatures
    dss = DocumentSecurityStore.read_dss(reader)
    assert list(dss.crls), "no revocation data in the document security store"
    kwargs = {"trust_roots": _roots(local_tsa), "allow_fetching": False}
    context = dss.as_validation_context({**kwargs, "revocation_mode": "hard-fail"})
    local_tsa.stop()  # the authority is gone: only what the PDF carries counts
    status = validate_pdf_signature(signature, context, ts_validation_context=context)
    assert status.bottom_line, status.pretty_print_details()
    assert status.timestamp_validity is not None and status.timestamp_validity.trusted
    assert status.timestamp_validity.timestamp is not None


def test_a_timestamped_certificate_is_still_genuine_and_tampering_still_shows(timestamped_pdf):
    assert verification.check_pdf(timestamped_pdf).genuine
    for kind in ("overlay_appended", "garbage_appended", "byte_flipped", "title_changed"):
        tampered = tampering.KINDS[kind](timestamped_pdf)
        assert not verification.check_pdf(tampered).genuine, kind


def test_without_an_authority_there_is_no_timestamp(pdf_bytes):
    (signature,) = PdfFileReader(BytesIO(pdf_bytes)).embedded_signatures
    assert validate_pdf_signature(signature).timestamp_validity is None
