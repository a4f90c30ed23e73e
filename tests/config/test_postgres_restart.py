"""PostgreSQL restarts under a running web process and a running worker: both reconnect.

docs/operations.md, "PostgreSQL restarts". The test makes its own cluster
(initdb + pg_ctl on another port), serves the platform from it with gunicorn as
production does, restarts the cluster and asks again: no restart of the web.
The second drill runs a `celery worker` on the cluster, restarts it in the middle of
a certificate batch, and the batch finishes (one certificate each, serials 1..N)
without the worker being restarted and without beat.
"""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import psycopg
import pytest

from tests.spare import ThrowawayPostgres, free_port
from tests.workers import ROOT, database_url

DEADLINE = 60  # seconds, per request
STARTUP = 180  # seconds: gunicorn imports the whole platform first
pytestmark = pytest.mark.timeout(STARTUP + 4 * DEADLINE)  # the whole drill, failing clearly


@pytest.fixture
def throwaway_postgres():
    cluster = ThrowawayPostgres()
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.destroy()


def _healthz(port: int) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=DEADLINE) as r:  # noqa: S310
            return r.status, json.load(r)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


@pytest.fixture
def web(throwaway_postgres, tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": throwaway_postgres.url.rsplit("/", 1)[0] + "/postgres",
        "PMS_TEST_TMP": str(tmp_path),
    }
    env.pop("REDIS_URL", None)  # the database is the part under test
    command = [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", "1", "--preload",
               "--timeout", str(DEADLINE), "--bind", f"127.0.0.1:{port}"]  # fmt: skip
    with (tmp_path / "web.log").open("w") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)  # noqa: S603
    try:
        deadline = time.monotonic() + STARTUP
        while True:
            try:
                _healthz(port)
                break
            except OSError:
                assert process.poll() is None, (tmp_path / "web.log").read_text()
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        yield port
    finally:
        process.kill()
        process.wait(timeout=10)


def test_the_web_answers_again_after_postgres_restarts_without_being_restarted(
    web, throwaway_postgres
):
    status, body = _healthz(web)
    assert status == 200, body
    throwaway_postgres.restart()
    status, body = _healthz(web)  # the same process and its kept connection (conn_max_age)
    assert status == 200, body
    assert body["checks"]["database"] == {"status": "ok"}


# --- A batch with a worker on the cluster -------------------------------------------------

N = 40  # certificates: 0.1–1 s each, so the restart falls in the middle on any machine
# (12 once all went out on an idle machine before the restart had read the batch)
BATCH_DEADLINE = 120 + 3 * N  # seconds after the restart; CERTIFICATE_CLAIM_TIMEOUT is 120
SETUP = """
from certificates import services
from tests.baseline import ensure_baseline
from tests.certificates.factories import CertificateTemplateFactory
from tests.factories import CohortFactory, EnrolmentFactory

ensure_baseline()
CertificateTemplateFactory()
cohort = CohortFactory()
for _ in range({n}):
    EnrolmentFactory(cohort=cohort)
print(services.batch_start(cohort=cohort).pk)
"""


def _on_cluster(url: str, sql: str) -> list[tuple] | None:
    """Read the cluster's database directly; None while it is down."""
    try:
        with psycopg.connect(url, connect_timeout=5) as db:
            return db.execute(sql).fetchall()
    except psycopg.OperationalError:
        return None


def _batch(url: str) -> tuple[str, int]:
    """The batch's (status, issued); ("", 0) while the cluster does not answer."""
    rows = _on_cluster(url, "SELECT status, issued FROM certificates_issuancebatch")
    return rows[0] if rows else ("", 0)


@pytest.mark.timeout(2 * STARTUP + BATCH_DEADLINE)
def test_a_batch_finishes_once_each_when_postgres_restarts_under_a_running_worker(
    throwaway_postgres, worker, db
):
    cluster = throwaway_postgres
    cluster.copy_database(database_url())  # the suite's migrated test database (db: its name)
    worker.env["DATABASE_URL"] = cluster.url
    process = worker.start("pg-drill")
    setup = subprocess.run(  # noqa: S603 - the batch started as the admin press does
        [sys.executable, "-c", f"import django; django.setup(); exec({SETUP.format(n=N)!r})"],
        cwd=ROOT, env=worker.env, capture_output=True, text=True, timeout=STARTUP,
    )  # fmt: skip
    assert setup.returncode == 0, setup.stderr

    worker.wait_for(lambda: _batch(cluster.url)[1] >= 2, "two issued", STARTUP)
    cluster.restart()  # a fast shutdown: every connection of the worker is cut
    status, issued = _batch(cluster.url)
    print(f"\n{issued} of {N} issued when the restart was done")  # noqa: T201 - a figure
    assert status == "running" and issued < N, "the batch finished before the restart"

    restarted = time.monotonic()
    worker.wait_for(lambda: _batch(cluster.url)[0] == "finished", "the batch", BATCH_DEADLINE)
    print(f"\n{N} certificates; finished {time.monotonic() - restarted:.0f} s after the restart")  # noqa: T201 - a figure
    assert worker.processes == [process] and process.poll() is None  # never restarted
    # The restart did meet running tasks: they ran again under their own ids.
    assert "retry: Retry in" in worker.log(), worker.log()
    rows = _on_cluster(
        cluster.url, "SELECT enrolment_id, serial_number FROM certificates_certificate"
    )
    assert len({enrolment for enrolment, _ in rows}) == len(rows) == N
    assert sorted(serial for _, serial in rows) == list(range(1, N + 1))
    counts = _on_cluster(
        cluster.url, "SELECT total, issued, skipped, failed FROM certificates_issuancebatch"
    )
    assert counts == [(N, N, 0, 0)]
