"""Reads for the learner portal and the review queue, with bounded queries."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from accounts.access import is_coordinator
from accounts.models import User
from assignments.models import Assignment, Extension, Review, Submission, SubmissionVersion
from cohorts.models import Enrolment, Team


@dataclass
class AssignmentRow:
    assignment: Assignment
    enrolment: Enrolment
    submission: Submission | None
    due_at: dt.datetime
    extended: bool

    @property
    def status(self) -> str:
        return self.submission.status if self.submission else ""

    @property
    def is_overdue(self) -> bool:
        done = self.status in (Submission.Status.SUBMITTED, Submission.Status.ACCEPTED)
        return not done and timezone.now() > self.due_at

    @property
    def can_submit(self) -> bool:
        return not self.assignment.is_team or self.enrolment.team_id is not None


def extension_for(
    assignment: Assignment, *, team: Team | None = None, learner: User | None = None
) -> Extension | None:
    if team is None and learner is None:
        return None
    owner = Q(team=team) if team is not None else Q(learner=learner)
    return Extension.objects.filter(owner, assignment=assignment).first()


def effective_due(
    assignment: Assignment, *, team: Team | None = None, learner: User | None = None
) -> tuple[dt.datetime, bool]:
    """The due date for one owner: an extension moves it."""
    extension = extension_for(assignment, team=team, learner=learner)
    return (extension.due_at, True) if extension else (assignment.due_at, False)


def current_enrolments(user: User) -> list[Enrolment]:
    return list(Enrolment.objects.current().filter(user=user).select_related("cohort", "team"))


def assignment_rows(user: User, enrolments: list[Enrolment] | None = None) -> list[AssignmentRow]:
    """Every assignment of the person's current cohorts, with their submission and due date."""
    enrolments = current_enrolments(user) if enrolments is None else enrolments
    by_cohort = {e.cohort_id: e for e in enrolments}
    team_ids = [e.team_id for e in enrolments if e.team_id]
    # Read onto the cohorts, where the completion check finds them again (no second read).
    cohorts = [e.cohort for e in enrolments]
    prefetch_related_objects(
        cohorts, Prefetch("assignments", queryset=Assignment.objects.select_related("session"))
    )
    assignments = [a for cohort in cohorts for a in cohort.assignments.all()]
    owned = Q(team_id__in=team_ids) | Q(learner=user)
    submissions = {
        s.assignment_id: s
        for s in Submission.objects.filter(owned, assignment__cohort_id__in=by_cohort)
    }
    extensions = {
        x.assignment_id: x
        for x in Extension.objects.filter(owned, assignment__cohort_id__in=by_cohort)
    }
    rows = []
    for assignment in assignments:
        extension = extensions.get(assignment.pk)
        rows.append(
            AssignmentRow(
                assignment=assignment,
                enrolment=by_cohort[assignment.cohort_id],
                submission=submissions.get(assignment.pk),
                due_at=extension.due_at if extension else assignment.due_at,
                extended=extension is not None,
            )
        )
    return rows


def owner_submission(assignment: Assignment, enrolment: Enrolment) -> Submission | None:
    if assignment.is_team:
        if not enrolment.team_id:
            return None
        return Submission.objects.filter(assignment=assignment, team_id=enrolment.team_id).first()
    return Submission.objects.filter(assignment=assignment, learner_id=enrolment.user_id).first()


def submission_history(submission: Submission) -> list[SubmissionVersion]:
    """Versions newest first, each with its files, who submitted it and its review."""
    return list(
        submission.versions.select_related("submitted_by")
        .prefetch_related(
            "files",
            Prefetch("reviews", queryset=Review.objects.select_related("reviewer")),
        )
        .order_by("-number")
    )


def review_queue(user: User, *, status: str = Submission.Status.SUBMITTED) -> QuerySet[Submission]:
    """Submissions a reviewer looks after: teams they advise (all for coordinators)."""
    queryset = Submission.objects.select_related(
        "assignment__cohort", "team__organisation", "learner"
    ).prefetch_related(Prefetch("versions", queryset=SubmissionVersion.objects.order_by("-number")))
    if status:
        queryset = queryset.filter(status=status)
    else:
        queryset = queryset.exclude(status=Submission.Status.DRAFT)
    if not is_coordinator(user):
        advised = Enrolment.objects.current().filter(team__advisor=user).values("user_id")
        queryset = queryset.filter(Q(team__advisor=user) | Q(learner_id__in=advised))
    return queryset.order_by(
        "-assignment__cohort__number", "assignment__due_at", "updated_at", "pk"
    )
