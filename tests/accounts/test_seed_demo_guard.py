"""seed_demo creates staff accounts with a published password: never by accident in production."""

import os

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.models import User

pytestmark = pytest.mark.django_db


def test_seed_demo_refuses_where_settings_forbid_demo_data_and_creates_nothing(settings):
    settings.DEMO_DATA_ALLOWED = False
    before = User.objects.count()
    with pytest.raises(CommandError, match="--create-staff-with-public-password"):
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert User.objects.count() == before


def test_the_flag_naming_the_risk_seeds_anyway(settings):
    settings.DEMO_DATA_ALLOWED = False
    call_command(
        "seed_demo",
        "--create-staff-with-public-password",
        stdout=open(os.devnull, "w"),  # noqa: SIM115
    )
    assert User.objects.filter(email="coordinator@example.org").exists()
