"""seed_demo's evaluations: both cohorts' past sessions, one waiting for the demo learner."""

import pytest

from django.utils import timezone

from cohorts.completion import completion_for_many
from cohorts.models import Enrolment
from evaluations.models import Evaluation, Kind
from evaluations.selectors import evaluation_results, waiting_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(demo_data):
    """The demo, seeded once for this module (tests/conftest.py)."""


def test_every_past_session_of_both_cohorts_has_an_evaluation_with_results(seeded):
    now = timezone.now()
    for slug in ("cohort-1", "cohort-2"):
        for evaluation in Evaluation.objects.filter(cohort__slug=slug, session__isnull=False):
            assert evaluation.session.ends_at <= now
            results = evaluation_results(evaluation)
            assert results.shown and results.average is not None
        assert Evaluation.objects.filter(cohort__slug=slug, session__isnull=False).count() >= 5
    comments = [
        c for r in evaluation_results(Evaluation.objects.first()).questions for c in r.comments
    ]
    assert comments and all(any("\u0e00" <= ch <= "\u0e7f" for ch in c) for c in comments)


def test_one_open_evaluation_waits_for_the_demo_learner(seeded, django_user_model):
    learner = django_user_model.objects.get(email="learner@example.org")
    [waiting] = waiting_for(learner)
    assert waiting.evaluation.cohort.slug == "cohort-2" and waiting.evaluation.is_open()


def test_cohort_1_returned_its_required_end_of_programme_evaluation(seeded):
    programme = Evaluation.objects.get(cohort__slug="cohort-1", kind=Kind.PROGRAMME)
    assert programme.required_for_completion
    enrolments = list(Enrolment.objects.current().filter(cohort__slug="cohort-1"))
    results = completion_for_many(enrolments)
    assert all(
        next(r for r in results[e.pk].results if r.name == "evaluation").met for e in enrolments
    )
