"""seed_demo --scale programme, at a reduced size (the figures at full size are in
docs/performance.md): the rows are what the services make, and a second run adds none."""

from io import StringIO

import pytest

from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from accounts import demo_scale
from accounts.models import Organisation, User
from assignments.models import Review, Submission, VersionFile
from attendance.models import AttendanceRecord
from certificates.credential import verify
from certificates.models import Certificate
from cohorts.completion import completion_for_many
from cohorts.models import Cohort, Enrolment

pytestmark = pytest.mark.django_db
LEARNERS = 150


@pytest.fixture(scope="module")
def scale(django_db_setup, django_db_blocker):
    """Seeded once for the module and rolled back after it (as conftest's demo_data)."""
    out = StringIO()
    with pytest.MonkeyPatch.context() as patch, django_db_blocker.unblock():
        patch.setattr(demo_scale, "LEARNERS", LEARNERS)
        with transaction.atomic():
            call_command("seed_demo", scale="programme", stdout=out)
            yield out.getvalue()
            transaction.set_rollback(True)


def _scale_cohorts():
    return Cohort.objects.filter(number__range=(3, 12))


def test_the_upcoming_cohort_with_its_intake_moves_after_the_ten_that_ran(scale):
    from admissions.models import Intake

    large = Cohort.objects.get(slug="cohort-3")
    assert large.status == Cohort.Status.FINISHED
    assert large.enrolments.count() == max(c.enrolments.count() for c in _scale_cohorts())
    (intake,) = Intake.objects.all()
    assert intake.cohort.slug == "cohort-13" and intake.cohort.status == Cohort.Status.ENROLLING


def test_it_loads_ten_cohorts_of_learners_from_300_local_governments(scale):
    assert _scale_cohorts().count() == 10
    assert Enrolment.objects.filter(cohort__in=_scale_cohorts()).count() == LEARNERS
    organisations = Organisation.objects.filter(
        pk__in=User.objects.filter(email__startswith="programme.").values("organisation")
    )
    assert organisations.count() == LEARNERS // 3
    assert Organisation.objects.filter(name_th__startswith="องค์การบริหารส่วนจังหวัด").count() >= 77
    assert "Loaded in" in scale and "Programme scale: 10 cohorts created" in scale


def test_the_scale_learners_can_log_in(scale, client):
    assert client.login(email="programme.p0042@example.org", password="pms-demo-2565")


def test_attendance_is_recorded_for_past_sessions_only(scale):
    records = AttendanceRecord.objects.filter(session__cohort__in=_scale_cohorts())
    assert records.exists()
    assert not records.filter(session__ends_at__gt=timezone.now()).exists()


def test_handed_in_work_has_its_file_and_reviews_only_of_work_handed_in(scale):
    submissions = Submission.objects.filter(assignment__cohort__in=_scale_cohorts())
    accepted = submissions.filter(status="accepted")
    assert accepted.exists() and submissions.filter(status="submitted").exists()
    assert Review.objects.filter(submission__in=accepted).count() == accepted.count()
    assert not Review.objects.filter(submission__in=submissions.filter(status="submitted")).exists()
    file = VersionFile.objects.filter(version__submission__in=submissions).first()
    assert file.file.read()[:5] == b"%PDF-"


def test_graduates_hold_real_certificates_with_gap_free_serials(scale):
    for cohort in _scale_cohorts().filter(status="finished"):
        certificates = list(Certificate.objects.filter(cohort=cohort).select_related("enrolment"))
        assert certificates, cohort
        assert sorted(c.serial_number for c in certificates) == list(
            range(1, len(certificates) + 1)
        )
        completions = completion_for_many([c.enrolment for c in certificates])
        for certificate in certificates:
            assert completions[certificate.enrolment_id].met
            assert certificate.enrolment.status == "completed"
            assert verify(certificate.credential_jwt)["serialNumber"] == certificate.serial_label
    running = _scale_cohorts().filter(status="running")
    assert not Certificate.objects.filter(cohort__in=running).exists()


def test_learners_who_missed_sessions_do_not_graduate(scale):
    finished = Enrolment.objects.filter(cohort__in=_scale_cohorts().filter(status="finished"))
    assert finished.filter(certificates__isnull=True).exists()


def test_a_second_run_adds_nothing(scale):
    counts = [m.objects.count() for m in (User, Enrolment, AttendanceRecord, Certificate)]
    call_command("seed_demo", scale="programme", stdout=StringIO())
    assert [m.objects.count() for m in (User, Enrolment, AttendanceRecord, Certificate)] == counts
