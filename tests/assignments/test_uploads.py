"""Uploads are checked by content, by size while reading, and by name."""

import pytest

from django.utils import translation

from assignments.models import FileKind
from core.uploads import (
    OversizeUpload,
    SizeLimitedUploadHandler,
    UploadRefused,
    clean_file_name,
    inspect_upload,
)
from tests.assignments.factories import (
    docx_bytes,
    pdf_bytes,
    plain_zip_bytes,
    png_bytes,
    pptx_bytes,
    upload,
    xlsx_bytes,
)

ALL = list(FileKind.values)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


MB = 1024 * 1024


def inspect(name, content, kinds=ALL, max_bytes=MB):
    return inspect_upload(upload(name, content), accepted_kinds=kinds, max_bytes=max_bytes)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("รายงาน.pdf", pdf_bytes, FileKind.PDF),
        ("plan.docx", docx_bytes, FileKind.DOCX),
        ("data.xlsx", xlsx_bytes, FileKind.XLSX),
        ("slides.pptx", pptx_bytes, FileKind.PPTX),
        ("photo.png", png_bytes, FileKind.IMAGE),
    ],
)
def test_each_accepted_kind_is_recognised_by_its_content(name, content, kind):
    info = inspect(name, content())
    assert info.kind == kind
    assert info.name == name
    assert len(info.sha256) == 64


def test_a_program_renamed_to_pdf_is_refused_by_its_real_type():
    with pytest.raises(UploadRefused, match="not a kind of file"):
        inspect("report.pdf", b"MZ\x90\x00" + b"\x00" * 200)


def test_an_image_named_pdf_is_refused_because_name_and_content_disagree():
    with pytest.raises(UploadRefused, match="does not match its content"):
        inspect("report.pdf", png_bytes())


def test_a_spreadsheet_named_docx_is_refused():
    with pytest.raises(UploadRefused, match="does not match its content"):
        inspect("plan.docx", xlsx_bytes())


def test_a_zip_that_is_not_an_office_document_is_refused():
    with pytest.raises(UploadRefused, match="ZIP archive"):
        inspect("plan.docx", plain_zip_bytes())


def test_a_kind_the_assignment_does_not_accept_is_refused():
    with pytest.raises(UploadRefused, match="does not accept"):
        inspect("photo.png", png_bytes(), kinds=[FileKind.PDF])


def test_an_empty_file_is_refused():
    with pytest.raises(UploadRefused, match="empty"):
        inspect("report.pdf", b"")


def test_a_corrupt_pdf_is_refused():
    with pytest.raises(UploadRefused, match="damaged"):
        inspect("report.pdf", pdf_bytes()[:60])


def test_a_corrupt_office_document_is_refused():
    with pytest.raises(UploadRefused, match="damaged"):
        inspect("plan.docx", docx_bytes()[:-40])


def test_a_file_over_the_limit_is_refused():
    with pytest.raises(UploadRefused, match="larger than the limit of 1 MB"):
        inspect("report.pdf", pdf_bytes() + b"\n" * MB)


def test_refusals_are_in_thai_at_the_root():
    with translation.override("th"), pytest.raises(UploadRefused) as refusal:
        inspect("report.pdf", b"")
    assert "ว่างเปล่า" in refusal.value.message


def test_path_parts_are_removed_from_names():
    assert clean_file_name("../../etc/แผน.pdf") == "แผน.pdf"
    assert clean_file_name("C:\\Users\\mayor\\Report.PDF") == "Report.pdf"
    assert clean_file_name(" ..hidden.pdf") == "hidden.pdf"


def test_a_name_that_is_only_a_path_is_refused():
    for name in ("..", "../", " . ", "///", "C:\\temp\\"):
        with pytest.raises(UploadRefused, match="cannot be used"):
            clean_file_name(name)


class TestTheUploadHandler:
    def _stream(self, size, limit, chunk=64 * 1024):
        handler = SizeLimitedUploadHandler(max_bytes=limit)
        handler.new_file("files", "big.pdf", "application/pdf", size)
        data = b"x" * chunk
        sent = 0
        while sent < size:
            handler.receive_data_chunk(data, sent)
            sent += chunk
            if not handler.oversize:
                assert handler.file.tell() <= limit
        return handler, handler.file_complete(sent)

    def test_it_stops_storing_a_file_at_the_limit(self):
        handler, result = self._stream(5 * MB, MB)
        assert handler.oversize
        assert isinstance(result, OversizeUpload)
        assert result.size == 0  # nothing past the limit was kept

    def test_it_keeps_a_file_under_the_limit(self):
        handler, result = self._stream(256 * 1024, MB)
        assert not handler.oversize
        assert result.size == 256 * 1024


def _docx_with(part: bytes, *, declared: int | None = None) -> bytes:
    """A DOCX with one more deflated part; `declared` overwrites its size in the headers."""
    import io
    import struct
    import zipfile

    out = io.BytesIO(docx_bytes())
    with zipfile.ZipFile(out, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/image1.bin", part)
    data = bytearray(out.getvalue())
    if declared is not None:
        local = data.index(b"PK\x03\x04" + data[4:8], data.index(b"word/media/image1.bin") - 40)
        central = data.index(b"PK\x01\x02", data.rindex(b"word/media/image1.bin") - 60)
        struct.pack_into("<I", data, local + 22, declared)
        struct.pack_into("<I", data, central + 24, declared)
    return bytes(data)


def test_a_zip_bomb_dressed_as_a_docx_is_refused():
    bomb = _docx_with(b"\x00" * (64 * MB))  # about 64 KB on the wire
    assert len(bomb) < MB
    with pytest.raises(UploadRefused, match="unpacks to far more"):
        inspect("plan.docx", bomb, max_bytes=MB)


def test_a_part_that_hides_its_real_size_is_refused_as_damaged():
    liar = _docx_with(b"\x00" * (8 * MB), declared=1000)
    with pytest.raises(UploadRefused, match="damaged"):
        inspect("plan.docx", liar, max_bytes=MB)


def test_a_large_ordinary_spreadsheet_is_accepted():
    import io

    from openpyxl import Workbook

    book = Workbook()
    for n in range(20_000):
        book.active.append([f"ครัวเรือน {n}", n, n * 1.5])
    out = io.BytesIO()
    book.save(out)
    assert inspect("data.xlsx", out.getvalue(), max_bytes=10 * MB).kind == FileKind.XLSX
