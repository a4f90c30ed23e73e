"""COMPLETED means a certificate was issued: set on issue, taken back on revoke."""

import importlib

import pytest

from django.apps import apps
from django.db.models import Q

from certificates import services
from cohorts.models import Enrolment

pytestmark = pytest.mark.django_db


def test_issuing_a_certificate_completes_the_enrolment(certificate, enrolment):
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED


def test_a_graduate_is_still_current_and_keeps_me(certificate, enrolment, learner, client):
    assert Enrolment.objects.current().filter(pk=enrolment.pk).exists()
    client.force_login(learner)
    response = client.get("/me/")
    assert response.status_code == 200
    assert enrolment.cohort.title_th in response.content.decode()


def test_revoking_makes_the_enrolment_active_again(certificate, enrolment):
    services.certificate_revoke(certificate=certificate, reason="ผิด")
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE


def test_reissuing_keeps_the_enrolment_completed(certificate, enrolment):
    services.certificate_reissue(certificate=certificate, reason="แก้ชื่อ")
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED


def test_a_withdrawn_enrolment_is_not_current(enrolment):
    enrolment.status = Enrolment.Status.WITHDRAWN
    enrolment.save()
    assert not Enrolment.objects.current().filter(pk=enrolment.pk).exists()
    assert not enrolment.is_current


def test_existing_graduates_are_completed_by_the_data_migration(certificate, enrolment):
    Enrolment.objects.filter(pk=enrolment.pk).update(status=Enrolment.Status.ACTIVE)
    migration = importlib.import_module("certificates.migrations.0006_completed_enrolments")
    migration.mark_graduates_completed(apps, None)
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED


def test_the_one_current_per_cohort_constraint_uses_the_current_statuses():
    (constraint,) = [
        c for c in Enrolment._meta.constraints if c.name == "enrolment_one_current_per_cohort"
    ]
    assert constraint.condition == Q(status__in=list(Enrolment.CURRENT_STATUSES))
