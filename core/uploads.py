"""Checking what people upload: by content, not by name.

The size limit is enforced while the request is read (SizeLimitedUploadHandler
stops storing a file at the limit); then inspect_upload() decides the real
kind from the bytes: magic numbers for PDF and images, and for ZIP containers
the [Content_Types].xml that tells DOCX, XLSX and PPTX apart. Every refusal is
an UploadRefused with a translated message (Thai at /, English under /en/).
"""

import hashlib
import os
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

import filetype

from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.utils.translation import gettext as _

from core import filekinds

# TextChoices members read as tuples to mypy (Django ships no stubs): taken as Any here.
FileKind: Any = filekinds.FileKind

EXTENSIONS = {
    FileKind.PDF: {".pdf"},
    FileKind.DOCX: {".docx"},
    FileKind.XLSX: {".xlsx"},
    FileKind.PPTX: {".pptx"},
    FileKind.IMAGE: {".jpg", ".jpeg", ".png", ".webp"},
    FileKind.VIDEO: {".mp4", ".m4v", ".webm", ".mov"},
}
IMAGE_TYPES = {"image/jpeg", "image/png", "image/webp"}
VIDEO_TYPES = {"video/mp4", "video/x-m4v", "video/webm", "video/quicktime"}
# The main part's content type in [Content_Types].xml names the Office format.
OFFICE_MAIN_PARTS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": (
        FileKind.DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": (
        FileKind.XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": (
        FileKind.PPTX, "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}  # fmt: skip
MAX_NAME = 120
# Office files are ZIPs of XML: real ones inflate 3-20 times, spreadsheets of
# repeated cells up to about 60. A zip bomb inflates a thousand times.
INFLATED_FACTOR = 10  # a 20 MB limit allows 200 MB of inflated parts
MAX_RATIO = 100
MAX_MEMBERS = 10_000


class UploadRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Inspected:
    name: str
    kind: str
    content_type: str
    size: int
    sha256: str


class OversizeUpload(SimpleUploadedFile):
    """What the handler leaves in request.FILES for a file cut off at the limit."""

    oversize = True

    def __init__(self, name, content_type, limit):
        super().__init__(name, b"", content_type)
        self.limit = limit


class SizeLimitedUploadHandler(TemporaryFileUploadHandler):
    """Streams each file to a temporary file and stops storing it at max_bytes."""

    def __init__(self, request=None, *, max_bytes: int):
        super().__init__(request)
        self.max_bytes = max_bytes

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0
        self.oversize = False

    def receive_data_chunk(self, raw_data, start):
        if self.oversize:
            return None
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            self.oversize = True
            self._discard()
            return None
        self.file.write(raw_data)
        return None

    def file_complete(self, file_size):
        if self.oversize:
            return OversizeUpload(self.file_name, self.content_type, self.max_bytes)
        return super().file_complete(file_size)

    def _discard(self):
        if isinstance(self.file, TemporaryUploadedFile):
            self.upload_interrupted()


