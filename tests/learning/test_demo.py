"""Issue 18 item 6: cohort-2's demo has real materials, two announcements (one unread by
the demo learner) and one new material waiting for the demo learner."""

import pytest

from django.utils import timezone

from accounts.models import User
from learning.models import Announcement, AnnouncementRead, Material, MaterialOpen

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(demo_data):
    return User.objects.get(email="learner@example.org")


def test_past_sessions_have_slides_as_pdfs_the_platform_rendered_and_a_recording(demo_data):
    past = Material.objects.filter(
        session__cohort__slug="cohort-2", session__ends_at__lt=timezone.now()
    )
    slides = past.filter(kind=Material.Kind.SLIDES).exclude(file="")
    assert slides.count() >= 2
    with slides.first().file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert past.filter(kind=Material.Kind.RECORDING).exclude(url="").exists()


def test_two_announcements_one_unread_by_the_demo_learner(learner):
    announcements = Announcement.objects.filter(cohort__slug="cohort-2")
    assert announcements.count() == 2
    read = AnnouncementRead.objects.filter(user=learner, announcement__in=announcements)
    assert read.count() == 1


def test_one_new_material_waits_for_the_demo_learner(learner):
    materials = Material.objects.filter(
        session__cohort__slug="cohort-2", available_from__lte=timezone.now()
    )
    opened = MaterialOpen.objects.filter(user=learner).values("material_id")
    assert materials.exclude(pk__in=opened).count() == 1
