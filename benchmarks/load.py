"""Mixed load (#17 item 4): locust headless against gunicorn on PostgreSQL and Redis.

    python benchmarks/load.py [--duration 300] [--users 50] [--workers 3] [--fresh] [--scale]

Needs DATABASE_URL (PostgreSQL) and REDIS_URL. It uses its own database,
`<DATABASE_URL's name>_bench_load`: made once (migrate, seed_demo; --scale adds
`--scale programme`) and kept for the next run; --fresh makes it again. It adds one
session of cohort-2 running now (so learners can check in), signs the simulated people in
(session cookies made in the database, not through the login form, whose rate limit
would refuse 50 sign-ins from one address), starts gunicorn (3 sync workers, as the
Procfile, DEBUG off) on a free port and runs `benchmarks/locustfile.py` with --users
simulated people for --duration seconds: learners on /me/, session pages, checking in
and handing in work; facilitators on the review queue and reviews; coordinators on admin
listings, the attendance matrix and exports; visitors on public pages and verification.
It prints requests, failures, p50 and p95 per endpoint and the server errors, and exits 1
on any 5xx or dropped connection. --in-place uses DATABASE_URL itself (migrated already):
tests/test_load.py runs the 60-second version so on the test database.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.processes import (  # noqa: E402
    PYTHON,
    ROOT,
    bench_database_url,
    ensure_database,
    free_port,
    manage,
    start_gunicorn,
    stop,
)

SECRET_KEY = "bench-load-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"  # noqa: S105

# Run in the benchmark database (manage.py shell): prints the plan as one JSON line.
PLAN = r"""
import datetime as dt, json
from django.conf import settings
from django.test import Client
from django.utils import timezone
from accounts.models import User
from assignments.models import Submission
from certificates.models import Certificate
from cohorts.models import Cohort, Enrolment, Session

def cookies(user):
    client = Client()
    client.force_login(user)
    return {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}

cohort = Cohort.objects.get(slug="cohort-2")
now = timezone.now()
session, _ = Session.objects.update_or_create(
    cohort=cohort, number=99,
    defaults=dict(title_th="ทดสอบภาระระบบ", title_en="Load test", kind="classroom",
                  starts_at=now - dt.timedelta(minutes=10), ends_at=now + dt.timedelta(hours=1)))
accepted = set(Submission.objects.filter(status="accepted").values_list("assignment_id", "team_id"))
learners = []
for e in Enrolment.objects.current().filter(cohort=cohort).select_related("user"):
    open_work = [a.pk for a in cohort.assignments.filter(kind="team")
                 if (a.pk, e.team_id) not in accepted]
    learners.append({"cookies": cookies(e.user), "assignments": open_work})
