"""Attendance at scale: the matrix page, the CSV export and QR check-ins.

    python benchmarks/attendance.py [--learners 300]
    python benchmarks/attendance.py --http [--learners 1000] [--spread 9] [--workers 3]

Needs DATABASE_URL (PostgreSQL). In process (the default) it prints time and queries for
the matrix page and the CSV export, then has 300 learners check in from 16 threads
against the real database; it creates its own cohort (slug bench-attendance) and removes
it afterwards.

--http (#16 item 8) also needs REDIS_URL. It takes the path a phone takes against
gunicorn (sync workers, as the Procfile, DEBUG off) on its own database,
`<DATABASE_URL's name>_bench_attendance` (migrated each run, kept): a cohort of --learners
enrolled learners, each signed in through the session store, and a session open now.
Each learner arrives at its own moment, evenly over --spread seconds, opens the QR URL
(the check-in page, with the code of the current 30-second step) and posts the confirm
form with its hidden fields (the CSRF token, the scan's proof), all concurrently (asyncio +
aiohttp). It prints the wall time, requests/s, p50/p90/p99 of the scan and of the confirm,
errors by status, and from the database the records made, learners left without one and
duplicates, against the goals: 0 lost, 0 duplicated, p99 < 300 ms, every learner checked
in within 10 s.
"""

import argparse
import asyncio
import json
import math
import os
import re
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

import datetime as dt  # noqa: E402

from django.conf import settings  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from attendance import tokens  # noqa: E402
from attendance.days import session_days  # noqa: E402
from attendance.models import AttendanceRecord, Method  # noqa: E402
from attendance.services import CheckInRefused, attendance_check_in_by_token  # noqa: E402
from benchmarks.measure import accept_notice, timed_get  # noqa: E402
from benchmarks.processes import (  # noqa: E402
    bench_database_url,
    ensure_database,
    free_port,
    manage,
    start_gunicorn,
    stop,
)
from cohorts.models import Cohort, Enrolment, Session  # noqa: E402

SESSIONS, THREADS = 20, 16


def build(learners: int):
    now = timezone.now()
    cohort = Cohort.objects.create(
        number=9000,
        slug="bench-attendance",
        title_th="bench",
        starts_on=now.date(),
        ends_on=now.date(),
    )
    sessions = Session.objects.bulk_create(
        Session(
            cohort=cohort,
            number=n,
            title_th=f"ครั้งที่ {n}",
            starts_at=now - dt.timedelta(days=7 * (SESSIONS - n), minutes=5),
            ends_at=now - dt.timedelta(days=7 * (SESSIONS - n)) + dt.timedelta(hours=3),
        )
        for n in range(1, SESSIONS + 1)
    )
    users = User.objects.bulk_create(
        User(email=f"bench{n}@example.invalid", first_name=f"ผู้เรียน{n}", last_name="ทดสอบ")
        for n in range(learners)
    )
    enrolments = Enrolment.objects.bulk_create(Enrolment(cohort=cohort, user=u) for u in users)
    statuses = ["present", "present", "present", "late", "absent"]
    AttendanceRecord.objects.bulk_create(
        AttendanceRecord(
            enrolment=e,
            session=s,
            day=timezone.localtime(s.starts_at).date(),
            status=statuses[(i + j) % 5],
            method=Method.IMPORT,
        )
        for i, e in enumerate(enrolments)
        for j, s in enumerate(sessions[:-1])
    )
    return cohort, sessions[-1], users


def check_ins(session, users):
    """Every learner, from THREADS threads with their own connections."""
    token = tokens.make_token(session.pk, session_days(session)[0])
    outcomes, lock = [], threading.Lock()
    chunks = [users[i::THREADS] for i in range(THREADS)]

    def worker(chunk):
        for user in chunk:
            try:
                attendance_check_in_by_token(token=token, user=user)
                result = "ok"
            except CheckInRefused as refused:
                result = refused.code
            with lock:
                outcomes.append(result)
        connections.close_all()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(chunk,)) for chunk in chunks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, outcomes


