"""Admissions services apart from the views: the letter sweep, withdrawal rules, the ledger."""

import datetime as dt
import os
import time

import pytest

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from admissions import services
from admissions.models import Application, StatusEmail
from core.storage import private_storage
from tests.admissions.factories import ApplicationFactory
from tests.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


def test_the_sweep_deletes_kept_letters_older_than_a_day_and_keeps_fresh_ones():
    storage = private_storage()
    old = storage.save(services.PENDING_LETTERS + "old.pdf", ContentFile(b"%PDF old"))
    fresh = storage.save(services.PENDING_LETTERS + "fresh.pdf", ContentFile(b"%PDF new"))
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(storage.path(old), (two_days_ago, two_days_ago))
    assert services.pending_letters_sweep() == 1
    assert not storage.exists(old) and storage.exists(fresh)
    storage.delete(fresh)


def test_an_enrolled_applicant_cannot_withdraw_here(intake):
    application = ApplicationFactory(intake=intake, status="accepted")
    application.enrolment = EnrolmentFactory(cohort=intake.cohort)
    application.save()
    with pytest.raises(ValidationError):
        services.application_withdraw(application=application)
    application.refresh_from_db()
    assert application.status == "accepted"


def test_a_withdrawn_application_is_final(intake):
    application = ApplicationFactory(intake=intake, status="withdrawn")
    counts = services.applications_set_status(
        intake=intake, ids=[application.pk], status="accepted"
    )
    assert counts["refused"] == 1
    assert Application.objects.get(pk=application.pk).status == "withdrawn"


def test_a_change_that_does_not_concern_the_applicant_adds_no_ledger_row(intake):
    application = ApplicationFactory(intake=intake)
    services.applications_set_status(intake=intake, ids=[application.pk], status="under-review")
    assert not StatusEmail.objects.exists()
    services.applications_set_status(intake=intake, ids=[application.pk], status="declined")
    assert list(StatusEmail.objects.values_list("status", flat=True)) == ["declined"]


def test_a_failed_send_is_released_for_the_retry(intake, monkeypatch):
    application = ApplicationFactory(intake=intake)
    email = StatusEmail.objects.create(application=application, status="accepted")

    def broken(*args, **kwargs):
        raise OSError("mail server down")

    monkeypatch.setattr(services, "send", broken)
    with pytest.raises(OSError):
        services.status_email_deliver(email_id=email.pk)
    email.refresh_from_db()
    assert email.state == "pending"


def test_the_stale_sweep_finds_pending_emails_whose_task_was_lost(intake):
    application = ApplicationFactory(intake=intake)
    email = StatusEmail.objects.create(application=application, status="accepted")
    StatusEmail.objects.filter(pk=email.pk).update(
        created_at=email.created_at - dt.timedelta(hours=1)
    )
    assert services.status_emails_stale() == [email.pk]


def test_the_application_records_the_published_privacy_notice_version(db):
    from django.utils import timezone

    from accounts.models import PrivacyNotice
    from admissions.services import privacy_version

    PrivacyNotice.objects.create(
        version=3, published_at=timezone.now(), body_th="ประกาศ", body_en="Notice"
    )
    assert privacy_version() == "notice-v3"
