"""The portal, the coordinators' cohort pages and the programme dashboard at programme
scale (#16 item 7, #19 item 7).

Usage:
    DATABASE_URL=… REDIS_URL=… .venv/bin/python benchmarks/portal.py [--runs 20] [--seed]

On the data of ``seed_demo --scale programme`` (--seed loads it first: about a minute and
a half), with the Django test client in process, it prints the queries of one request and
the p50 / p90 milliseconds of --runs warm requests for: /me/ of a graduate of the
300-learner cohort (cohort 3), of a learner of a running cohort and of the ordinary demo
learner; the attendance matrix and the certificates page of cohort 3 (coordinator); the
programme dashboard and the results screen of the evaluation with the most responses.
Goals: /me/ ≤ 20 queries and ≤ 100 ms; the two cohort pages ≤ 20 queries; the dashboard
≤ 30 queries and ≤ 500 ms; an evaluation's results ≤ 15 queries.
Figures only: nothing here asserts a timing. docs/performance.md records a run.
"""

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402

from accounts.models import User  # noqa: E402
from benchmarks.measure import accept_notice, timed_get  # noqa: E402
from cohorts.models import Cohort, Enrolment  # noqa: E402
from evaluations.models import Evaluation  # noqa: E402

GOALS = {"me": (20, 100), "cohort": (20, None), "dashboard": (30, 500), "results": (15, None)}


def _pages() -> list[tuple[str, str, str, str]]:
    """(label, goal, who, url): who is the email of the person signed in."""
    large = Cohort.objects.get(number=3)
    graduate = Enrolment.objects.filter(cohort=large, certificates__isnull=False).order_by("pk")[0]
    running = Enrolment.objects.filter(cohort__status="running", cohort__number__gte=3)
    learner = running.order_by("cohort__number", "pk")[0]
    coordinator = "coordinator@example.org"
    size = large.enrolments.count()
    return [
        ("/me/ graduate of cohort 3", "me", graduate.user.email, "/me/"),
        (f"/me/ learner of cohort {learner.cohort.number}", "me", learner.user.email, "/me/"),
        ("/me/ demo learner (cohort 2)", "me", "learner@example.org", "/me/"),
        (f"attendance matrix ({size})", "cohort", coordinator,
         f"/admin/attendance/cohort/{large.pk}/"),
        (f"certificates cohort ({size})", "cohort", coordinator,
         f"/admin/issued-certificates/cohort/{large.pk}/"),
        ("programme dashboard", "dashboard", coordinator, "/admin/reporting/"),
    ] + _results_page(coordinator)  # fmt: skip


def _results_page(coordinator: str) -> list[tuple[str, str, str, str]]:
    answered = Evaluation.objects.annotate(responded=Count("responses"))
    evaluation = answered.order_by("-responded", "pk").first()
    if evaluation is None:
        return []
    label = f"evaluation results ({evaluation.responded})"
    return [(label, "results", coordinator, f"/admin/evaluations/results/{evaluation.pk}/")]


def _verdict(goal: str, queries: int, p50: float) -> str:
    most_queries, most_ms = GOALS[goal]
    met = queries <= most_queries and (most_ms is None or p50 <= most_ms)
    limit = f"≤ {most_queries} q" + (f", ≤ {most_ms} ms" if most_ms else "")
    return f"{'met' if met else 'NOT met'} ({limit})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", action="store_true", help="seed_demo --scale programme first")
    args = parser.parse_args()
    if args.seed:
        call_command("seed_demo", scale="programme")
    if not Cohort.objects.filter(number=3).exists():
        raise SystemExit("No programme-scale data: run seed_demo --scale programme (or --seed).")
    print(f"{'page':<34} {'queries':>7} {'p50 ms':>8} {'p90 ms':>8}  goal")
    for label, goal, email, url in _pages():
        client = Client()
        person = User.objects.get(email=email)
        accept_notice(person)
        client.force_login(person)
        # The first request loads templates and fills caches.
        timed_get(client, url, HTTP_HOST="127.0.0.1")
        timings, queries = [], 0
        for _ in range(args.runs):
            elapsed, queries = timed_get(client, url, HTTP_HOST="127.0.0.1")
            timings.append(elapsed)
        p50 = statistics.median(timings)
        p90 = statistics.quantiles(timings, n=10)[-1] if len(timings) > 1 else p50
        print(f"{label:<34} {queries:>7} {p50:>8.0f} {p90:>8.0f}  {_verdict(goal, queries, p50)}")


if __name__ == "__main__":
    main()
