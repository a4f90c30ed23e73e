"""/me/ reads a fixed number of queries, whatever the size of the learner's cohort
(#16 item 7: at programme scale, benchmarks/portal.py prints the figures)."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cohorts.models import Enrolment
from tests.certificates.test_bounded_queries import cohort_of

pytestmark = pytest.mark.django_db
# The goal of #16 item 7 for a learner with attendance, accepted work and a certificate:
# the apps of /me/ share one read of the current enrolments, their cohorts' sessions,
# assignments and evaluations (cohorts.selectors.portal_enrolments), and the completion.
MOST = 20


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


def test_me_reads_at_most_20_queries(client, django_assert_max_num_queries):
    graduate = Enrolment.objects.filter(cohort=cohort_of(40), certificates__isnull=False).first()
    client.force_login(graduate.user)
    client.get("/me/")  # warm caches (site root, roles)
    with django_assert_max_num_queries(MOST):
        response = client.get("/me/")
    html = response.content.decode()
    # what the shared reads feed is all still there: attendance, work, certificate
    assert 'id="my-attendance"' in html and 'id="my-work"' in html and 'id="certificates"' in html
