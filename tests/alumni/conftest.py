import io

import pytest
from PIL import Image

from django.core.files.base import ContentFile

from accounts.consent import Purpose, consent_record
from accounts.models import Organisation, Province
from curriculum.themes import ResearchTheme
from tests.factories import EnrolmentFactory, OrganisationFactory, TeamFactory, UserFactory

EVERYTHING = {
    Purpose.DIRECTORY_LISTED: True,
    Purpose.DIRECTORY_PHOTO: True,
    Purpose.DIRECTORY_PHONE: True,
    Purpose.DIRECTORY_EMAIL: True,
    Purpose.DIRECTORY_LINE: True,
}


def listed(*people) -> None:
    """These people consent to be listed in the directory (and to nothing else)."""
    for person in people:
        consent_record(user=person, decisions={Purpose.DIRECTORY_LISTED: True})


def png() -> ContentFile:
    out = io.BytesIO()
    Image.new("RGB", (40, 40), "#0b5d7a").save(out, "PNG")
    return ContentFile(out.getvalue(), name="face.png")


@pytest.fixture
def mayor(cohort):
    """A mayor of another municipality in the learner's cohort, sharing everything."""
    organisation = OrganisationFactory(
        name_th="เทศบาลนครยะลา",
        name_en="Yala City Municipality",
        kind=Organisation.Kind.CITY_MUNICIPALITY,
        province=Province.objects.get(code="TH-95"),
    )
    user = UserFactory(
        roles=["Learner"],
        first_name="พงศ์ศักดิ์",
        last_name="ยิ่งชนม์เจริญ",
        first_name_en="Pongsak",
        last_name_en="Yingchoncharoen",
        organisation=organisation,
        phone="0811234567",
        line_id="yala.mayor",
    )
    user.photo.save("face.png", png())
    team = TeamFactory(
        cohort=cohort,
        name="ทีมยะลา",
        organisation=organisation,
        theme=ResearchTheme.SMART_HEALTH,
        project_title="ยะลาเมืองสุขภาพดี",
    )
    EnrolmentFactory(cohort=cohort, team=team, user=user)
    consent_record(user=user, decisions=EVERYTHING)
    return user


@pytest.fixture
def stranger(db):
    """Signed in, enrolled nowhere, no role."""
    return UserFactory()
