"""Median response time and query count of the public pages on the demo data.

Usage: python benchmarks/pages.py [--runs 30] [--seed]
Uses the configured database (DATABASE_URL or the SQLite file); --seed runs seed_demo first.
Prints one line per page: the median and 90th percentile in milliseconds and the queries.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PAGES = [
    ("home (th)", "/"),
    ("home (en)", "/en/"),
    ("programme (th)", "/programme/"),
    ("module (th)", "/programme/bcg-circular-economy/"),
    ("module (en)", "/en/programme/bcg-circular-economy/"),
    ("site visit (th)", "/programme/khon-kaen-bcg/"),
    ("site visit (en)", "/en/programme/khon-kaen-bcg/"),
    ("search (th)", "/search/?q=หมุนเวียน"),
]


def measure(client: Client, url: str, runs: int) -> tuple[float, float, int]:
    client.get(url)  # warm caches: renditions, site root paths, menus
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    p90 = statistics.quantiles(timings, n=10)[-1]
    return statistics.median(timings), p90, len(queries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seed", action="store_true")
    args = parser.parse_args()
    if args.seed:
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    client = Client(HTTP_HOST="localhost")
    print(f"database: {connection.vendor}, runs per page: {args.runs}")
    print(f"{'page':<18} {'median ms':>10} {'p90 ms':>8} {'queries':>8}")
    for name, url in PAGES:
        median, p90, queries = measure(client, url, args.runs)
        print(f"{name:<18} {median:>10.1f} {p90:>8.1f} {queries:>8}")


if __name__ == "__main__":
    main()
