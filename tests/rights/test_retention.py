"""Retention: unaccepted invitations expire, old lookup details fold into daily counts,
data exports expire; one daily job runs every app's rule."""

import datetime as dt

import pytest

from django.utils import timezone

from certificates.models import LookupCount
from certificates.personal_data import lookup_details_fold, months_before
from cohorts.models import Enrolment
from cohorts.personal_data import invitations_expire
from cohorts.services import enrolment_invite
from core.schedules import periodic_jobs
from rights.retention import retention_apply
from tests.certificates.factories import CertificateTemplateFactory

pytestmark = pytest.mark.django_db


def _invited(cohort, email, days_ago):
    enrolment, _ = enrolment_invite(cohort=cohort, email=email, notify=False)
    user = enrolment.user
    type(user).objects.filter(pk=user.pk).update(
        date_joined=timezone.now() - dt.timedelta(days=days_ago)
    )
    return user


def test_an_invitation_nobody_accepted_expires_after_the_configured_days(cohort, settings):
    settings.INVITATION_EXPIRY_DAYS = 30
    stale = _invited(cohort, "stale@example.org", days_ago=31)
    fresh = _invited(cohort, "fresh@example.org", days_ago=29)
    assert invitations_expire(timezone.now()) == 1
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert not stale.is_active and fresh.is_active
    assert Enrolment.objects.get(user=stale).status == "active"  # records stay


def test_someone_who_accepted_or_logged_in_is_kept(cohort, learner, settings):
    settings.INVITATION_EXPIRY_DAYS = 1
    type(learner).objects.filter(pk=learner.pk).update(
        date_joined=timezone.now() - dt.timedelta(days=400)
    )
    assert invitations_expire(timezone.now()) == 0  # learner has a password of their own


def test_inviting_again_reopens_an_expired_invitation(cohort, settings):
    settings.INVITATION_EXPIRY_DAYS = 1
    user = _invited(cohort, "again@example.org", days_ago=5)
    invitations_expire(timezone.now())
    from tests.factories import CohortFactory

    enrolment_invite(cohort=CohortFactory(slug="next"), email="again@example.org", notify=False)
    user.refresh_from_db()
    assert user.is_active


def _count(day, certificate=None, n=1, result="valid"):
    return LookupCount.objects.create(
        day=day, channel="page", result=result, certificate=certificate, count=n
    )


@pytest.fixture
def certificate(learner, cohort):
    from certificates import services
    from cohorts import completion
    from cohorts.completion import CheckResult

    def everyone(enrolments):
        return {e.pk: CheckResult("t", True, "ok") for e in enrolments}

    completion.register_check(everyone)
    CertificateTemplateFactory()
    cert, _ = services.certificate_issue(enrolment=learner.enrolments.get())
    yield cert
    completion.unregister_check(everyone)


def test_old_lookup_details_fold_into_daily_counts(certificate, settings):
    settings.LOOKUP_DETAIL_RETENTION_MONTHS = 6
    today = timezone.localdate()
    old, recent = today - dt.timedelta(days=200), today - dt.timedelta(days=10)
    _count(old, certificate, n=3)
    _count(old, None, n=2)  # lookups of that day without a certificate (not found, ...)
    _count(old, certificate, n=1, result="revoked")
    _count(recent, certificate, n=4)
    total = sum(LookupCount.objects.values_list("count", flat=True))
    assert lookup_details_fold(timezone.now()) == 2
    assert sum(LookupCount.objects.values_list("count", flat=True)) == total  # nothing lost
    assert not LookupCount.objects.filter(day=old, certificate__isnull=False).exists()
    assert LookupCount.objects.get(day=old, result="valid", certificate=None).count == 5
    assert LookupCount.objects.get(day=old, result="revoked", certificate=None).count == 1
    assert LookupCount.objects.get(day=recent, certificate=certificate).count == 4
    assert lookup_details_fold(timezone.now()) == 0


def test_months_before_keeps_to_the_end_of_a_short_month():
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 1, 15), 12) == dt.date(2025, 1, 15)
    assert months_before(dt.date(2026, 1, 15), 1) == dt.date(2025, 12, 15)


def test_one_daily_job_runs_every_rule(db):
    jobs = {job.name: job for job in periodic_jobs()}
    assert jobs["Personal data: retention"].task == "rights.apply_retention"
    assert set(retention_apply()) == {"data_exports", "invitations", "lookup_details"}
