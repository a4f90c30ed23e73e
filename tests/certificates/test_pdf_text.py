"""The certificate's text layer, as poppler's pdftotext reads it: every Thai string exact.

HarfBuzz draws SARA AM as two glyphs and reorders marks; without certificates/pdf_text.py
"ผู้อำนวยการหลักสูตร" extracted as "ผู้อานวยการหลักสูตร" and names with ำ lost it.
"""

import shutil
import subprocess
import unicodedata
from io import BytesIO

import pytest
from pypdf import PdfReader

from certificates import services

pytestmark = pytest.mark.django_db

NAMES = [
    ("นายน้ำ", "ทำนุบำรุง"),  # SARA AM after a tone mark, and twice in a word
    ("นางสาวกำไล", "ศักดิ์สิทธิ์"),  # MAI HAN-AKAT, THANTHAKHAT over SARA I
    ("ปู่ป้ำ", "จันทร์ฉ่ำ"),  # a tall consonant with stacked marks and SARA AM
]


def _pdftotext(content: bytes, tmp_path) -> str:
    path = tmp_path / "c.pdf"
    path.write_bytes(content)
    result = subprocess.run(
        [shutil.which("pdftotext"), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return unicodedata.normalize("NFC", result.stdout)


@pytest.mark.parametrize(("first", "last"), NAMES)
def test_a_holder_name_extracts_exactly(enrolment, template, tmp_path, first, last):
    user = enrolment.user
    user.first_name, user.last_name = first, last
    user.save()
    certificate, _ = services.certificate_issue(enrolment=enrolment)
    text = _pdftotext(services.certificate_render_pdf(certificate=certificate), tmp_path)
    assert certificate.holder_name_th in text, text


def test_every_thai_string_on_the_certificate_extracts_exactly(certificate, pdf_bytes, tmp_path):
    text = _pdftotext(pdf_bytes, tmp_path)
    design = certificate.design
    strings = [
        design["issuer_name_th"],
        design["heading_th"],
        design["body_th"],
        certificate.programme_th,
        f"รุ่นที่ {certificate.cohort_number}",
        certificate.holder_name_th,
        "ประกาศนียบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า",
        "ให้ไว้ ณ วันที่",
        "ตรวจสอบได้ที่",
        *(s["name_th"] for s in design["signatories"]),
        *(s["position_th"] for s in design["signatories"]),
    ]
    assert "ผู้อำนวยการหลักสูตร" in strings
    # A long position wraps onto two lines: compare without the line breaks.
    unwrapped = "".join(text.split())
    missing = [
        s for s in strings if "".join(unicodedata.normalize("NFC", s).split()) not in unwrapped
    ]
    assert missing == [], text


def test_the_english_heading_and_the_bookmark_read_as_words(pdf_bytes, tmp_path):
    assert "CERTIFICATE" in _pdftotext(pdf_bytes, tmp_path)
    outline = PdfReader(BytesIO(pdf_bytes)).outline
    assert [item.title for item in outline] == ["ประกาศนียบัตร · Certificate"]


def _alias_maps(content: bytes) -> list[int]:
    """The byte length of every CIDToGIDMap stream that is not /Identity."""
    sizes = []
    for page in PdfReader(BytesIO(content)).pages:
        for font in page["/Resources"]["/Font"].values():
            descendant = font.get_object()["/DescendantFonts"][0].get_object()
            mapping = descendant.get("/CIDToGIDMap")
            if mapping is not None and mapping != "/Identity":
                sizes.append(len(mapping.get_object().get_data()))
    return sizes


def test_the_alias_codes_follow_the_fonts_glyphs_so_the_file_stays_small(pdf_bytes):
    # Aliases counted down from 0xFFFF: every Thai font carried a 128 KiB map (119 KB
    # compressed), and a certificate was 270 KB instead of about 35.
    sizes = _alias_maps(pdf_bytes)
    assert sizes, "the Thai fonts' aliases need a map"
    assert all(size < 2 * 0x10000 for size in sizes), sizes
    assert len(pdf_bytes) < 100_000


def test_a_glyph_no_font_has_does_not_take_an_aliass_code(enrolment, template, tmp_path):
    # WeasyPrint numbers missing glyphs up from the font's glyph count, where the
    # aliases now are: a shared counter keeps them apart, so the Thai still reads right.
    user = enrolment.user
    user.first_name, user.last_name = "นายน้ำ\U000f0001", "ทำนุบำรุง\U000f0002ศักดิ์"
    user.save()
    certificate, _ = services.certificate_issue(enrolment=enrolment)
    text = _pdftotext(services.certificate_render_pdf(certificate=certificate), tmp_path)
    # A collision drew the alias's glyph there and read its text: "ทำนุบำรุงาศักดิ์".
    assert "ทำนุบำรุง\U000f0002ศักดิ์" in text, text
    assert "นายน้ำ\U000f0001" in text and "ผู้อำนวยการหลักสูตร" in "".join(text.split())
