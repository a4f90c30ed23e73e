import pytest

from tests.assignments.factories import AssignmentFactory
from tests.factories import EnrolmentFactory


@pytest.fixture
def advised_team(team, facilitator):
    """The learner's team, advised by the facilitator."""
    team.advisor = facilitator
    team.save()
    return team


@pytest.fixture
def assignment(cohort, advised_team):
    return AssignmentFactory(cohort=cohort)


@pytest.fixture
def team_mate(cohort, team):
    return EnrolmentFactory(cohort=cohort, team=team).user