def in_process(learners: int) -> None:
    Cohort.objects.filter(slug="bench-attendance").delete()
    cohort, today, users = build(learners)
    try:
        coordinator = User.objects.filter(is_superuser=True).first() or User.objects.create(
            email="bench-admin@example.invalid", is_superuser=True, is_staff=True
        )
        client = Client()
        accept_notice(coordinator)
        client.force_login(coordinator)
        for label, url in (
            ("matrix page", f"/admin/attendance/cohort/{cohort.pk}/"),
            ("CSV export", f"/cohorts/{cohort.slug}/attendance.csv"),
        ):
            # The first request also loads templates and the admin.
            cold, _ = timed_get(client, url, HTTP_HOST="127.0.0.1")
            elapsed, queries = timed_get(client, url, HTTP_HOST="127.0.0.1")
            print(
                f"{label:<12} {learners}x{SESSIONS}: {elapsed:7.0f} ms warm "
                f"({cold:.0f} ms cold), {queries} queries"
            )
        elapsed, outcomes = check_ins(today, users)
        records = AttendanceRecord.objects.filter(session=today).count()
        print(
            f"QR check-ins: {len(outcomes)} in {elapsed:.2f} s with {THREADS} threads "
            f"({len(outcomes) / elapsed:.0f}/s); records: {records}; "
            f"ok: {outcomes.count('ok')}; refused: {len(outcomes) - outcomes.count('ok')}; "
            f"within 10 s: {'yes' if elapsed <= 10 else 'NO'}; "
            f"lost or duplicate: {'none' if records == learners else 'YES'}"
        )
    finally:
        AttendanceRecord.objects.filter(session__cohort=cohort).delete()
        Enrolment.objects.filter(cohort=cohort).delete()
        cohort.delete()
        User.objects.filter(email__endswith="@example.invalid").delete()


# --- over HTTP: phones against gunicorn --------------------------------------------------

# Run in the benchmark database (manage.py shell): a cohort of {learners} signed-in
# learners and a session open now; prints the plan as one JSON line.
HTTP_PLAN = r"""
import datetime as dt, json
from importlib import import_module
from django.conf import settings
from django.contrib import auth
from django.contrib.auth.hashers import make_password
from django.utils import timezone
from accounts import privacy
from accounts.models import PrivacyAcceptance, User
from attendance.days import current_day
from attendance.models import AttendanceRecord
from cohorts.models import Cohort, Enrolment, Session

# The previous run's, in the order their protected keys allow.
AttendanceRecord.objects.filter(session__cohort__slug="bench-checkin").delete()
Enrolment.objects.filter(cohort__slug="bench-checkin").delete()
Cohort.objects.filter(slug="bench-checkin").delete()
User.objects.filter(email__startswith="bench-checkin-").delete()
now = timezone.now()
cohort = Cohort.objects.create(number=9100, slug="bench-checkin", title_th="bench check-in",
                               starts_on=now.date(), ends_on=now.date())
session = Session.objects.create(cohort=cohort, number=1, title_th="ครั้งที่ 1",
                                 starts_at=now - dt.timedelta(minutes=5),
                                 ends_at=now + dt.timedelta(hours=1))
unusable = make_password(None)
users = User.objects.bulk_create(
    User(email=f"bench-checkin-{{n}}@example.invalid", first_name=f"ผู้เรียน{{n}}",
         last_name="ทดสอบ", password=unusable) for n in range({learners}))
Enrolment.objects.bulk_create(Enrolment(cohort=cohort, user=user) for user in users)
notice = privacy.current_notice()
if notice:
    PrivacyAcceptance.objects.bulk_create(
        PrivacyAcceptance(user=user, notice=notice) for user in users)
# Signed in as django.contrib.auth.login would, without the login form's rate limit.
store, keys = import_module(settings.SESSION_ENGINE).SessionStore, []
for user in users:
    signed_in = store()
    signed_in[auth.SESSION_KEY] = str(user.pk)
    signed_in[auth.BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    signed_in[auth.HASH_SESSION_KEY] = user.get_session_auth_hash()
    if notice:
        signed_in[privacy.SESSION_KEY] = notice.pk
    signed_in.create()
    keys.append(signed_in.session_key)
print("PLAN " + json.dumps({{"session": session.pk, "day": current_day(session).isoformat(),
                            "sessions": keys}}))
"""

