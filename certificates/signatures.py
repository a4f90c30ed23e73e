"""Signatories' signature images: private files, checked by content, read by the PDF.

A signature is not a picture for the site: it lives in the private store (never under
MEDIA_URL, never in Wagtail's image library), the admin shows it through a view only
coordinators pass, and the certificate renderer reads it into a data URI.

Files are never overwritten or deleted: a certificate's frozen design names the file it
was issued with, and a PDF rendered later (the demo renders on first download) must
show that same signature.
"""

import base64

import filetype
from PIL import Image, UnidentifiedImageError

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.storage import private_storage
from core.uploads import IMAGE_TYPES, UploadRefused, inspect_upload

SIGNATURE_MAX_BYTES = 2 * 1024 * 1024
SIGNATURE_MAX_PIXELS = 4000  # per side: a scanned A4 at 300 dpi is 2480 × 3508
UPLOAD_TO = "certificates/signatures/"
# Where data migration 0011 put the signatures it took out of the image library:
# this prefix + the image's media name, so a design frozen before it (which names
# "/media/<name>") still finds its signature.
LEGACY_PREFIX = UPLOAD_TO + "legacy/"


def validate_signature(value) -> None:
    """A new upload must be a PNG, JPEG or WebP image of sensible size (model validator)."""
    if not value or getattr(value, "_committed", True):
        return  # no file, or the one already stored
    upload = value.file
    try:
        _check_signature(upload)
    except UploadRefused as refused:
        raise ValidationError(refused.message, code="signature") from refused
    upload.seek(0)


def _check_signature(upload) -> None:
    if upload.size > SIGNATURE_MAX_BYTES:
        raise UploadRefused(
            _("The signature image is larger than %(limit)s MB. Save it smaller and try again.")
            % {"limit": SIGNATURE_MAX_BYTES // (1024 * 1024)}
        )
    upload.seek(0)
    guess = filetype.guess(upload.read(8192))
    upload.seek(0)
    if upload.size and (not guess or guess.mime not in IMAGE_TYPES):
        raise UploadRefused(
            _(
                "“%(name)s” is not a PNG, JPEG or WebP image. Whatever its name says, a "
                "signature must be one of these images (a scan or a photo of the signature)."
            )
            % {"name": upload.name}
        )
    inspect_upload(upload, accepted_kinds={"image"}, max_bytes=SIGNATURE_MAX_BYTES)
    _check_pixels(upload)


def _check_pixels(upload) -> None:
    try:
        with Image.open(upload) as image:
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError) as exc:  # checked already; be safe
        raise UploadRefused(_("The signature image cannot be opened.")) from exc
    finally:
        upload.seek(0)
    if max(width, height) > SIGNATURE_MAX_PIXELS:
        raise UploadRefused(
            _(
                "The signature image is %(width)s × %(height)s pixels; at most %(limit)s "
                "pixels on each side. Crop it to the signature and try again."
            )
            % {"width": width, "height": height, "limit": SIGNATURE_MAX_PIXELS}
        )


def signature_content_type(content: bytes) -> str:
    guess = filetype.guess(content[:8192])
    return guess.mime if guess and guess.mime in IMAGE_TYPES else ""


def data_uri(name: str) -> str:
    """The stored signature as a data URI, or "" when there is none to show."""
    if not name or not name.startswith(UPLOAD_TO) or "/../" in f"/{name}/":
        return ""
    storage = private_storage()
    if not storage.exists(name):
        return ""
    with storage.open(name, "rb") as handle:
        content = handle.read()
    mime = signature_content_type(content)
    if not mime:
        return ""
    return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"


def frozen_signature_src(signatory: dict) -> str:
    """What a frozen design's signatory shows: its private file, else (a design frozen
    before signatures left the image library) the moved copy of its old media file,
    else that media URL itself (an image still in the library)."""
    if signatory.get("signature_file"):
        return data_uri(signatory["signature_file"])
    url = signatory.get("signature_url") or ""
    if url.startswith("/media/"):
        moved = data_uri(LEGACY_PREFIX + url.removeprefix("/media/"))
        return moved or url
    return ""
