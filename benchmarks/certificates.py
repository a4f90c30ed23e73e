"""Certificate rendering and issuance figures.

    python benchmarks/certificates.py [--renders 7] [--split 10] [--learners 20]

Prints the median time to render one certificate (raw WeasyPrint, then with
the credential embedded and the PAdES signature), and, when DATABASE_URL and
REDIS_URL point at PostgreSQL and Redis, the wall time to issue N certificates
end to end (claim, snapshot, sign credential, render, sign PDF, store) with
one and with two Celery worker processes. Before that it issues --split
certificates in this process and prints the median cost of each stage of one
certificate: render, PDF/A-3b (with the credential attached), credential,
signature, storage and database; what the worker run costs beyond their sum is
the queue (task round trip, claim and finish of the batch item). Throwaway
cohorts are created and removed again.
"""

import argparse
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402

from benchmarks.processes import stop  # noqa: E402
from certificates import pdf, services  # noqa: E402
from certificates.admin_views import sample_certificate  # noqa: E402


def _median(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def render_figures(runs: int) -> None:
    template = services.template_default()
    sample = sample_certificate(template)
    context = pdf.context_for(sample, "https://example.org/verify/SAMPLE/")
    context["verify_base"] = "https://example.org/verify/"
    jwt = "eyJhbGciOiJSUzI1NiJ9." + "x" * 2400 + ".sig"
    pdf.render(context)  # warm up fonts and templates
    raw = _median(lambda: pdf.render(context).content.write_pdf(), runs)
    full = _median(
        lambda: pdf.sign(pdf.write(pdf.render(context), credential_jwt=jwt, title="b"), reason="b"),
        runs,
    )
    print(
        f"render one certificate, raw WeasyPrint:          median {raw * 1000:7.0f} ms "
        f"({runs} runs)"
    )
    print(f"render + PDF/A-3b + credential + PAdES signature: median {full * 1000:7.0f} ms")


STAGES = ["render", "PDF/A", "credential", "signature", "storage", "database"]


def _timed(stages: dict, name: str, func, *args, **kwargs):
    start = time.perf_counter()
    value = func(*args, **kwargs)
    stages[name].append(time.perf_counter() - start)
    return value


def split_figures(certificates: int) -> dict[str, float]:
    """The median seconds of each stage of issuing one certificate, in this process."""
    from certificates import credential, urls_util
    from certificates.models import Certificate
    from core.urls import absolute_url

    storage = Certificate._meta.get_field("pdf").storage
    template = services.template_default()
    cohort = _cohort(certificates)
    stages: dict[str, list[float]] = {name: [] for name in STAGES}
    try:
        for enrolment in cohort.enrolments.all():
            issue = time.perf_counter()
            certificate, _ = services.certificate_issue(
                enrolment=enrolment, override_reason="benchmark", template=template
            )
            issue = time.perf_counter() - issue
            document = credential.credential_document(certificate)
            jwt = _timed(stages, "credential", credential.sign, document)
            # Issuing signed the credential too; the rest of it is database work.
            stages["database"].append(issue - stages["credential"][-1])
            context = pdf.context_for(certificate, urls_util.verify_url(certificate))
            context["verify_base"] = absolute_url("/verify/")
            rendered = _timed(stages, "render", pdf.render, context)
            content = _timed(stages, "PDF/A", pdf.write, rendered, credential_jwt=jwt, title="b")
            signed = _timed(stages, "signature", pdf.sign, content, reason="b")
            path = f"certificates/bench/{certificate.verification_id}.pdf"
            name = _timed(stages, "storage", storage.save, path, ContentFile(signed))
            storage.delete(name)
    finally:
        _cleanup(cohort)
    medians = {name: statistics.median(times) for name, times in stages.items()}
    for name in STAGES:
        print(f"  {name:<11} {medians[name] * 1000:7.1f} ms per certificate")
    print(f"  {'sum':<11} {sum(medians.values()) * 1000:7.1f} ms  ({certificates} in process)")
    return medians


def _cohort(learners: int):
    from django.test.utils import override_settings

    from tests.factories import CohortFactory, EnrolmentFactory

    cohort = CohortFactory(slug=f"bench-{int(time.time())}", number=9000 + int(time.time()) % 999)
    # Throwaway accounts nobody signs in to: the fast hasher, or hashing the factories'
    # passwords takes 0.24 s a learner (8 minutes for 2,000, twice).
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        for _ in range(learners):
            tag = time.time_ns()
            EnrolmentFactory(
                cohort=cohort,
                user__email=f"bench-{tag}@example.org",
                user__organisation__name_th=f"เทศบาลทดสอบ bench-{tag}",
                user__organisation__name_en=f"Bench Municipality {tag}",
            )
    return cohort


def _remove_leftovers() -> None:
    """Cohorts an earlier run left behind when it was interrupted."""
    from cohorts.models import Cohort

    # Only this benchmark's own (bench-<time>): other benchmarks' cohorts are left alone.
    for cohort in Cohort.objects.filter(slug__regex=r"^bench-[0-9]+$"):
        _cleanup(cohort)


def _cleanup(cohort) -> None:
    from certificates.models import Certificate, IssuanceBatch

    users = [e.user for e in cohort.enrolments.all()]
    IssuanceBatch.objects.filter(cohort=cohort).delete()
    Certificate.objects.filter(cohort=cohort, superseded_by__isnull=False).update(
        superseded_by=None
    )
    Certificate.objects.filter(cohort=cohort).delete()
    cohort.enrolments.all().delete()
    cohort.delete()
    for user in users:
        organisation = user.organisation
        user.delete()
        if organisation and not organisation.people.exists():
            organisation.delete()


def _cpu_seconds(worker_pid: int) -> dict[tuple[str, int], float]:
    """CPU seconds so far of each process that takes part, keyed by (role, pid)."""
    import psutil

    def used(process) -> float:
        times = process.cpu_times()
        return times.user + times.system

    seconds: dict[tuple[str, int], float] = {}
    parent = psutil.Process(worker_pid)
    seconds[("worker's main process", parent.pid)] = used(parent)
    for child in parent.children(recursive=True):
        seconds[("worker's pool processes", child.pid)] = used(child)
    for process in psutil.process_iter(["name"]):
        name = process.info["name"] or ""
        role = "PostgreSQL" if name.startswith("postgres") else "Redis" if "redis" in name else ""
        if role:
            with contextlib.suppress(psutil.Error):  # ended meanwhile
                seconds[(role, process.pid)] = used(process)
    seconds[("this benchmark", os.getpid())] = sum(os.times()[:2])
    return seconds


def _cpu_per_certificate(before: dict, after: dict, certificates: int) -> str:
    roles: dict[str, float] = {}
    for (role, pid), seconds in after.items():
        roles[role] = roles.get(role, 0.0) + seconds - before.get((role, pid), 0.0)
    return ", ".join(f"{role} {s / certificates * 1000:.1f}" for role, s in roles.items())


def _wait_for_emails(cohort, timeout: float = 600) -> float:
    """The holders' emails are queued behind the batch's chunks: wait until the worker
    has sent them, so that none is left on Redis for the next run's workers."""
    from certificates.models import Certificate

    start = time.perf_counter()
    unsent = Certificate.objects.filter(cohort=cohort, emailed_at__isnull=True)
    while unsent.exists() and time.perf_counter() - start < timeout:
        time.sleep(0.2)
    return time.perf_counter() - start


def issue_figures(learners: int) -> dict[int, float]:
    """Seconds per certificate, issued end to end by 1 and by 2 worker processes."""
    from certificates.models import IssuanceBatch

    each = {}
    for concurrency in (1, 2):
        cohort = _cohort(learners)
        worker = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--loglevel=WARNING",
                f"--concurrency={concurrency}",
                "--pool=prefork",
                "-n",
                f"bench{concurrency}@%h",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            _wait_until_ready(f"bench{concurrency}@{socket.gethostname()}")
            cpu = _cpu_seconds(worker.pid)
            start = time.perf_counter()
            batch = services.batch_start(cohort=cohort)
            while batch.status != IssuanceBatch.Status.FINISHED:
                time.sleep(0.2)
                batch.refresh_from_db()
            elapsed = time.perf_counter() - start
            cpu = _cpu_per_certificate(cpu, _cpu_seconds(worker.pid), learners)
            each[concurrency] = elapsed / learners
            print(
                f"issue {learners} certificates end to end, {concurrency} worker process(es): "
                f"{elapsed:6.1f} s ({elapsed / learners * 1000:.0f} ms each, {batch.failed} failed)"
            )
            print(f"  CPU ms per certificate: {cpu}")
            print(f"  their emails sent {_wait_for_emails(cohort):.1f} s after the batch finished")
        finally:
            stop(worker)
            _cleanup(cohort)
    return each


def print_goals(stages: dict[str, float], each: dict[int, float]) -> None:
    pipeline = stages["render"] + stages["PDF/A"] + stages["signature"]
    queue = each[1] - sum(stages.values())
    print(f"  {'queue':<11} {queue * 1000:7.1f} ms per certificate (1 worker end to end - sum)")
    print(
        f"end to end, 1 worker / (render + PDF/A + signature): {each[1] / pipeline:.2f} "
        "(goal <= 1.25)"
    )
    print(f"2 workers / 1 worker speed: {each[1] / each[2]:.2f}x (goal >= 1.8)")
    print(f"2,000 certificates with 2 workers: {2000 * each[2]:.0f} s (goal <= 120 s)")


def _wait_until_ready(node: str, timeout: float = 120) -> None:
    """Worker start-up is not part of issuing: wait until the node answers a ping.

    A fixed sleep was too short on a loaded machine, and the figure then
    counted seconds of Django and Celery starting up.
    """
    from config.celery_app import app

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if app.control.ping(destination=[node], timeout=1.0):
            time.sleep(1)  # worker_ready's resume of running batches is done by now
            return
    raise SystemExit(f"worker {node} did not start within {timeout:.0f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=7)
    parser.add_argument("--split", type=int, default=10)
    parser.add_argument("--learners", type=int, default=20)
    args = parser.parse_args()
    load = os.getloadavg()
    print(f"CPU cores: {os.cpu_count()}, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    render_figures(args.renders)
    if not (settings.DATABASE_URL and settings.REDIS_URL):
        print("issue N end to end: needs DATABASE_URL (PostgreSQL) and REDIS_URL; skipped")
        return
    _remove_leftovers()
    print("cost of one certificate, by stage:")
    stages = split_figures(args.split)
    each = issue_figures(args.learners)
    print_goals(stages, each)


if __name__ == "__main__":
    main()