HTTP_TALLY = r"""
import json
from django.db.models import Count
from attendance.models import AttendanceRecord
from cohorts.models import Enrolment

records = AttendanceRecord.objects.filter(session_id={session})
enrolled = Enrolment.objects.filter(cohort__sessions={session}).count()
print("TALLY " + json.dumps({{
    "records": records.count(),
    "lost": enrolled - records.values("enrolment").distinct().count(),
    "duplicated": records.values("enrolment", "day").annotate(n=Count("id"))
                         .filter(n__gt=1).count(),
}}))
"""

# The confirm form's hidden fields (CSRF token, the scan's proof), posted as a browser does.
HIDDEN_FIELD = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')
P99_GOAL_MS, WITHIN_GOAL_S = 300, 10


def _shell(env: dict, script: str, tag: str) -> dict:
    output = manage(env, "shell", "-c", script)
    return json.loads(
        next(line for line in output.splitlines() if line.startswith(tag))[len(tag) :]
    )


class Phones:
    """What the phones saw: latencies per step, errors by step and status, when each ended."""

    def __init__(self):
        self.ms = {"scan": [], "confirm": []}
        self.errors: Counter = Counter()
        self.finished: list[float] = []
        self.server_cpu = math.nan  # seconds, gunicorn's workers, while the phones ran

    async def request(self, http, step: str, method: str, url: str, **kwargs):
        started = time.perf_counter()
        try:
            async with http.request(method, url, allow_redirects=False, **kwargs) as answer:
                text = await answer.text()
        except Exception as error:  # a dropped connection or a timeout is a result here
            self.errors[(step, type(error).__name__)] += 1
            return None, ""
        self.ms[step].append((time.perf_counter() - started) * 1000)
        if answer.status != 200:
            self.errors[(step, answer.status)] += 1
            return None, ""
        return answer, text

    async def check_in(self, http, base: str, plan: dict, session_key: str, at: float):
        """One phone: scan the QR shown now, then confirm with the page's CSRF token."""
        await asyncio.sleep(max(0.0, at - time.perf_counter()))
        day = dt.date.fromisoformat(plan["day"])
        url = f"{base}/attendance/check-in/{tokens.make_token(plan['session'], day)}/"
        cookies = {settings.SESSION_COOKIE_NAME: session_key}
        answer, page = await self.request(http, "scan", "GET", url, cookies=cookies)
        if answer is None:
            return
        csrf = answer.cookies.get(settings.CSRF_COOKIE_NAME)
        cookies[settings.CSRF_COOKIE_NAME] = csrf.value if csrf else ""
        data = dict(HIDDEN_FIELD.findall(page))
        answer, _ = await self.request(
            http, "confirm", "POST", url, data=data, cookies=cookies, headers={"Referer": url}
        )
        if answer is not None:
            self.finished.append(time.perf_counter())


def _cpu_seconds(group: int) -> float:
    """User + system CPU of every process in a process group (gunicorn and its workers)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended while listed
            continue
        if int(fields[2]) == group:  # pgrp; utime and stime follow at 11 and 12
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


async def _drive(base: str, plan: dict, spread: float, warm: int, server: int):
    import aiohttp

    connector = aiohttp.TCPConnector(limit=0, force_close=True)  # a connection per phone
    timeout = aiohttp.ClientTimeout(total=120)
    # No shared jar: each phone sends its own cookies.
    async with aiohttp.ClientSession(
        connector=connector, timeout=timeout, cookie_jar=aiohttp.DummyCookieJar()
    ) as http:
        # Templates and connections warmed in every worker: scans only, nothing recorded.
        cookies = {settings.SESSION_COOKIE_NAME: plan["sessions"][0]}
        day = dt.date.fromisoformat(plan["day"])
        url = f"{base}/attendance/check-in/{tokens.make_token(plan['session'], day)}/"

        async def scan():
            async with http.get(url, cookies=cookies) as answer:
                await answer.read()

        await asyncio.gather(*(scan() for _ in range(warm)))
        phones, keys = Phones(), plan["sessions"]
        cpu = _cpu_seconds(server)
        started = time.perf_counter() + 0.5
        step = spread / len(keys)
        await asyncio.gather(
            *(
                phones.check_in(http, base, plan, key, started + n * step)
                for n, key in enumerate(keys)
            )
        )
        phones.server_cpu = _cpu_seconds(server) - cpu
    return phones, started


def _percentile(values: list[float], share: float) -> float:
    """Nearest rank; NaN without values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _met(ok: bool) -> str:
    return "met" if ok else "NOT met"


