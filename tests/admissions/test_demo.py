"""seed_demo's admissions: an open intake for cohort-3 with 30 applications, two pairs flagged."""

import pytest

from django.db.models import Q

from admissions.models import Application, Intake
from admissions.selectors import open_intake

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(demo_data):
    """The demo, seeded once for this module (tests/conftest.py)."""


def test_cohort_3_has_the_open_intake_with_30_applications_in_many_states(seeded):
    intake = Intake.objects.get(cohort__slug="cohort-3")
    assert open_intake() == intake
    assert intake.applications.count() == 30
    states = set(intake.applications.values_list("status", flat=True))
    assert states == set(Application.Status.values)
    assert intake.quotas.count() >= 2


def test_two_duplicates_are_flagged(seeded):
    intake = Intake.objects.get(cohort__slug="cohort-3")
    assert intake.applications.filter(same_person=True).count() == 2
    assert intake.applications.filter(same_organisation=True).count() == 2
    flagged = intake.applications.filter(Q(same_person=True) | Q(same_organisation=True))
    assert flagged.count() == 4


def test_every_demo_letter_is_a_real_pdf(seeded):
    application = Application.objects.filter(intake__cohort__slug="cohort-3").first()
    assert application.letter.read().startswith(b"%PDF")


def test_seeding_again_adds_nothing(seeded):
    from admissions import demo
    from core.demo import DemoContext

    before = Application.objects.count()
    demo.seed(DemoContext())
    assert Application.objects.count() == before
