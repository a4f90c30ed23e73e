"""Shared fixtures: one person per role, and the rules for real services.

Under CI (CI=true) a missing PostgreSQL, Redis or Chromium fails the run;
on a developer machine the tests that need them are skipped with a reason
that pytest prints in its summary (-ra).
"""

import os
from io import StringIO

import pytest
from celery.contrib.testing.worker import start_worker

from django.conf import settings
from django.core.management import call_command
from django.db import transaction

from config.celery_app import app
from tests.baseline import ensure_baseline
from tests.factories import CohortFactory, EnrolmentFactory, TeamFactory, UserFactory
from tests.workers import Worker, tasks_to_broker

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
PASSWORD = "correct-horse-battery"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def pytest_sessionstart(session):
    if IN_CI:
        missing = [
            name
            for name, value in (
                ("DATABASE_URL (PostgreSQL)", settings.DATABASE_URL),
                ("REDIS_URL", settings.REDIS_URL),
            )
            if not value
        ]
        if missing:
            pytest.exit(f"CI needs real services; not configured: {', '.join(missing)}", 2)


def pytest_addoption(parser):
    parser.addoption(
        "--clock",
        default=None,
        help="Start every test at this Bangkok time of today (HH:MM:SS), the clock running "
        "on: `make test-clock` runs the date-sensitive tests a moment before midnight.",
    )


@pytest.fixture(autouse=True)
def _clock(request):
    """Under --clock, each test starts at that time of the Bangkok day, so what depends
    on 'today' is tried across midnight (where Bangkok's date and UTC's differ)."""
    wanted = request.config.getoption("--clock")
    if not wanted:
        yield
        return
    import datetime as dt
    from zoneinfo import ZoneInfo

    import time_machine

    bangkok = ZoneInfo("Asia/Bangkok")
    today = dt.datetime.now(bangkok).date()
    start = dt.datetime.combine(today, dt.time.fromisoformat(wanted), tzinfo=bangkok)
    with time_machine.travel(start, tick=True):
        yield


@pytest.fixture(autouse=True)
def _thai_first():
    """Each test starts in the site's language (Thai), whatever an earlier test in the same
    worker activated: pytest-xdist runs files in an order of its own."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_site_root_paths():
    """Wagtail caches site root paths (with Site ids) in the cache, which is Redis under CI
    and outlives each test's rolled-back Site rows: start every test without them."""
    from wagtail.models import Site

    Site.clear_site_root_paths_cache()


def _is_transactional(node) -> bool:
    marker = node.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Mark the tests that commit (and empty every table after): `make test` runs them
    after the rest, as pytest-django does in one process, since pytest-xdist's workers
    would otherwise run a test that needs the migration-loaded rows after a flush."""
    for item in items:
        if _is_transactional(item):
            item.add_marker(pytest.mark.transactional)
    if config.getoption("--clock"):
        # A test that starts real worker processes runs on the real clock (they cannot share
        # the fake one): it has nothing to try near midnight, and the plain run has it.
        real = [item for item in items if "worker" in getattr(item, "fixturenames", ())]
        if real:
            config.hook.pytest_deselected(items=real)
            items[:] = [item for item in items if item not in real]


@pytest.fixture(autouse=True)
def _baseline_after_flush(request):
    """pytest-django runs transactional tests last and empties every table after each,
    migration-loaded rows too (provinces, locales, holidays): put them back first."""
    if _is_transactional(request.node):
        request.getfixturevalue("transactional_db")
        ensure_baseline()


def require_service(available: bool, what: str):
    """Skip outside CI, fail under CI, when a real service is missing."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is required under CI but is not available.")
    pytest.skip(f"needs {what}")


@pytest.fixture
def redis_url():
    require_service(bool(settings.REDIS_URL), "Redis (set REDIS_URL)")
    return settings.REDIS_URL


@pytest.fixture
def postgres():
    is_pg = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    require_service(is_pg, "PostgreSQL (set DATABASE_URL)")


@pytest.fixture
def real_worker(redis_url):
    """A Celery worker thread in this process, consuming from Redis."""
    with (
        tasks_to_broker(redis_url),
        start_worker(app, perform_ping_check=False, shutdown_timeout=30),
    ):
        yield


@pytest.fixture
def worker(redis_url, postgres, tmp_path):
    """Starts `celery worker` subprocesses (tests/workers.py); tasks go to them.

    Whatever it started is killed at the end, and the queue emptied.
    """
    with tasks_to_broker(redis_url):
        workers = Worker(redis_url, tmp_path / "worker.log")
        try:
            yield workers
        finally:
            workers.kill_all()


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """seed_demo once for a whole test module, rolled back when the module ends.

    Each test still runs in its own savepoint inside this transaction, so tests
    of the demo see the full data without paying for seeding again and again.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


# --- one person per role ------------------------------------------------------


@pytest.fixture
def cohort(db):
    return CohortFactory(slug="cohort-test")


@pytest.fixture
def team(cohort):
    return TeamFactory(cohort=cohort)


@pytest.fixture
def learner(cohort, team):
    return EnrolmentFactory(cohort=cohort, team=team).user


@pytest.fixture
def other_learner(cohort):
    """Enrolled in the same cohort, but in another team."""
    return EnrolmentFactory(cohort=cohort, team=TeamFactory(cohort=cohort)).user


@pytest.fixture
def facilitator(db):
    return UserFactory(roles=["Facilitator"], title_prefix="รศ.ดร.")


@pytest.fixture
def coordinator(db):
    return UserFactory(roles=["Coordinator"], title_prefix="นางสาว")
