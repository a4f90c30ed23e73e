"""Material and attachment files: checked by content with the rules of submissions."""

from django.conf import settings

from core.uploads import FileKind, Inspected, inspect_upload

DOCUMENT_KINDS = (FileKind.PDF, FileKind.PPTX, FileKind.DOCX, FileKind.XLSX, FileKind.IMAGE)
MATERIAL_KINDS = (*DOCUMENT_KINDS, FileKind.VIDEO)
MB = 1024 * 1024


def max_material_bytes() -> int:
    """The largest material a coordinator may upload: video has its own, larger limit."""
    return max(settings.LEARNING_FILE_MAX_MB, settings.LEARNING_VIDEO_MAX_MB) * MB


def check_material_file(upload) -> Inspected:
    """UploadRefused (translated) when the file is not one we accept, or too large for its kind."""
    largest = max_material_bytes()
    inspected = inspect_upload(upload, accepted_kinds=MATERIAL_KINDS, max_bytes=largest)
    documents = settings.LEARNING_FILE_MAX_MB * MB
    if inspected.kind != FileKind.VIDEO and inspected.size > documents:
        # Checked again at the documents' limit, for the same translated refusal.
        inspect_upload(upload, accepted_kinds=MATERIAL_KINDS, max_bytes=documents)
    return inspected


def check_attachment(upload) -> Inspected:
    return inspect_upload(
        upload, accepted_kinds=DOCUMENT_KINDS, max_bytes=settings.LEARNING_FILE_MAX_MB * MB
    )
