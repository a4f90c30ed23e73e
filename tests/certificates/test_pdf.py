"""The certificate PDF itself: one page, Thai text, QR, embedded credential, signature."""

import shutil
import subprocess
from io import BytesIO

import pytest
from pypdf import PdfReader

from certificates import credential, pdf, services, urls_util, verification

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


def test_the_pdf_is_one_a4_landscape_page_with_thai_text(pdf_bytes, certificate):
    reader = PdfReader(BytesIO(pdf_bytes))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert round(float(box.width)) == 842 and round(float(box.height)) == 595
    text = _text(pdf_bytes)
    assert "ประกาศนียบัตร" in text
    assert certificate.holder.first_name in text
    assert f"รุ่นที่ {certificate.cohort_number}" in text
    assert "Certificate" in text and "This is to certify that" in text
    assert certificate.short_code in text
    assert str(certificate.completed_on.year + 543) in text  # Buddhist Era


@pytest.mark.parametrize("thai_digits", [False, True])
def test_the_thai_date_uses_the_digits_the_setting_chooses(certificate, settings, thai_digits):
    settings.THAI_DIGITS = thai_digits
    text = _text(services.certificate_render_pdf(certificate=certificate))
    year = str(certificate.completed_on.year + 543)
    thai_year = year.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    thai_line = next(line for line in text.splitlines() if "ให้ไว้ ณ วันที่" in line)
    assert (thai_year in thai_line) is thai_digits and (year in thai_line) is not thai_digits
    assert f"Given on {certificate.completed_on.day}" in text  # the English date stays Arabic


def test_the_pdf_is_pdf_a_3b_and_uses_laksaman(pdf_bytes):
    reader = PdfReader(BytesIO(pdf_bytes))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"pdfaid:part" in xmp and b"3" in xmp.split(b"pdfaid:part", 1)[1][:5]
    assert b"pdfaid:conformance" in xmp
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
    assert any("Laksaman" in name for name in names), names


@pytest.mark.parametrize("length", [1, 2, 4])
def test_very_long_names_and_organisations_still_fit_on_one_page(enrolment, template, length):
    user = enrolment.user
    user.title_prefix = "พลตำรวจเอก ศาสตราจารย์ ดร."
    user.first_name = "ประเสริฐศักดิ์สิทธิ์วงศ์" * length
    user.last_name = "ณ อยุธยาศรีสุวรรณภูมิมหานคร" * length
    user.first_name_en = "Prasertsaksitwong" * length
    user.save()
    enrolment.organisation_name_snapshot = "องค์การบริหารส่วนจังหวัดนครศรีธรรมราชและพื้นที่ใกล้เคียง" * length
    enrolment.position_snapshot = "ปลัดองค์การบริหารส่วนจังหวัด รักษาราชการแทนนายกองค์การ" * length
    enrolment.save()
    certificate, _ = services.certificate_issue(enrolment=enrolment)
    content = services.certificate_render_pdf(certificate=certificate)
    assert len(PdfReader(BytesIO(content)).pages) == 1
    assert "ประกาศนียบัตร" in _text(content)


def test_html_in_a_name_is_printed_as_text(enrolment, template):
    user = enrolment.user
    user.first_name = '<img src="file:///etc/passwd"><b>สมชาย</b>'
    user.save()
    certificate, _ = services.certificate_issue(enrolment=enrolment)
    content = services.certificate_render_pdf(certificate=certificate)
    assert '<img src="file:///etc/passwd"><b>สมชาย</b>' in _text(content).replace("\n", "")


def test_the_qr_code_decodes_to_the_verify_url(pdf_bytes, certificate, tmp_path):
    import zxingcpp
    from PIL import Image

    (tmp_path / "c.pdf").write_bytes(pdf_bytes)
    subprocess.run(
        [
            shutil.which("pdftoppm"),
            "-r",
            "150",
            "-png",
            "-singlefile",
            str(tmp_path / "c.pdf"),
            str(tmp_path / "c"),
        ],
        check=True,
    )
    results = zxingcpp.read_barcodes(Image.open(tmp_path / "c.png"))
    assert [r.text for r in results] == [urls_util.verify_url(certificate)]


def test_the_embedded_credential_verifies(pdf_bytes, certificate):
    attached = PdfReader(BytesIO(pdf_bytes)).attachments[pdf.CREDENTIAL_FILENAME][0]
    assert attached.decode() == certificate.credential_jwt
    document = credential.verify(attached)
    assert document["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert document["credentialSubject"]["achievement"]["criteria"]["narrative"]
    check = verification.check_pdf(pdf_bytes)
    assert check.genuine and check.verification_id == certificate.verification_id


def test_one_changed_byte_makes_the_pdf_not_genuine(pdf_bytes):
    for position in (len(pdf_bytes) // 5, len(pdf_bytes) // 2, len(pdf_bytes) - 300):
        tampered = bytearray(pdf_bytes)
        tampered[position] = (tampered[position] + 1) % 256
        assert not verification.check_pdf(bytes(tampered)).genuine, position


def test_a_visible_text_change_makes_the_pdf_not_genuine(pdf_bytes):
    """Change the last character of the uncompressed title the reader shows."""
    start = pdf_bytes.index(b"/Title (") + len(b"/Title (")
    end = pdf_bytes.index(b")", start)  # UTF-16 in octal escapes: no bare parentheses
    digit = pdf_bytes[end - 1] - ord("0")
    tampered = pdf_bytes[: end - 1] + str((digit + 1) % 8).encode() + pdf_bytes[end:]
    title = PdfReader(BytesIO(pdf_bytes)).metadata.title
    assert PdfReader(BytesIO(tampered)).metadata.title != title
    assert not verification.check_pdf(tampered).genuine


def test_an_update_appended_after_signing_is_not_genuine(pdf_bytes):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(pdf_bytes), strict=False)
    box = writer.add_object(generic.StreamObject(stream_data=b"1 1 1 rg 200 300 300 60 re f"))
    writer.add_stream_to_page(0, box)  # paint over the name
    out = BytesIO()
    writer.write(out)
    assert len(out.getvalue()) > len(pdf_bytes)
    check = verification.check_pdf(out.getvalue())
    assert not check.genuine and "changed-after-signing" in check.problems


def test_a_pdf_carrying_a_forged_credential_is_not_genuine(pdf_bytes, certificate):
    from cryptography.hazmat.primitives.asymmetric import rsa
    from joserfc import jwt
    from joserfc.jwk import RSAKey

    forger = RSAKey.import_key(rsa.generate_private_key(public_exponent=65537, key_size=2048))
    document = credential.credential_document(certificate)
    forged = jwt.encode({"alg": "RS256", "kid": "forged"}, document, forger)
    with pytest.raises(credential.CredentialInvalid):
        credential.verify(forged)
    rendered = pdf.render(pdf.context_for(certificate, urls_util.verify_url(certificate)))
    unsigned_forgery = pdf.write(rendered, credential_jwt=forged, title="x")
    check = verification.check_pdf(unsigned_forgery)
    assert not check.genuine and not check.credential_ok and not check.signature_ok


def test_a_tampered_credential_token_fails(certificate):
    header, payload, signature = certificate.credential_jwt.split(".")
    flipped = payload[:10] + ("A" if payload[10] != "A" else "B") + payload[11:]
    with pytest.raises(credential.CredentialInvalid):
        credential.verify(f"{header}.{flipped}.{signature}")
