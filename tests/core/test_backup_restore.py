"""The backup drill (#17 item 5): make backup, then make restore into a fresh database
and fresh folders: nothing lost.

The restored copy is read by a separate process on the restored database and
folders (with the same signing keys, which live in a secrets store, not in the
backup): certificates still verify (PDF and credential signatures, the status
list), handed-in files download byte for byte, and the row counts match.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import uuid

import pytest

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from accounts.models import User
from assignments import services as assignments
from assignments.models import SubmissionVersion, VersionFile
from certificates import services as certificates
from certificates.models import Certificate
from cohorts.models import Enrolment
from tests.assignments.factories import AssignmentFactory, pdf_bytes
from tests.baseline import ensure_baseline
from tests.certificates.factories import CertificateTemplateFactory
from tests.factories import CohortFactory, EnrolmentFactory, TeamFactory
from tests.workers import ROOT, database_url

TIMEOUT = 300  # seconds per script: each starts Django, slow on a busy machine
# The whole drill fails clearly (with its stack) past this: backup, restore, read-back.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(4 * TIMEOUT)]

# Run in the restored copy: what a person and a verifier would see there.
READ_BACK = """
import hashlib, json
from django.test import Client
from accounts.models import User
from assignments.models import SubmissionVersion, VersionFile
from certificates import selectors, verification
from certificates.models import Certificate
from certificates.services import certificate_pdf_bytes
from cohorts.models import Enrolment

client, files = Client(), {}
for record in VersionFile.objects.select_related("version__submission__team"):
    submission = record.version.submission
    client.force_login(submission.learner or submission.team.members.first().user)
    response = client.get(f"/files/submissions/{record.pk}/")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    files[str(record.pk)] = hashlib.sha256(body).hexdigest()
models = (User, Enrolment, Certificate, SubmissionVersion, VersionFile)
genuine = {
    c.short_code: verification.check_pdf(certificate_pdf_bytes(certificate=c)).genuine
    for c in Certificate.objects.all()
}
print(json.dumps({
    "counts": [m.objects.count() for m in models],
    "genuine": genuine,
    "revoked": sorted(selectors.status_list_indexes()),
    "files": files,
}))
"""


def _run(script: str, env: dict, *args: str) -> str:
    result = subprocess.run(  # noqa: S603
        [str(ROOT / "scripts" / script), *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture
def fresh_database():
    name = f"restore_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    url = database_url().rsplit("/", 1)[0] + f"/{name}"
    yield url
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def platform_with_work():
    """Two certificates (one revoked) and a team's handed-in PDF, all committed."""
    ensure_baseline()
    CertificateTemplateFactory()
    cohort = CohortFactory()
    team = TeamFactory(cohort=cohort)
    enrolments = [EnrolmentFactory(cohort=cohort, team=team) for _ in range(2)]
    issued = []
    for enrolment in enrolments:
        certificate, _ = certificates.certificate_issue(enrolment=enrolment)
        issued.append(certificates.certificate_store_pdf(certificate=certificate))
    certificates.certificate_revoke(certificate=issued[1], reason="ทดสอบการสำรองข้อมูล")
    upload = SimpleUploadedFile("รายงาน.pdf", pdf_bytes(3), content_type="application/pdf")
    assignments.submission_submit(
        assignment=AssignmentFactory(cohort=cohort), user=enrolments[0].user, files=[upload],
        notify=False,
    )  # fmt: skip
    return issued


def test_a_restored_copy_verifies_certificates_and_serves_the_same_files(
    platform_with_work, fresh_database, tmp_path
):
    base = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "PYTHON": sys.executable,
    }
    here = {**base, "DATABASE_URL": database_url(), "PMS_TEST_TMP": settings.TEST_TMP}
    backup = (
        _run("backup", {**here, "BACKUP_DIR": str(tmp_path / "backups")}).strip().splitlines()[-1]
    )

    restored_tmp = tmp_path / "restored"
    shutil.copytree(settings.CERTIFICATE_KEYS_DIR, restored_tmp / "keys")  # the secrets store
    there = {**base, "DATABASE_URL": fresh_database, "PMS_TEST_TMP": str(restored_tmp)}
    _run("restore", {**there, "BACKUP": backup})
    assert "not empty" in subprocess.run(  # noqa: S603 - a second restore is refused
        [str(ROOT / "scripts" / "restore")], cwd=ROOT, env={**there, "BACKUP": backup},
        capture_output=True, text=True, timeout=TIMEOUT, check=False,
    ).stderr  # fmt: skip

    shell = [sys.executable, "manage.py", "shell", "-c", READ_BACK]
    out = subprocess.run(  # noqa: S603
        shell, cwd=ROOT, env=there, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert out.returncode == 0, out.stderr
    copy = json.loads(out.stdout.strip().splitlines()[-1])

    valid, revoked = platform_with_work
    assert copy["genuine"] == {valid.short_code: True, revoked.short_code: True}
    assert copy["revoked"] == [Certificate.objects.get(pk=revoked.pk).status_list_index]
    originals = {
        str(f.pk): hashlib.sha256(f.file.open("rb").read()).hexdigest()
        for f in VersionFile.objects.all()
    }
    assert copy["files"] == originals and len(originals) == 1
    models = (User, Enrolment, Certificate, SubmissionVersion, VersionFile)
    assert copy["counts"] == [m.objects.count() for m in models]
