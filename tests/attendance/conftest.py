import pytest

from cohorts.models import Enrolment
from tests.attendance.factories import session_now
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory


@pytest.fixture
def session(cohort, facilitator):
    """Running now; the facilitator fixture facilitates it."""
    session = session_now(cohort)
    session.facilitators.add(facilitator)
    return session


@pytest.fixture
def enrolment(learner, cohort) -> Enrolment:
    return Enrolment.objects.get(user=learner, cohort=cohort)


@pytest.fixture
def other_facilitator(db):
    return UserFactory(roles=["Facilitator"])


@pytest.fixture
def outsider(db):
    """A learner enrolled in another cohort."""
    return EnrolmentFactory(cohort=CohortFactory()).user


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Typed-code attempt counters live in the cache; user ids repeat between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
