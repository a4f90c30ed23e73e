"""Handing in work: versions, teams and individuals, lateness, extensions, refusals."""

import datetime as dt

import pytest

from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone, translation

from assignments import services
from assignments.models import Assignment, Submission, SubmissionVersion, VersionFile
from tests.assignments.factories import AssignmentFactory, pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def submit(assignment, user, name="report.pdf", content=None, text="", at=None):
    content = pdf_bytes() if content is None else content
    return services.submission_submit(
        assignment=assignment, user=user, text=text, files=[upload(name, content)], at=at
    )


def test_a_resubmission_adds_a_version_and_keeps_the_first(assignment, learner):
    first = submit(assignment, learner, "v1.pdf", text="first")
    first_file = first.files.get()
    second = submit(assignment, learner, "v2.pdf", text="second")
    assert (first.number, second.number) == (1, 2)
    assert first.submission_id == second.submission_id
    first_file.refresh_from_db()
    assert first_file.name == "v1.pdf"
    assert first_file.file.read() == pdf_bytes()
    assert SubmissionVersion.objects.get(pk=first.pk).text == "first"


def test_any_team_member_submits_to_the_one_team_submission(assignment, learner, team_mate):
    one = submit(assignment, learner)
    two = submit(assignment, team_mate)
    assert one.submission_id == two.submission_id
    assert one.submission.team == assignment.cohort.teams.get(members__user=learner)
    assert [v.submitted_by for v in (one, two)] == [learner, team_mate]
    assert Submission.objects.filter(assignment=assignment).count() == 1


def test_individual_assignments_have_one_submission_per_learner(cohort, learner, team_mate):
    assignment = AssignmentFactory(cohort=cohort, kind=Assignment.Kind.INDIVIDUAL)
    one, two = submit(assignment, learner), submit(assignment, team_mate)
    assert one.submission_id != two.submission_id
    assert one.submission.learner == learner and one.submission.team is None


def test_a_learner_without_a_team_cannot_hand_in_team_work(cohort):
    from tests.factories import EnrolmentFactory

    loner = EnrolmentFactory(cohort=cohort, team=None).user
    with pytest.raises(services.SubmissionError, match="not in a team"):
        submit(AssignmentFactory(cohort=cohort), loner)


def test_someone_outside_the_cohort_cannot_hand_in(assignment):
    from tests.factories import UserFactory

    with pytest.raises(services.SubmissionError, match="not enrolled"):
        submit(assignment, UserFactory())


def test_work_after_the_due_date_is_accepted_and_marked_late(assignment, learner):
    version = submit(assignment, learner, at=assignment.due_at + dt.timedelta(minutes=1))
    assert version.is_late
    assert version.submission.status == Submission.Status.SUBMITTED


def test_work_before_the_due_date_is_not_late(assignment, learner):
    assert not submit(assignment, learner, at=assignment.due_at - dt.timedelta(minutes=1)).is_late


def test_a_team_extension_moves_the_due_date(assignment, learner, team, coordinator):
    later = assignment.due_at + dt.timedelta(days=3)
    services.extension_grant(assignment=assignment, team=team, due_at=later, granted_by=coordinator)
    version = submit(assignment, learner, at=assignment.due_at + dt.timedelta(days=1))
    assert not version.is_late
    assert version.due_at == later


def test_a_learner_extension_applies_to_individual_work_only_for_that_learner(
    cohort, learner, team_mate
):
    assignment = AssignmentFactory(cohort=cohort, kind=Assignment.Kind.INDIVIDUAL)
    services.extension_grant(
        assignment=assignment, learner=learner, due_at=assignment.due_at + dt.timedelta(days=3)
    )
    when = assignment.due_at + dt.timedelta(days=1)
    assert not submit(assignment, learner, at=when).is_late
    assert submit(assignment, team_mate, at=when).is_late


def test_an_extension_needs_exactly_one_owner(assignment, team, learner):
    with pytest.raises(ValidationError):
        services.extension_grant(
            assignment=assignment, team=team, learner=learner, due_at=timezone.now()
        )


def test_a_refused_file_leaves_earlier_versions_untouched(assignment, learner):
    first = submit(assignment, learner, "v1.pdf")
    with pytest.raises(services.SubmissionError):
        services.submission_submit(
            assignment=assignment,
            user=learner,
            files=[upload("good.pdf", pdf_bytes()), upload("fake.pdf", b"MZ" + b"\0" * 100)],
        )
    assert list(SubmissionVersion.objects.values_list("pk", flat=True)) == [first.pk]
    assert VersionFile.objects.count() == 1


def test_every_refusal_is_reported_at_once(assignment, learner):
    with pytest.raises(services.SubmissionError) as error:
        services.submission_submit(
            assignment=assignment,
            user=learner,
            files=[upload("empty.pdf", b""), upload("photo.pdf", png_bytes())],
        )
    assert len(error.value.messages) == 2


def test_nothing_to_hand_in_is_refused(assignment, learner):
    with pytest.raises(services.SubmissionError, match="Write something"):
        services.submission_submit(assignment=assignment, user=learner, text="  ")


def test_accepted_work_takes_no_more_versions(assignment, learner, facilitator):
    version = submit(assignment, learner)
    services.review_record(
        submission=version.submission,
        reviewer=facilitator,
        feedback="ดีมาก",
        decision="accepted",
        levels={c.id: 0 for c in assignment.criteria},
        notify=False,
    )
    with pytest.raises(services.SubmissionError, match="accepted"):
        submit(assignment, learner)


def test_a_draft_keeps_text_without_handing_it_in(assignment, learner):
    submission = services.submission_save_draft(assignment=assignment, user=learner, text="ร่าง")
    assert submission.status == Submission.Status.DRAFT
    assert not submission.versions.exists()


def test_a_version_cannot_be_changed_or_deleted_through_the_models(assignment, learner):
    version = submit(assignment, learner)
    version.text = "rewritten"
    with pytest.raises(ValidationError):
        version.save()
    with pytest.raises(ValidationError):
        version.delete()
    with pytest.raises(ValidationError):
        version.files.get().delete()


def test_the_database_refuses_to_rewrite_a_version(assignment, learner):
    version = submit(assignment, learner)
    with pytest.raises((DatabaseError, IntegrityError)), transaction.atomic():
        SubmissionVersion.objects.filter(pk=version.pk).update(text="rewritten")
    with pytest.raises((DatabaseError, IntegrityError)), transaction.atomic():
        VersionFile.objects.filter(version=version).update(name="other.pdf")


def test_the_database_refuses_to_delete_a_version_on_postgresql(assignment, learner, postgres):
    version = submit(assignment, learner)
    with pytest.raises(DatabaseError), transaction.atomic():
        SubmissionVersion.objects.filter(pk=version.pk)._raw_delete(using="default")


def test_files_are_stored_in_the_private_store_under_a_generated_name(assignment, learner):
    from django.conf import settings

    record = submit(assignment, learner, "../../../etc/แผน.pdf").files.get()
    assert record.name == "แผน.pdf"
    assert record.file.path.startswith(settings.PRIVATE_MEDIA_ROOT)
    assert "แผน" not in record.file.name and ".." not in record.file.name
