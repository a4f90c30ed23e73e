import datetime as dt

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from learning.models import Material
from tests.assignments.factories import pdf_bytes
from tests.factories import CohortFactory, EnrolmentFactory, SessionFactory


@pytest.fixture
def session(cohort, facilitator):
    """Session 7, over yesterday; the facilitator fixture facilitates it."""
    starts = timezone.now() - dt.timedelta(days=1)
    session = SessionFactory(cohort=cohort, number=7, title_th="การคลังท้องถิ่น", starts_at=starts)
    session.facilitators.add(facilitator)
    return session


@pytest.fixture
def outsider(db):
    """A learner enrolled in another cohort."""
    return EnrolmentFactory(cohort=CohortFactory()).user


def slides(name: str = "slides-7.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(2), content_type="application/pdf")


@pytest.fixture
def material(session, facilitator):
    from learning.services import material_save

    return material_save(
        material=Material(session=session, title_th="สไลด์ครั้งที่ 7", kind=Material.Kind.SLIDES),
        by=facilitator,
        upload=slides(),
    )


def refused(response) -> bool:
    """The admin turns a refusal into a redirect to its dashboard with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )
