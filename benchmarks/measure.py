"""One timed request through the Django test client, with its query count, for a person
who has accepted the privacy notice as at first sign-in."""

import time

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext


def timed_get(client: Client, url: str, **extra) -> tuple[float, int]:
    """(milliseconds, queries) of one GET that must answer 200."""
    # The query log holds at most 9,000 entries: after a seed in the same process it is
    # full, and a full log counts every later request as 0 queries. Empty it first.
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        response = client.get(url, **extra)
        elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return elapsed, len(queries)


def accept_notice(person) -> None:
    """As the person does at first sign-in: people the benchmarks make (or the
    programme-scale seed's learners) have not accepted the privacy notice, and the gate
    would answer every page with a redirect to it."""
    from accounts.privacy import current_notice, has_accepted, notice_accept

    notice = current_notice()
    if notice and not has_accepted(person, notice):
        notice_accept(user=person, notice=notice)
