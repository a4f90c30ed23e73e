from io import StringIO

import pytest

from django.core.management import CommandError, call_command

from certificates import services
from tests.baseline import ensure_baseline
from tests.certificates import tampering
from tests.certificates.factories import CertificateTemplateFactory
from tests.factories import CohortFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)
def test_issue_certificates_lists_every_certificate_once():
    """Run as from a shell: outside a transaction, so queued work starts at once."""
    ensure_baseline()
    CertificateTemplateFactory()
    cohort = CohortFactory()
    old, _ = services.certificate_issue(enrolment=EnrolmentFactory(cohort=cohort))
    services.certificate_revoke(certificate=old, reason="ออกผิด")
    EnrolmentFactory(cohort=cohort)
    out = StringIO()
    call_command("issue_certificates", cohort.slug, "--timeout", "120", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(old.short_code) and "revoked" in lines[0]
    assert "valid" in lines[1] and "/verify/" in lines[1]
    again = StringIO()
    call_command("issue_certificates", cohort.slug, "--timeout", "120", stdout=again)
    assert again.getvalue() == out.getvalue()


def test_issue_certificates_names_an_unknown_cohort(db):
    with pytest.raises(CommandError):
        call_command("issue_certificates", "no-such-cohort")


def test_verify_certificate_checks_a_pdf_offline(pdf_bytes, tmp_path):
    path = tmp_path / "c.pdf"
    path.write_bytes(pdf_bytes)
    out = StringIO()
    call_command("verify_certificate", str(path), "--offline", stdout=out)
    assert "GENUINE" in out.getvalue() and "NOT" not in out.getvalue()


def test_verify_certificate_rejects_an_edited_pdf(pdf_bytes, tmp_path):
    tampered = bytearray(pdf_bytes)
    tampered[len(tampered) // 2] ^= 0x01
    path = tmp_path / "c.pdf"
    path.write_bytes(bytes(tampered))
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("verify_certificate", str(path), "--offline", stdout=out)
    assert "NOT GENUINE" in out.getvalue()


def test_verify_certificate_reports_the_status_of_a_code(certificate):
    services.certificate_revoke(certificate=certificate, reason="ออกผิด")
    out = StringIO()
    call_command("verify_certificate", certificate.short_code, "--api", "none:", stdout=out)
    assert "revoked" in out.getvalue()


@pytest.mark.parametrize("kind", sorted(tampering.KINDS))
def test_verify_certificate_gives_a_clean_verdict_for_every_tampered_kind(
    pdf_bytes, tmp_path, capfd, kind
):
    path = tmp_path / "c.pdf"
    path.write_bytes(tampering.KINDS[kind](pdf_bytes))
    out = StringIO()
    with pytest.raises(CommandError, match="not genuine"):
        call_command("verify_certificate", str(path), "--offline", stdout=out)
    printed = out.getvalue() + "".join(capfd.readouterr())
    assert "NOT GENUINE" in printed and "reason:" in printed, printed
    assert "Traceback" not in printed and "WARNING" not in printed, printed
