"""PostgreSQL restarts under a running web process: the next request reconnects by itself.

docs/operations.md, "PostgreSQL restarts". The test makes its own cluster
(initdb + pg_ctl on another port), serves the platform from it with gunicorn as
production does, restarts the cluster and asks again: no restart of the web.
"""

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.spare import ThrowawayPostgres, free_port
from tests.workers import ROOT

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
