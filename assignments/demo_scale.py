"""Programme-scale work: every team's assignments handed in and reviewed.

The ordinary demo's four assignments per cohort; for each team assignment already due,
one version with a PDF file (stored, as the hand-in service stores it) and a review
scored against the rubric by the service's own scoring. Finished cohorts: all accepted.
Running cohorts: one team in five still waits for its review (the facilitator's queue).
"""

import datetime as dt
import hashlib

from django.core.files.base import ContentFile
from django.utils import timezone

from assignments.demo import FEEDBACK_ACCEPTED, _assignments, _cover
from assignments.models import Review, Submission, SubmissionVersion, VersionFile
from assignments.services import _scores, _stored_name
from cohorts.models import Enrolment


def _members(cohort) -> dict[int, list]:
    members: dict[int, list] = {}
    for enrolment in Enrolment.objects.filter(cohort=cohort).select_related("user", "team"):
        members.setdefault(enrolment.team_id, []).append(enrolment)
    return members


def _waiting(cohort, team_index: int) -> bool:
    return cohort.status == cohort.Status.RUNNING and team_index % 5 == 4


def _hand_in(assignment, teams, now) -> list[SubmissionVersion]:
    """One submission and first version per team, handed in three days before the due date."""
    due = assignment.due_at
    submissions = Submission.objects.bulk_create(
        Submission(
            assignment=assignment, team_id=team_id,
            status=Submission.Status.SUBMITTED if waiting else Submission.Status.ACCEPTED,
        )
        for team_id, _members, waiting in teams
    )  # fmt: skip
    return SubmissionVersion.objects.bulk_create(
        SubmissionVersion(
            submission=submission, number=1, submitted_by=members[0].user,
            submitted_at=min(due, now) - dt.timedelta(days=3), due_at=due, is_late=False,
            text=f"{assignment.title_th} ของ{members[0].team.name}",
        )
        for submission, (_team, members, _waiting) in zip(submissions, teams, strict=True)
    )  # fmt: skip


def _files(assignment, versions) -> None:
    content = _cover(assignment.title_th)
    digest, name = hashlib.sha256(content).hexdigest(), f"{assignment.title_th}.pdf"
    rows = []
    for version in versions:
        row = VersionFile(version=version, name=name, kind="pdf", size=len(content),
                          content_type="application/pdf", sha256=digest)  # fmt: skip
        row.file.save(_stored_name(name), ContentFile(content), save=False)
        rows.append(row)
    VersionFile.objects.bulk_create(rows)


def _reviews(assignment, versions, teams, coordinator) -> None:
    scores, total, maximum = _scores(assignment, {c.id: 0 for c in assignment.criteria})
    Review.objects.bulk_create(
        Review(
            submission_id=version.submission_id, version=version,
            reviewer=members[0].team.advisor or coordinator, scores=scores,
            total_points=total, max_points=maximum, feedback=FEEDBACK_ACCEPTED,
            decision=Review.Decision.ACCEPTED,
            created_at=version.submitted_at + dt.timedelta(days=2),
            notification=Review.Notification.SKIPPED,
        )
        for version, (_team, members, waiting) in zip(versions, teams, strict=True)
        if not waiting
    )  # fmt: skip


def seed(ctx) -> None:
    coordinator, now = ctx.data["coordinator@example.org"], timezone.now()
    versions_made = 0
    for cohort in ctx.data["scale_cohorts"]:
        members = _members(cohort)
        teams = [
            (team, rows, _waiting(cohort, n)) for n, (team, rows) in enumerate(members.items())
        ]
        for assignment in _assignments(cohort).values():
            if assignment.kind != "team" or assignment.due_at > now:
                continue
            versions = _hand_in(assignment, teams, now)
            _files(assignment, versions)
            _reviews(assignment, versions, teams, coordinator)
            versions_made += len(versions)
    ctx.say(f"Programme scale: {versions_made} team hand-ins with their files and reviews.")
