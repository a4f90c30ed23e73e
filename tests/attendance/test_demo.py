"""seed_demo's attendance: cohort-1 fully recorded, cohort-2 up to today, audited corrections."""

import pytest

from django.core.management import call_command
from django.utils import timezone

from attendance.models import AttendanceChange, AttendanceRecord
from attendance.selectors import cohort_matrix, standing_for
from cohorts.models import Cohort, Enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(demo_data):
    """The demo, seeded once for this module (tests/conftest.py)."""


def test_the_graduate_passes_cohort_1_and_a_few_do_not(seeded):
    graduate = Enrolment.objects.get(user__email="graduate@example.org", cohort__slug="cohort-1")
    assert standing_for(graduate).met
    rows = cohort_matrix(Cohort.objects.get(slug="cohort-1")).rows
    failing = [row for row in rows if not row.standing.met]
    assert 1 <= len(failing) <= len(rows) // 4
    statuses = set(
        AttendanceRecord.objects.filter(session__cohort__slug="cohort-1").values_list(
            "status", flat=True
        )
    )
    assert statuses == {"present", "late", "excused", "absent"}


def test_cohort_1_is_fully_recorded(seeded):
    matrix = cohort_matrix(Cohort.objects.get(slug="cohort-1"))
    assert all(all(all(cell) for cell in row.cells) for row in matrix.rows)


def test_cohort_2_is_recorded_for_past_sessions_only(seeded):
    records = AttendanceRecord.objects.filter(session__cohort__slug="cohort-2")
    assert records.exists()
    assert not records.filter(session__ends_at__gt=timezone.now()).exists()
    learner = Enrolment.objects.get(user__email="learner@example.org", cohort__slug="cohort-2")
    assert standing_for(learner).can_still_meet


def test_corrections_are_audited_and_seeding_twice_changes_nothing(seeded):
    assert AttendanceChange.objects.filter(record__session__cohort__slug="cohort-1").count() == 3
    counts = (AttendanceRecord.objects.count(), AttendanceChange.objects.count())
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (AttendanceRecord.objects.count(), AttendanceChange.objects.count()) == counts
