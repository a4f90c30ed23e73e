"""Factories and real little files (PDF, DOCX, XLSX, PNG...) for the assignment tests."""

import datetime as dt
import io
import zipfile
from zoneinfo import ZoneInfo

import factory

from django.core.files.uploadedfile import SimpleUploadedFile

from assignments.blocks import rubric_data
from assignments.models import Assignment
from tests.factories import CohortFactory

BANGKOK = ZoneInfo("Asia/Bangkok")
RUBRIC = rubric_data(
    ("ความชัดเจนของโจทย์", "Clarity of the problem",
     [("ดีมาก", "Sharp and local", 4), ("พอใช้", "", 2), ("ต้องปรับปรุง", "", 0)]),
    ("การใช้ข้อมูล", "Use of data",
     [("ดีมาก", "", 6), ("พอใช้", "", 3), ("ต้องปรับปรุง", "", 0)]),
)  # fmt: skip


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    cohort = factory.SubFactory(CohortFactory)
    title_th = factory.Sequence(lambda n: f"งานที่ {n}: การกำหนดโจทย์ปัญหาเมือง")
    title_en = factory.Sequence(lambda n: f"Assignment {n}: framing the city's problem")
    brief = "<p>อธิบายปัญหาของเมือง</p>"
    kind = Assignment.Kind.TEAM
    due_at = factory.LazyFunction(
        lambda: dt.datetime.now(BANGKOK).replace(microsecond=0) + dt.timedelta(days=7)
    )
    max_file_mb = 1
    rubric = RUBRIC


def pdf_bytes(pages: int = 1) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(out, "PNG")
    return out.getvalue()


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active["A1"] = "ข้อมูลครัวเรือน"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _ooxml(main_type: str, part: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/{part}" ContentType="{main_type}"/></Types>',
        )
        archive.writestr(part, "<document/>")
    return out.getvalue()


def docx_bytes() -> bytes:
    return _ooxml(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "word/document.xml",
    )


def pptx_bytes() -> bytes:
    return _ooxml(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        "ppt/presentation.xml",
    )


def plain_zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "not an office document")
    return out.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)
