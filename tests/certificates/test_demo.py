import pytest

from django.core.management import call_command

from certificates.models import Certificate

pytestmark = pytest.mark.django_db


def test_the_demo_graduate_holds_a_certificate_and_the_states_are_shown():
    for _ in range(2):
        call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    graduate = Certificate.objects.get(holder__email="graduate@example.org")
    assert graduate.status == "valid" and graduate.cohort.slug == "cohort-1"
    assert Certificate.objects.filter(status="revoked").count() == 1
    superseded = Certificate.objects.get(status="superseded")
    assert superseded.superseded_by.status == "valid"
