import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.admissions.factories import IntakeFactory
from tests.assignments.factories import pdf_bytes
from tests.factories import OrganisationFactory


@pytest.fixture
def intake(db):
    return IntakeFactory(places=3)


@pytest.fixture
def municipality(db):
    return OrganisationFactory(name_th="เทศบาลนครขอนแก่น", kind="city")


def letter(name="หนังสือเสนอชื่อ.pdf", content=None):
    return SimpleUploadedFile(
        name, content if content is not None else pdf_bytes(), "application/pdf"
    )


def payload(municipality, **changes) -> dict:
    data = {
        "title_prefix": "รศ.ดร.",
        "first_name": "สมศักดิ์",
        "last_name": "รักเมือง",
        "title_prefix_en": "Assoc. Prof. Dr.",
        "first_name_en": "Somsak",
        "last_name_en": "Rakmuang",
        "position": "นายกเทศมนตรี",
        "province": municipality.province_id,
        "organisation_kind": municipality.kind,
        "organisation": municipality.pk,
        "organisation_name": "",
        "email": "mayor@khonkaen.example",
        "phone": "0812345678",
        "theme": "smart-health",
        "motivation": "พัฒนาระบบสุขภาพของเมือง",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}
