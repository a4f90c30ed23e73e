import pytest

from django.core.exceptions import ValidationError

from certificates import services

pytestmark = pytest.mark.django_db


def test_revoking_records_the_date_reason_and_who(certificate, coordinator):
    revoked = services.certificate_revoke(
        certificate=certificate, reason="ข้อมูลไม่ถูกต้อง", revoked_by=coordinator
    )
    assert revoked.status == "revoked" and revoked.revoked_at is not None
    assert revoked.revocation_reason == "ข้อมูลไม่ถูกต้อง" and revoked.revoked_by == coordinator


def test_revoking_needs_a_reason(certificate):
    with pytest.raises(ValidationError):
        services.certificate_revoke(certificate=certificate, reason=" ")
    certificate.refresh_from_db()
    assert certificate.status == "valid"


def test_a_revoked_certificate_cannot_be_revoked_or_reissued_again(certificate):
    services.certificate_revoke(certificate=certificate, reason="ผิด")
    with pytest.raises(services.CertificateError):
        services.certificate_revoke(certificate=certificate, reason="ผิดอีก")
    with pytest.raises(services.CertificateError):
        services.certificate_reissue(certificate=certificate, reason="แก้ชื่อ")


def test_a_name_correction_reissues_and_the_old_one_points_to_the_new(certificate):
    holder = certificate.holder
    holder.first_name_en = "Somchay"
    holder.save()
    new = services.certificate_reissue(certificate=certificate, reason="แก้ชื่อภาษาอังกฤษ")
    certificate.refresh_from_db()
    assert certificate.status == "superseded" and certificate.superseded_by == new
    assert certificate.supersede_reason == "แก้ชื่อภาษาอังกฤษ"
    assert "Somchay" in new.holder_name_en and "Somchay" not in certificate.holder_name_en
    assert new.status == "valid" and new.serial_number == certificate.serial_number + 1
    assert new.short_code != certificate.short_code


def test_a_past_revocation_is_recorded_at_its_time_and_never_ahead(enrolment, template):
    from datetime import timedelta

    from django.utils import timezone

    certificate, _ = services.certificate_issue(  # recorded as issued two months ago
        enrolment=enrolment, at=timezone.now() - timedelta(days=60)
    )
    with pytest.raises(services.CertificateError):
        services.certificate_revoke(
            certificate=certificate, reason="ผิด", at=timezone.now() + timedelta(hours=1)
        )
    with pytest.raises(services.CertificateError):  # before the certificate existed
        services.certificate_reissue(
            certificate=certificate, reason="แก้ชื่อ", at=certificate.issued_at - timedelta(days=1)
        )
    certificate.refresh_from_db()
    assert certificate.status == "valid"
    when = certificate.issued_at + timedelta(days=30)
    new = services.certificate_reissue(certificate=certificate, reason="แก้ชื่อ", at=when)
    certificate.refresh_from_db()
    assert certificate.superseded_at == when and new.issued_at == when
