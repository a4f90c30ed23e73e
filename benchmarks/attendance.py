"""Attendance at scale: prints time and queries for the matrix page, the CSV export,
and 300 QR check-ins arriving within 10 seconds (threads against the real database).

Run against PostgreSQL:
    DATABASE_URL=postgres://... python benchmarks/attendance.py
It creates its own cohort (slug bench-attendance) and removes it afterwards.
"""

import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

import datetime as dt  # noqa: E402

from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from attendance import tokens  # noqa: E402
from attendance.days import session_days  # noqa: E402
from attendance.models import AttendanceRecord, Method  # noqa: E402
from attendance.services import CheckInRefused, attendance_check_in_by_token  # noqa: E402
from cohorts.models import Cohort, Enrolment, Session  # noqa: E402

LEARNERS, SESSIONS, THREADS = 300, 20, 16


def build():
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
        for n in range(LEARNERS)
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


def timed_get(client, url):
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url, HTTP_HOST="127.0.0.1")
        elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return elapsed, len(queries)


def check_ins(session, users):
    """300 learners, all within ten seconds, from THREADS threads with their own connections."""
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


def main():
    Cohort.objects.filter(slug="bench-attendance").delete()
    cohort, today, users = build()
    try:
        coordinator = User.objects.filter(is_superuser=True).first() or User.objects.create(
            email="bench-admin@example.invalid", is_superuser=True, is_staff=True
        )
        client = Client()
        client.force_login(coordinator)
        for label, url in (
            ("matrix page", f"/admin/attendance/cohort/{cohort.pk}/"),
            ("CSV export", f"/cohorts/{cohort.slug}/attendance.csv"),
        ):
            cold, _ = timed_get(client, url)  # first request also loads templates and the admin
            elapsed, queries = timed_get(client, url)
            print(
                f"{label:<12} {LEARNERS}x{SESSIONS}: {elapsed * 1000:7.0f} ms warm "
                f"({cold * 1000:.0f} ms cold), {queries} queries"
            )
        elapsed, outcomes = check_ins(today, users)
        records = AttendanceRecord.objects.filter(session=today).count()
        print(
            f"QR check-ins: {len(outcomes)} in {elapsed:.2f} s with {THREADS} threads "
            f"({len(outcomes) / elapsed:.0f}/s); records: {records}; "
            f"ok: {outcomes.count('ok')}; refused: {len(outcomes) - outcomes.count('ok')}; "
            f"within 10 s: {'yes' if elapsed <= 10 else 'NO'}; "
            f"lost or duplicate: {'none' if records == LEARNERS else 'YES'}"
        )
    finally:
        AttendanceRecord.objects.filter(session__cohort=cohort).delete()
        Enrolment.objects.filter(cohort=cohort).delete()
        cohort.delete()
        User.objects.filter(email__endswith="@example.invalid").delete()


if __name__ == "__main__":
    main()
