"""seed_demo: assignments for both cohorts, all accepted in cohort-1, mixed in cohort-2."""

import pytest

from django.core.management import call_command

from assignments.models import Assignment, Review, Submission, SubmissionVersion, VersionFile

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]


def seed():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_each_cohort_has_the_three_research_assignments_and_more():
    for slug in ("cohort-1", "cohort-2"):
        titles = set(
            Assignment.objects.filter(cohort__slug=slug).values_list("title_en", flat=True)
        )
        assert {
            "Framing the city's problem",
            "Data collection plan",
            "Final research report",
        } <= titles
        assert all(a.criteria for a in Assignment.objects.filter(cohort__slug=slug))


def test_cohort_1_teams_are_all_accepted():
    team_work = Submission.objects.filter(assignment__cohort__slug="cohort-1", team__isnull=False)
    assert team_work.count() == 30
    assert set(team_work.values_list("status", flat=True)) == {"accepted"}


def test_cohort_2_teams_are_at_mixed_stages_with_versions_and_feedback():
    work = Submission.objects.filter(assignment__cohort__slug="cohort-2")
    assert {"draft", "submitted", "returned", "accepted"} <= set(
        work.values_list("status", flat=True)
    )
    assert SubmissionVersion.objects.filter(submission__in=work, number__gte=2).exists()
    assert SubmissionVersion.objects.filter(submission__in=work, is_late=True).exists()
    assert Review.objects.filter(submission__in=work, decision="returned").exists()


def test_demo_files_are_real_pdfs_in_the_private_store():
    from pypdf import PdfReader

    record = VersionFile.objects.first()
    with record.file.open("rb") as handle:
        assert len(PdfReader(handle).pages) == 1


def test_the_demo_learner_has_feedback_and_work_still_to_hand_in():
    mine = Submission.objects.filter(team__members__user__email="learner@example.org")
    assert mine.filter(status="returned").exists()
    report = Assignment.objects.get(cohort__slug="cohort-2", title_en="Final research report")
    assert not mine.filter(assignment=report).exists()


def test_seeding_twice_changes_nothing():
    before = (Assignment.objects.count(), SubmissionVersion.objects.count(), Review.objects.count())
    seed()
    assert (Assignment.objects.count(), SubmissionVersion.objects.count(),
            Review.objects.count()) == before  # fmt: skip
