import datetime as dt
import os
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from assignments.models import Review, SubmissionVersion
from certificates.credential import verify
from certificates.models import Certificate
from certificates.services import certificate_render_pdf
from cohorts.models import Cohort, Enrolment, Session
from core.dates import thai_date
from evaluations.models import Response

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def seed():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def counts():
    return (User.objects.count(), Cohort.objects.count(), Session.objects.count(),
            Enrolment.objects.count(), Response.objects.count())  # fmt: skip


def test_seed_demo_is_idempotent():
    seed()
    first = counts()
    seed()
    assert counts() == first


def test_demo_password_comes_from_the_setting(settings, client):
    settings.DEMO_PASSWORD = "another-Demo-pass-99"
    seed()
    assert client.login(email="learner@example.org", password="another-Demo-pass-99")


def test_demo_accounts_can_log_in(client, demo_data):
    for email in ("coordinator@example.org", "facilitator@example.org",
                  "learner@example.org", "graduate@example.org"):  # fmt: skip
        assert client.login(email=email, password="pms-demo-2565"), email


def test_demo_cohorts_match_the_programme(demo_data):
    first, second = Cohort.objects.get(slug="cohort-1"), Cohort.objects.get(slug="cohort-2")
    assert (first.number, first.status) == (1, "finished")
    assert first.starts_on.year == 2022 and first.ends_on.year == 2023
    assert second.status == "running"
    for cohort in (first, second):
        sessions = cohort.sessions.all()
        assert sessions.count() >= 14
        assert any((s.ends_at - s.starts_at).days >= 1 for s in sessions if s.kind == "site-visit")
    visit = first.sessions.get(kind="site-visit", title_th__contains="ขอนแก่น")
    assert visit.starts_at.date().isoformat() == "2022-12-08"
    now = timezone.now()
    assert second.sessions.filter(starts_at__lt=now).exists()
    assert second.sessions.filter(starts_at__gt=now).exists()


def test_demo_learners_come_from_at_least_20_real_municipalities(demo_data):
    learners = Enrolment.objects.select_related("organisation_snapshot")
    assert learners.values("user").distinct().count() >= 40
    municipalities = {e.organisation_snapshot.name_th for e in learners}
    assert len(municipalities) >= 20
    assert "เทศบาลตำบลลำพญา" in municipalities and "เทศบาลนครขอนแก่น" in municipalities
    assert Enrolment.objects.filter(
        user__email="learner@example.org", cohort__slug="cohort-2"
    ).exists()
    assert Enrolment.objects.filter(
        user__email="graduate@example.org", cohort__slug="cohort-1"
    ).exists()


def _demo_password_under(settings_module: str) -> str:
    """DEMO_PASSWORD as a fresh process with that settings module sees it, the shell's set."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module, "DEMO_PASSWORD": "from-shell-1"}
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DEMO_PASSWORD)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return result.stdout.strip()


def test_make_run_takes_the_demo_password_from_the_shell():
    assert _demo_password_under("config.settings.dev") == "from-shell-1"


def test_the_suite_pins_the_demo_password_whatever_the_shell_exports():
    assert _demo_password_under("config.settings.test") == "pms-demo-2565"


def test_the_demo_tells_a_consistent_story_in_time(demo_data):
    """cohort-1 graduated in 2566: its certificates say so; nothing is dated after now."""
    now = timezone.now()
    first = Cohort.objects.get(slug="cohort-1")
    certificates = Certificate.objects.filter(cohort=first)
    assert certificates.exists()
    for certificate in certificates:
        issued = timezone.localtime(certificate.issued_at).date()
        assert first.ends_on <= issued < first.ends_on + dt.timedelta(days=90), certificate
        assert certificate.completed_on == first.ends_on
        assert certificate.issued_at.year + 543 == 2566
    for field in ("revoked_at", "superseded_at"):
        changed = certificates.exclude(**{f"{field}__isnull": True})
        for value in changed.values_list(field, flat=True):
            assert timezone.localtime(value).year + 543 == 2566
    assert not SubmissionVersion.objects.filter(submitted_at__gt=now).exists()
    assert not Review.objects.filter(created_at__gt=now).exists()
    # The PDF and the signed credential say the same issue date as the record.
    certificate = certificates.filter(status=Certificate.Status.VALID).first()
    pdf = certificate_render_pdf(certificate=certificate)
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    assert thai_date(certificate.completed_on) in text  # "ให้ไว้ ณ วันที่ …"
    assert "2566" in thai_date(certificate.completed_on)
    assert verify(certificate.credential_jwt)["validFrom"][:4] == str(certificate.issued_at.year)
