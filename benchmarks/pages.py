"""Response time and query count of the public pages on the demo data, three ways.

Usage: python benchmarks/pages.py [--runs 30] [--seed]
Uses the configured database and cache (DATABASE_URL, REDIS_URL; else SQLite and local
memory); --seed runs seed_demo first. For each page, in both languages, it prints the
median (p50) and 90th percentile in milliseconds and the queries of one request:

  uncached  the page cache off (what every page costs to build)
  warm      the page cache on, after a first visit (what anonymous visitors get)
  publish   the first visit right after a page is published (the cache was cleared)

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
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from wagtail.models import Page  # noqa: E402

from benchmarks.measure import timed_get  # noqa: E402

PAGES = [
    ("home", "/"),
    ("programme", "/programme/"),
    ("module", "/programme/bcg-circular-economy/"),
    ("site visit", "/programme/khon-kaen-bcg/"),
    ("showcase", "/research/"),
    ("research theme", "/research/smart-health/"),
    ("research project", "/research/smart-health/khon-kaen-elderly-care/"),
    ("news index", "/news/"),
    ("news item", "/news/khon-kaen-bcg-visit/"),
    ("search", "/search/?q=ขอนแก่น"),
    ("verify", "/verify/"),
]


def _figures(timings: list[float], queries: int) -> str:
    p90 = statistics.quantiles(timings, n=10)[-1] if len(timings) > 1 else timings[0]
    return f"{statistics.median(timings):>7.1f} {p90:>7.1f} {queries:>4}"


def measure(client: Client, url: str, runs: int) -> tuple[str, str, str]:
    with override_settings(PAGE_CACHE_SECONDS=0):
        client.get(url)  # warm what is not the page cache: renditions, root paths, menus
        uncached = [timed_get(client, url) for _ in range(runs)]
    client.get(url)
    warm = [timed_get(client, url) for _ in range(runs)]
    after_publish = []
    page = Page.objects.live().filter(depth=2).first()
    for _ in range(max(3, runs // 5)):
        page.specific.save_revision().publish()  # clears the page cache (cms/apps.py)
        after_publish.append(timed_get(client, url))
    return tuple(  # type: ignore[return-value]
        _figures([t for t, _ in rows], rows[-1][1]) for rows in (uncached, warm, after_publish)
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seed", action="store_true")
    args = parser.parse_args()
    if args.seed:
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    client = Client(HTTP_HOST="localhost")
    cache = connection.settings_dict.get("NAME")
    print(f"database: {connection.vendor} ({cache}), runs per page: {args.runs}")
    head = f"{'p50':>7} {'p90':>7} {'q':>4}"
    print(f"{'page':<24} {'uncached':^20} | {'warm':^20} | {'after publish':^20}")
    print(f"{'':<24} {head} | {head} | {head}")
    for language in ("th", "en"):
        for name, path in PAGES:
            url = path if language == "th" else "/en" + path
            uncached, warm, published = measure(client, url, args.runs)
            print(f"{name + ' (' + language + ')':<24} {uncached} | {warm} | {published}")


if __name__ == "__main__":
    main()
