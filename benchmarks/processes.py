"""What the benchmarks share: their own database, a gunicorn on a free port, stopping it.

Each benchmark that drives a real server uses a database of its own beside DATABASE_URL's
(`<name>_bench_<benchmark>`, kept between runs), runs manage.py in it, and starts gunicorn
there with start_new_session, so stop() ends the server and its workers together.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def bench_database_url(url: str, benchmark: str) -> str:
    """DATABASE_URL with its database name followed by `_bench_<benchmark>`."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{parts.path.lstrip('/')}_bench_{benchmark}"))


def _admin_connection(url: str):
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
        autocommit=True,
    )


def ensure_database(url: str, fresh: bool) -> bool:
    """Create the benchmark database; True when it is new and needs its data."""
    name = urlsplit(url).path.lstrip("/")
    with _admin_connection(url) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() and not fresh:
            return False
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return True


def manage(env: dict, *args: str) -> str:
    """manage.py with this environment; its standard output (its error output on failure)."""
    done = subprocess.run(  # noqa: S603
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"manage.py {args[0]} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env: dict, port: int, workers: int) -> subprocess.Popen:
    """gunicorn config.wsgi with sync workers (as the Procfile), answering on /healthz."""
    server = subprocess.Popen(  # noqa: S603
        [PYTHON, "-m", "gunicorn", "config.wsgi", "--workers", str(workers), "--timeout", "120"]
        + ["--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--preload"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=30)  # noqa: S310
            return server
        except urllib.error.HTTPError:  # answered (503 while a service warms up counts)
            return server
        except OSError:
            time.sleep(0.5)
    stop(server)
    raise SystemExit("gunicorn did not answer within 300 s")


def stop(process: subprocess.Popen) -> None:
    """SIGTERM to the process group (started with start_new_session), SIGKILL after 30 s."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
