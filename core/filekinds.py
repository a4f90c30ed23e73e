"""The kinds of file people may upload, told apart by content in core.uploads."""

from django.db import models
from django.utils.translation import gettext_lazy


class FileKind(models.TextChoices):
    """Kinds of file people may upload (submissions, materials), told apart by content."""

    PDF = "pdf", gettext_lazy("PDF")
    DOCX = "docx", gettext_lazy("Word document (DOCX)")
    XLSX = "xlsx", gettext_lazy("Excel workbook (XLSX)")
    PPTX = "pptx", gettext_lazy("PowerPoint presentation (PPTX)")
    IMAGE = "image", gettext_lazy("Image (JPEG, PNG, WebP)")
    VIDEO = "video", gettext_lazy("Video (MP4, WebM)")