def clean_file_name(name: str) -> str:
    """The last path part, printable, without leading dots; refused when nothing is left."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '<>:"|?*')
    name = name.strip().lstrip(".").strip()
    stem, ext = os.path.splitext(name)
    if not stem.strip(" ."):
        raise UploadRefused(
            _("The file name “%(name)s” cannot be used. Rename the file and try again.")
            % {"name": name or "?"}
        )
    return stem[:MAX_NAME].strip() + ext.lower()[:10]


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def _check_size(upload, name: str, max_bytes: int) -> None:
    if getattr(upload, "oversize", False) or upload.size > max_bytes:
        raise UploadRefused(
            _(
                "“%(name)s” is larger than the limit of %(limit)s MB for this assignment. "
                "Nothing was saved; make the file smaller (for example, save the PDF at a "
                "lower quality) and try again."
            )
            % {"name": name, "limit": _megabytes(max_bytes)}
        )
    if upload.size == 0:
        raise UploadRefused(
            _("“%(name)s” is empty (0 bytes). Choose the file again.") % {"name": name}
        )


def _corrupt(name: str) -> UploadRefused:
    return UploadRefused(
        _(
            "“%(name)s” is damaged or incomplete and cannot be opened. "
            "Save it again and upload the new copy."
        )
        % {"name": name}
    )


def _office_kind(upload, name: str, max_bytes: int):
    try:
        with zipfile.ZipFile(upload) as archive:
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > 1024 * 1024:
                raise _corrupt(name)
            _check_inflated(archive, upload.size, name, max_bytes)
            types = archive.read(info).decode("utf-8", "replace")
    except KeyError:
        return None
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as exc:
        raise _corrupt(name) from exc
    for main, result in OFFICE_MAIN_PARTS.items():
        if main in types:
            return result
    return None


def _check_inflated(archive: zipfile.ZipFile, size: int, name: str, max_bytes: int) -> None:
    """Refuse a ZIP that inflates past INFLATED_FACTOR × the size limit or compresses
    more than MAX_RATIO : 1 (a zip bomb), by inflating it, never by trusting its headers.

    zipfile never yields more than a member's declared size (and checks its CRC), so
    the declared sizes bound the work; every member is still read through, so a
    member whose data does not match its header is refused as damaged."""
    limit = min(INFLATED_FACTOR * max_bytes, MAX_RATIO * size)
    members = archive.infolist()
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > limit:
        raise _bomb(name)
    for member in members:
        with archive.open(member) as data:
            while data.read(1024 * 1024):
                pass


def _bomb(name: str) -> UploadRefused:
    return UploadRefused(
        _(
            "“%(name)s” unpacks to far more than its own size, which real Word, Excel and "
            "PowerPoint files never do. Nothing was saved; save the document again from its "
            "program and upload the new copy."
        )
        % {"name": name}
    )


def _check_pdf(upload, name: str) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        if len(PdfReader(upload).pages) < 1:
            raise _corrupt(name)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise _corrupt(name) from exc


def _check_image(upload, name: str) -> None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(upload) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise _corrupt(name) from exc


def _real_kind(upload, name: str, accepted_kinds, max_bytes: int) -> tuple[str, str]:
    """(FileKind, content type) from the bytes; UploadRefused when it is none we know."""
    upload.seek(0)
    guess = filetype.guess(upload.read(8192))
    upload.seek(0)
    mime = guess.mime if guess else ""
    if mime == "application/pdf":
        _check_pdf(upload, name)
        return FileKind.PDF, mime
    if mime in IMAGE_TYPES:
        _check_image(upload, name)
        return FileKind.IMAGE, mime
    if mime in VIDEO_TYPES:
        return FileKind.VIDEO, mime
    if mime == "application/zip" or "openxmlformats" in mime:
        office = _office_kind(upload, name, max_bytes)
        if office:
            return office
        raise UploadRefused(
            _(
                "“%(name)s” is a ZIP archive, not a Word, Excel or PowerPoint file. "
                "Upload the document itself."
            )
            % {"name": name}
        )
    found = f" ({guess.extension})" if guess else ""
    raise UploadRefused(
        _(
            "The content of “%(name)s” is not a kind of file this assignment "
            "accepts%(found)s. Whatever its name says, the file itself must be one of: "
            "%(kinds)s."
        )
        % {"name": name, "found": found, "kinds": _kinds_label(accepted_kinds)}
    )


def _kinds_label(kinds) -> str:
    return ", ".join(str(FileKind(kind).label) for kind in kinds)


def inspect_upload(upload, *, accepted_kinds, max_bytes: int) -> Inspected:
    """Check one uploaded file; return what it really is or raise UploadRefused."""
    name = clean_file_name(upload.name)
    _check_size(upload, name, max_bytes)
    kind, content_type = _real_kind(upload, name, accepted_kinds, max_bytes)
    if kind not in accepted_kinds:
        raise UploadRefused(
            _(
                "“%(name)s” is a %(kind)s, which this assignment does not accept. "
                "Accepted: %(kinds)s."
            )
            % {"name": name, "kind": FileKind(kind).label, "kinds": _kinds_label(accepted_kinds)}
        )
    if os.path.splitext(name)[1] not in EXTENSIONS[kind]:
        raise UploadRefused(
            _(
                "The name “%(name)s” does not match its content, which is a %(kind)s. "
                "Save the file with the right extension and try again."
            )
            % {"name": name, "kind": FileKind(kind).label}
        )
    return Inspected(name, kind, content_type, upload.size, _sha256(upload))


def _sha256(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()
