"""Public verification under load: gunicorn on PostgreSQL and Redis, driven by ab.

    python benchmarks/verification.py [--requests 3000] [--concurrency 32] [--fresh]

Needs DATABASE_URL (PostgreSQL), REDIS_URL and `ab` (Debian: apache2-utils). The
benchmark uses its own database, `<DATABASE_URL's name>_bench_verification`: made
once (migrate, then a cohort of generated certificates) and kept for the next run;
--fresh makes it again. It starts gunicorn (3 sync workers, as the Procfile, with
DEBUG off) and prints requests per second, p50 and p99 for each lookup, with each
one's ratio to the JWKS view on the same server (no database) as the baseline.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.processes import (  # noqa: E402
    bench_database_url,
    ensure_database,
    free_port,
    manage,
    start_gunicorn,
    stop,
)

GOALS = "goals: API >= 0.70 x baseline with p99 < 50 ms; verify page >= 0.50 x baseline"


SEED = """
from certificates import services
from tests.factories import CohortFactory, EnrolmentFactory
cohort = CohortFactory(slug="bench-verification", number=901)
template = services.template_default()
for n in range({n}):
    enrolment = EnrolmentFactory(cohort=cohort, user__email=f"bench-verify-{{n}}@example.org")
    services.certificate_issue(enrolment=enrolment, override_reason="benchmark", template=template)
"""

CODES = """
from certificates import codes
from certificates.models import Certificate
c = Certificate.objects.filter(status="valid").order_by("pk").first()
unknown = codes.short_code()
assert not Certificate.objects.filter(short_code=unknown).exists()
print("CODES", c.short_code, c.verification_id, unknown)
"""


def _prepare(env: dict, certificates: int, fresh: bool) -> list[str]:
    new = ensure_database(env["DATABASE_URL"], fresh)
    if new:
        print(f"making the benchmark database: migrate, {certificates} certificates ...")
    manage(env, "migrate", "-v0")  # a kept database gets this branch's migrations too
    if new:
        manage(env, "shell", "-c", SEED.format(n=certificates))
    # A real short code, a real long id, and a well-formed code nobody holds.
    output = manage(env, "shell", "-c", CODES)
    return next(line for line in output.splitlines() if line.startswith("CODES")).split()[1:]


def _ab(url: str, requests: int, concurrency: int) -> dict:
    output = subprocess.run(  # noqa: S603
        ["ab", "-q", "-k", "-n", str(requests), "-c", str(concurrency), url],  # noqa: S607
        check=True,
        capture_output=True,
        text=True,
    ).stdout

    def number(pattern: str) -> float:
        found = re.search(pattern, output, re.MULTILINE)
        return float(found.group(1)) if found else float("nan")

    return {
        "rps": number(r"^Requests per second:\s+([\d.]+)"),
        "p50": number(r"^\s+50%\s+(\d+)"),
        "p99": number(r"^\s+99%\s+(\d+)"),
        "failed": number(r"^Failed requests:\s+(\d+)"),
        "non2xx": number(r"^Non-2xx responses:\s+(\d+)") if "Non-2xx" in output else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--certificates", type=int, default=50)
    parser.add_argument("--fresh", action="store_true", help="make the database again")
    args = parser.parse_args()
    if not (os.environ.get("DATABASE_URL") and os.environ.get("REDIS_URL")):
        raise SystemExit("needs DATABASE_URL (PostgreSQL) and REDIS_URL")
    if not shutil.which("ab"):
        raise SystemExit("needs ab: apt-get install apache2-utils")
    env = {
        **os.environ,
        "DATABASE_URL": bench_database_url(os.environ["DATABASE_URL"], "verification"),
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "false",
        "PYTHONWARNINGS": "ignore",
        "CACHE_KEY_PREFIX": "bench-verification",
        # One address sends every request: the limits must not be what is measured.
        "CERTIFICATE_LOOKUPS_PER_MINUTE": "100000000",
        "CERTIFICATE_MISSES_PER_MINUTE": "100000000",
    }
    short_code, verification_id, unknown = _prepare(env, args.certificates, args.fresh)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    targets = [
        ("JWKS (baseline)", "/.well-known/jwks.json"),
        ("API by short code", f"/api/v1/certificates/{short_code}"),
        ("API by long id", f"/api/v1/certificates/{verification_id}"),
        ("verify page", f"/verify/{short_code}/"),
        ("unknown code (API)", f"/api/v1/certificates/{unknown}"),
    ]
    server = start_gunicorn(env, port, args.workers)
    try:
        for _label, path in targets:  # warm every worker's caches and connections
            _ab(base + path, 50, 4)
        results = [
            (label, _ab(base + path, args.requests, args.concurrency)) for label, path in targets
        ]
    finally:
        stop(server)
    load = os.getloadavg()
    print(
        f"gunicorn {args.workers} sync workers, ab -k -c {args.concurrency} -n {args.requests}, "
        f"{os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}"
    )
    baseline = results[0][1]["rps"]
    print(f"{'':22} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'x baseline':>10} {'non-2xx':>8}")
    for label, r in results:
        print(
            f"{label:22} {r['rps']:8.0f} {r['p50']:7.0f} {r['p99']:7.0f} "
            f"{r['rps'] / baseline:10.2f} {r['non2xx']:8.0f}"
        )
    print(GOALS)


if __name__ == "__main__":
    main()
