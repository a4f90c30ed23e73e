import pytest

from django.db import IntegrityError, transaction

from certificates import services
from certificates.models import Certificate
from cohorts.models import Enrolment
from tests.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


def test_an_eligible_learner_gets_a_frozen_snapshot(enrolment, template):
    certificate, created = services.certificate_issue(enrolment=enrolment)
    user = enrolment.user
    assert created and certificate.status == "valid"
    assert certificate.holder_name_th == f"{user.title_prefix}{user.first_name} {user.last_name}"
    assert certificate.holder_name_en == user.full_name_en
    assert certificate.position == enrolment.position_snapshot
    assert certificate.organisation_th == enrolment.organisation_name_snapshot
    assert certificate.cohort_number == enrolment.cohort.number
    assert certificate.serial_label == f"พมส. {enrolment.cohort.number}/0001"
    assert [s["name_th"] for s in certificate.design["signatories"]][0] == "นายสมศักดิ์ ผู้ลงนาม"
    assert certificate.credential_jwt.count(".") == 2


def test_later_profile_changes_do_not_touch_an_issued_certificate(certificate):
    user = certificate.holder
    user.first_name, user.position = "เปลี่ยนชื่อ", "ตำแหน่งใหม่"
    user.save()
    certificate.refresh_from_db()
    assert "เปลี่ยนชื่อ" not in certificate.holder_name_th


def test_issuing_twice_returns_the_same_certificate(enrolment, template):
    first, _ = services.certificate_issue(enrolment=enrolment)
    second, created = services.certificate_issue(enrolment=enrolment)
    assert not created and first == second
    assert Certificate.objects.count() == 1


def test_a_learner_who_has_not_completed_is_refused_with_the_reasons(
    enrolment, template, completion_rule
):
    completion_rule.add(enrolment.pk)
    with pytest.raises(services.NotEligible) as error:
        services.certificate_issue(enrolment=enrolment)
    assert error.value.reasons == ["Attended 8 of 15 sessions; 12 are required."]
    assert not Certificate.objects.exists()


def test_a_written_reason_lets_a_coordinator_issue_anyway_and_is_recorded(
    enrolment, template, completion_rule, coordinator
):
    completion_rule.add(enrolment.pk)
    certificate, _ = services.certificate_issue(
        enrolment=enrolment, issued_by=coordinator, override_reason="  ป่วยหนัก มีใบรับรองแพทย์  "
    )
    assert not certificate.eligible_at_issue
    assert certificate.override_reason == "ป่วยหนัก มีใบรับรองแพทย์"
    assert certificate.eligibility_reasons == ["Attended 8 of 15 sessions; 12 are required."]
    assert certificate.issued_by == coordinator


def test_a_blank_reason_is_not_a_reason(enrolment, template, completion_rule):
    completion_rule.add(enrolment.pk)
    with pytest.raises(services.NotEligible):
        services.certificate_issue(enrolment=enrolment, override_reason="   ")


def test_a_withdrawn_learner_cannot_receive_one(enrolment, template):
    Enrolment.objects.filter(pk=enrolment.pk).update(status="withdrawn")
    with pytest.raises(services.CertificateError):
        services.certificate_issue(enrolment=enrolment)


def test_serial_numbers_count_up_per_cohort_without_gaps(cohort, template):
    enrolments = [EnrolmentFactory(cohort=cohort) for _ in range(4)]
    serials = [services.certificate_issue(enrolment=e)[0].serial_number for e in enrolments]
    assert serials == [1, 2, 3, 4]


def test_a_failed_issue_does_not_use_up_a_serial_number(cohort, template, completion_rule):
    first, refused, last = (EnrolmentFactory(cohort=cohort) for _ in range(3))
    completion_rule.add(refused.pk)
    services.certificate_issue(enrolment=first)
    with pytest.raises(services.NotEligible):
        services.certificate_issue(enrolment=refused)
    assert services.certificate_issue(enrolment=last)[0].serial_number == 2


def test_the_database_refuses_a_second_valid_certificate_for_one_enrolment(certificate):
    duplicate = Certificate.objects.get(pk=certificate.pk)
    duplicate.pk = None
    duplicate.verification_id, duplicate.short_code = "another-id", "AAAA-BBBB-CCCC"
    duplicate.serial_number, duplicate.status_list_index = 99, certificate.status_list_index + 1
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_the_database_refuses_a_revocation_without_reason(certificate):
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.filter(pk=certificate.pk).update(status="revoked")


def test_the_database_refuses_an_override_without_reason(certificate):
    from django.db import DatabaseError  # the constraint, or the freeze trigger before it

    with pytest.raises(DatabaseError), transaction.atomic():
        Certificate.objects.filter(pk=certificate.pk).update(eligible_at_issue=False)


@pytest.mark.parametrize(
    "change", [{"holder_name_th": "ชื่อปลอม"}, {"serial_number": 42}, {"credential_jwt": "x.y.z"}]
)
def test_the_database_refuses_to_change_the_frozen_snapshot(certificate, change):
    from django.db import DatabaseError

    with pytest.raises(DatabaseError), transaction.atomic():
        Certificate.objects.filter(pk=certificate.pk).update(**change)
    certificate.refresh_from_db()
    assert certificate.holder_name_th != "ชื่อปลอม"


def test_an_issue_recorded_later_keeps_its_date_and_is_never_dated_ahead(enrolment, template):
    from datetime import timedelta

    from django.utils import timezone

    with pytest.raises(services.CertificateError):
        services.certificate_issue(enrolment=enrolment, at=timezone.now() + timedelta(days=1))
    assert not Certificate.objects.filter(enrolment=enrolment).exists()
    when = timezone.now() - timedelta(days=400)
    certificate, _ = services.certificate_issue(enrolment=enrolment, at=when)
    assert certificate.issued_at == when
    assert certificate.completed_on == min(enrolment.cohort.ends_on, timezone.localdate(when))