facilitator = User.objects.get(email="facilitator@example.org")
coordinator = User.objects.get(email="coordinator@example.org")
code = Certificate.objects.filter(status="valid").values_list("short_code", flat=True).first()
print("PLAN " + json.dumps({
    "secret_key": settings.SECRET_KEY,
    "learners": learners,
    "sessions": list(cohort.sessions.exclude(number=99).values_list("pk", flat=True)),
    "check_in": {"session": session.pk,
                 "day": timezone.localtime(session.starts_at).date().isoformat()},
    "facilitator": cookies(facilitator),
    "reviews": list(Submission.objects.filter(assignment__cohort=cohort,
                    team__advisor=facilitator).values_list("pk", flat=True)),
    "coordinator": cookies(coordinator),
    "admin_pages": [
        ("/admin/", "/admin/"),
        ("/admin/users/", "/admin/users/"),
        ("/admin/issued-certificates/", "/admin/issued-certificates/"),
        ("/admin/issued-certificates/cohort/[id]/",
         f"/admin/issued-certificates/cohort/{cohort.pk}/"),
        ("/admin/attendance/cohort/[id]/ (matrix)", f"/admin/attendance/cohort/{cohort.pk}/"),
        ("/admin/attendance/cohort/[id]/attendance.xlsx",
         f"/admin/attendance/cohort/{cohort.pk}/attendance.xlsx"),
        ("/cohorts/[slug]/attendance.csv", f"/cohorts/{cohort.slug}/attendance.csv"),
    ],
    "public_pages": [
        ("/", "/"), ("/programme/", "/programme/"), ("/news/", "/news/"), ("/en/", "/en/"),
        ("/verify/[code]/", f"/verify/{code}/"),
        ("/api/v1/certificates/[code]", f"/api/v1/certificates/{code}"),
    ],
}))
"""


def _prepare(env: dict, args: argparse.Namespace) -> dict:
    """The database made (unless --in-place) and seeded (unless --no-seed); the plan."""
    new = not args.in_place and ensure_database(env["DATABASE_URL"], args.fresh)
    if new:
        print("making the load database: migrate, seed_demo ...", flush=True)
    if not args.in_place:
        manage(env, "migrate", "-v0")
    if new or (args.in_place and not args.no_seed):
        manage(env, "seed_demo", *(["--scale", "programme"] if args.scale else []))
    output = manage(env, "shell", "-c", PLAN)
    return json.loads(next(line for line in output.splitlines() if line.startswith("PLAN "))[5:])


def _locust(env: dict, base: str, users: int, duration: int) -> None:
    subprocess.run(  # noqa: S603
        [str(Path(PYTHON).parent / "locust"), "-f", str(ROOT / "benchmarks" / "locustfile.py")]
        + ["--headless", "--host", base, "--users", str(users), "--spawn-rate", str(users)]
        + ["--run-time", f"{duration}s", "--only-summary", "--loglevel", "WARNING"]
        + ["--stop-timeout", "10"],
        cwd=ROOT,
        env=env,
        check=False,  # locust exits 1 on any failure, 4xx included; we judge 5xx ourselves
        stdout=subprocess.DEVNULL,
    )


def report(result: dict) -> int:
    """Print the table; the number of server errors and dropped connections."""
    rows = sorted(result["endpoints"], key=lambda r: r["name"])
    print(f"{'endpoint':<52} {'method':>6} {'requests':>8} {'failed':>6} {'p50 ms':>7} "
          f"{'p95 ms':>7} {'5xx':>4}")  # fmt: skip
    for r in rows:
        print(f"{r['name']:<52} {r['method']:>6} {r['requests']:>8} {r['failures']:>6} "
              f"{r['p50']:>7.0f} {r['p95']:>7.0f} {r['server_errors']:>4}")  # fmt: skip
    server_errors = sum(r["server_errors"] for r in rows)
    dropped = sum(r["connection_errors"] for r in rows)
    total = sum(r["requests"] for r in rows)
    print(
        f"requests: {total}; server errors (5xx): {server_errors}; dropped connections: {dropped}"
    )
    return server_errors + dropped + (0 if total else 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=300, help="seconds of load")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--fresh", action="store_true", help="make the database again")
    parser.add_argument("--scale", action="store_true", help="seed --scale programme data")
    parser.add_argument(
        "--in-place",
        action="store_true",
        help="use DATABASE_URL itself, already migrated (the test suite's database)",
    )
    parser.add_argument("--no-seed", action="store_true", help="with --in-place: seeded already")
    args = parser.parse_args(argv)
    if not (os.environ.get("DATABASE_URL") and os.environ.get("REDIS_URL")):
        raise SystemExit("needs DATABASE_URL (PostgreSQL) and REDIS_URL")
    env = {
        **os.environ,
        "DATABASE_URL": os.environ["DATABASE_URL"]
        if args.in_place
        else bench_database_url(os.environ["DATABASE_URL"], "load"),
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "false",
        "SECRET_KEY": SECRET_KEY,
        "PYTHONWARNINGS": "ignore",
        "CACHE_KEY_PREFIX": "bench-load",
        # Every simulated person comes from 127.0.0.1: the per-address limits would be
        # what is measured.
        "CERTIFICATE_LOOKUPS_PER_MINUTE": "100000000",
        "CERTIFICATE_MISSES_PER_MINUTE": "100000000",
    }
    plan = _prepare(env, args)
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        env["LOAD_PLAN"], env["LOAD_RESULT"] = f"{folder}/plan.json", f"{folder}/result.json"
        Path(env["LOAD_PLAN"]).write_text(json.dumps(plan))
        server = start_gunicorn(env, port, args.workers)
        try:
            _locust(env, f"http://127.0.0.1:{port}", args.users, args.duration)
        finally:
            stop(server)
        result = json.loads(Path(env["LOAD_RESULT"]).read_text())
    load = os.getloadavg()
    print(f"locust {args.users} users for {args.duration} s against gunicorn "
          f"{args.workers} sync workers; {os.cpu_count()} cores, load average "
          f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")  # fmt: skip
    return 1 if report(result) else 0


if __name__ == "__main__":
    sys.exit(main())