def _report(args, phones: Phones, started: float, tally: dict) -> None:
    wall = (max(phones.finished) - started) if phones.finished else math.nan
    requests = sum(len(ms) for ms in phones.ms.values()) + sum(
        count for (_, status), count in phones.errors.items() if not isinstance(status, int)
    )
    load = os.getloadavg()
    print(
        f"check-in over HTTP: {args.learners} learners arriving evenly over {args.spread:.1f} s; "
        f"gunicorn {args.workers} sync workers; {os.cpu_count()} cores, "
        f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}"
    )
    print(
        f"wall time (first scan sent to last confirm answered): {wall:.2f} s; "
        f"{requests} requests, {requests / wall:.0f} requests/s"
    )
    print(f"{'':16} {'answered':>8} {'p50 ms':>7} {'p90 ms':>7} {'p99 ms':>7} {'max ms':>7}")
    p99 = {}
    for step, ms in phones.ms.items():
        p99[step] = _percentile(ms, 0.99)
        print(
            f"{step:16} {len(ms):8} {_percentile(ms, 0.50):7.0f} {_percentile(ms, 0.90):7.0f} "
            f"{p99[step]:7.0f} {max(ms, default=math.nan):7.0f}"
        )
    errors = ", ".join(f"{step} {status}: {n}" for (step, status), n in sorted(
        phones.errors.items(), key=str)) or "none"  # fmt: skip
    print(f"errors by status: {errors}")
    per_check_in = phones.server_cpu * 1000 / max(1, len(phones.finished))
    print(
        f"gunicorn CPU: {phones.server_cpu:.1f} s, {per_check_in:.0f} ms per check-in "
        f"(scan + confirm; PostgreSQL's own CPU not included)"
    )
    print(
        f"database: records {tally['records']}, lost {tally['lost']}, "
        f"duplicated {tally['duplicated']}"
    )
    slowest = max(p99.values())
    print(
        f"goals: 0 lost: {_met(tally['lost'] == 0)}; "
        f"0 duplicated: {_met(tally['duplicated'] == 0)}; "
        f"p99 < {P99_GOAL_MS} ms (scan {p99['scan']:.0f}, confirm {p99['confirm']:.0f}): "
        f"{_met(slowest < P99_GOAL_MS)}; "
        f"all within {WITHIN_GOAL_S} s ({wall:.2f} s): "
        f"{_met(len(phones.finished) == args.learners and wall <= WITHIN_GOAL_S)}"
    )


def over_http(args) -> None:
    if not (os.environ.get("DATABASE_URL") and os.environ.get("REDIS_URL")):
        raise SystemExit("--http needs DATABASE_URL (PostgreSQL) and REDIS_URL")
    env = {
        **os.environ,
        "DATABASE_URL": bench_database_url(os.environ["DATABASE_URL"], "attendance"),
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "false",
        "SECRET_KEY": settings.SECRET_KEY,  # the QR codes are minted here, with this key
        "PYTHONWARNINGS": "ignore",
        "CACHE_KEY_PREFIX": "bench-attendance",
    }
    if ensure_database(env["DATABASE_URL"], fresh=False):
        print("made the benchmark database", flush=True)
    manage(env, "migrate", "-v0")
    plan = _shell(env, HTTP_PLAN.format(learners=args.learners), "PLAN ")
    port = free_port()
    server = start_gunicorn(env, port, args.workers)
    try:
        phones, started = asyncio.run(
            _drive(f"http://127.0.0.1:{port}", plan, args.spread, 4 * args.workers, server.pid)
        )
    finally:
        stop(server)
    _report(
        args, phones, started, _shell(env, HTTP_TALLY.format(session=plan["session"]), "TALLY ")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--http", action="store_true", help="phones against gunicorn")
    parser.add_argument("--learners", type=int, help="300 in process, 1000 over HTTP")
    parser.add_argument("--spread", type=float, default=9.0, help="--http: arrivals over (s)")
    parser.add_argument("--workers", type=int, default=3, help="--http: gunicorn workers")
    args = parser.parse_args()
    if args.http:
        args.learners = args.learners or 1000
        over_http(args)
    else:
        in_process(args.learners or 300)


if __name__ == "__main__":
    main()
