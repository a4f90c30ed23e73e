"""/me/ reads a fixed number of queries, whatever the size of the learner's cohort
(#16 item 7: at programme scale, benchmarks/portal.py prints the figures)."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cohorts.models import Enrolment
from tests.certificates.test_bounded_queries import cohort_of

pytestmark = pytest.mark.django_db
# Today's figure for a learner with attendance, accepted work and a certificate; the
# goal is 20 (docs/performance.md says what is left). It must not grow.
MOST = 34


def me_queries(client, cohort) -> int:
    graduate = Enrolment.objects.filter(cohort=cohort, certificates__isnull=False).first()
    client.force_login(graduate.user)
    client.get("/me/")  # warm caches (site root, roles)
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/me/").status_code == 200
    return len(captured)


def test_me_reads_the_same_queries_in_a_cohort_of_5_or_40(client):
    small, large = me_queries(client, cohort_of(5)), me_queries(client, cohort_of(40))
    assert small == large
    assert large <= MOST
