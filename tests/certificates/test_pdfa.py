"""The signed certificate PDF, checked for what PDF/A-3b asks that can be read structurally.

veraPDF is not available to the test run, so these tests read the file as the
holder downloads it (WeasyPrint's PDF/A-3b output after pyHanko's PAdES
incremental update) and check the parts of ISO 19005-3 that a mistake on our
side would break: identification, metadata agreement, output intent, fonts,
actions, the associated credential file and the signature widget.
"""

import re
import xml.etree.ElementTree as ET
from io import BytesIO

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

from certificates import pdf

pytestmark = pytest.mark.django_db

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
NS = {
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
# Annotation flags (ISO 32000-1, 12.5.3).
INVISIBLE, HIDDEN, PRINT, NO_VIEW, TOGGLE_NO_VIEW = 1, 2, 4, 32, 256


@pytest.fixture
def reader(pdf_bytes):
    return PdfReader(BytesIO(pdf_bytes))


@pytest.fixture
def catalog(reader):
    return reader.trailer["/Root"]


def _xmp_properties(catalog) -> dict[str, str]:
    """Every simple XMP property by its qualified name, whether written as attribute or element."""
    packet = catalog["/Metadata"].get_object().get_data()
    xmpmeta = packet[packet.index(b"<x:xmpmeta") : packet.rindex(b"</x:xmpmeta>") + 12]
    root = ET.fromstring(xmpmeta)  # noqa: S314 - our own test output, not untrusted input
    found = {}
    for description in root.iter(f"{RDF}Description"):
        for name, value in description.attrib.items():
            found[name] = value
        for child in description:
            items = [li.text or "" for li in child.iter(f"{RDF}li")]
            found[child.tag] = items[0] if items else (child.text or "")
    return found


def _qualified(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


def _walk(value, seen=None):
    """Every dictionary reachable from value (streams included), each once."""
    seen = set() if seen is None else seen
    if isinstance(value, IndirectObject):
        if value.idnum in seen:
            return
        seen.add(value.idnum)
        value = value.get_object()
    if isinstance(value, DictionaryObject):
        yield value
        for item in value.values():
            yield from _walk(item, seen)
    elif isinstance(value, ArrayObject):
        for item in value:
            yield from _walk(item, seen)


def test_the_file_is_pdf_1_7_with_a_binary_comment_an_id_and_no_encryption(pdf_bytes, reader):
    header, comment = pdf_bytes.split(b"\n", 2)[:2]
    assert header == b"%PDF-1.7"
    assert comment.startswith(b"%") and all(byte > 127 for byte in comment[1:5])
    file_id = reader.trailer["/ID"]
    assert len(file_id) == 2 and all(len(part) >= 16 for part in file_id)
    assert "/Encrypt" not in reader.trailer
    assert pdf_bytes.rstrip().endswith(b"%%EOF")


def test_the_xmp_identifies_the_file_as_pdf_a_3b(catalog):
    metadata = catalog["/Metadata"].get_object()
    assert metadata["/Type"] == "/Metadata" and metadata["/Subtype"] == "/XML"
    # Filters on the metadata stream are allowed from PDF/A-2 on; only Flate is used here.
    assert metadata.get("/Filter") in (None, "/FlateDecode")
    packet = metadata.get_data()
    header = packet[: packet.index(b"?>")]
    assert b"bytes=" not in header and b"encoding=" not in header
    properties = _xmp_properties(catalog)
    assert properties[_qualified("pdfaid", "part")] == "3"
    assert properties[_qualified("pdfaid", "conformance")] == "B"


def test_every_info_entry_agrees_with_its_xmp_counterpart(reader, catalog):
    info = reader.trailer["/Info"].get_object()
    properties = _xmp_properties(catalog)
    assert info["/Title"] and info["/Title"] == properties[_qualified("dc", "title")]
    text_pairs = {
        "/Author": ("dc", "creator"),
        "/Producer": ("pdf", "Producer"),
        "/Subject": ("dc", "description"),
        "/Keywords": ("pdf", "Keywords"),
        "/Creator": ("xmp", "CreatorTool"),
    }
    for key, (prefix, name) in text_pairs.items():
        if key in info:
            assert properties.get(_qualified(prefix, name)) == info[key], key
    for key, name in (("/CreationDate", "CreateDate"), ("/ModDate", "ModifyDate")):
        if key in info:
            digits = re.sub(r"\D", "", properties[_qualified("xmp", name)])[:14]
            assert str(info[key])[2:16] == digits, key


def test_the_output_intent_embeds_an_rgb_icc_profile(catalog):
    intents = [intent.get_object() for intent in catalog["/OutputIntents"]]
    pdfa = [intent for intent in intents if intent["/S"] == "/GTS_PDFA1"]
    assert len(pdfa) == 1
    assert pdfa[0]["/OutputConditionIdentifier"]
    profile = pdfa[0]["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3
    data = profile.get_data()
    assert data[36:40] == b"acsp" and data[16:20] == b"RGB "  # an ICC header for RGB


def test_every_font_is_embedded(reader):
    fonts = [
        font
        for page in reader.pages
        for font in _walk(page["/Resources"])
        if font.get("/Type") == "/Font"
    ]
    assert fonts
    for font in fonts:
        if font["/Subtype"] in ("/Type0", "/Type3"):
            # the CIDFonts under a Type0 are in the list themselves; Type 3 glyphs are drawn
            continue
        descriptor = font["/FontDescriptor"].get_object()
        embedded = {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor)
        assert embedded, font["/BaseFont"]


def test_there_is_no_javascript_and_no_forbidden_action(reader, catalog):
    assert "/OpenAction" not in catalog and "/AA" not in catalog
    assert "/JavaScript" not in catalog.get("/Names", {})
    forbidden = {"/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/JavaScript"}
    for obj in _walk(reader.trailer["/Root"]):  # every object a reader can reach
        assert "/JS" not in obj
        assert obj.get("/S") not in forbidden
        if obj.get("/Type") in ("/Page", "/Annot") or "/FT" in obj:
            assert "/AA" not in obj  # no additional-actions on pages, annotations or fields


def test_the_credential_is_an_associated_file_with_a_media_type(catalog):
    names = catalog["/Names"]["/EmbeddedFiles"]["/Names"]
    assert names[0::2] == [pdf.CREDENTIAL_FILENAME]
    filespec = names[1].get_object()
    assert filespec["/Type"] == "/Filespec"
    assert filespec["/F"] == filespec["/UF"] == pdf.CREDENTIAL_FILENAME
    assert filespec["/AFRelationship"] == "/Data"
    assert filespec["/Desc"]
    embedded = filespec["/EF"]["/F"].get_object()
    assert isinstance(embedded, StreamObject)
    assert embedded["/Type"] == "/EmbeddedFile"
    assert embedded["/Subtype"] == "/" + pdf.CREDENTIAL_MEDIA_TYPE
    assert re.fullmatch(r"D:\d{14}(Z|[+-]\d\d'?\d\d'?)", embedded["/Params"]["/ModDate"])
    associated = [ref.idnum for ref in catalog["/AF"]]
    assert associated == [names[1].idnum]  # listed once, and nothing else


def test_the_signature_survived_as_one_zero_size_printable_widget(reader, catalog):
    acroform = catalog["/AcroForm"]
    assert acroform["/SigFlags"] == 3  # signatures exist; append only
    fields = [field.get_object() for field in acroform["/Fields"]]
    assert [field["/FT"] for field in fields] == ["/Sig"]
    assert fields[0]["/V"].get_object()["/SubFilter"] == "/ETSI.CAdES.detached"
    annotations = [annot.get_object() for page in reader.pages for annot in page["/Annots"]]
    assert [annot["/Subtype"] for annot in annotations] == ["/Widget"]
    for annot in annotations:
        flags = annot["/F"]
        assert flags & PRINT
        assert not flags & (INVISIBLE | HIDDEN | NO_VIEW | TOGGLE_NO_VIEW)
        width, height = (
            abs(b - a) for a, b in zip(annot["/Rect"][:2], annot["/Rect"][2:], strict=True)
        )
        # PDF/A asks for a normal appearance unless the annotation has no area at all.
        assert (width == 0 and height == 0) or set(annot["/AP"]) == {"/N"}


def test_signing_kept_what_the_unsigned_pdf_a_had(certificate, pdf_bytes, catalog):
    from certificates import urls_util

    rendered = pdf.render(pdf.context_for(certificate, urls_util.verify_url(certificate)))
    unsigned = PdfReader(BytesIO(pdf.write(rendered, credential_jwt="x", title="t")))
    before = set(unsigned.trailer["/Root"])
    assert before - set(catalog) == set()
    assert set(catalog) - before <= {"/AcroForm", "/Extensions"}  # what PAdES adds
