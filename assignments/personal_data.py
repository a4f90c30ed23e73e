"""Assignments' part of a person's data (accounts.personal_data): work handed in, its reviews."""

from django.db.models import Q

from accounts.models import User
from accounts.personal_data import ExportedPart, iso
from assignments.models import Submission, SubmissionVersion


def _submissions(user: User):
    """Their own work, and team work they handed in themselves."""
    handed_in = SubmissionVersion.objects.filter(submitted_by=user).values("submission_id")
    return Submission.objects.filter(Q(learner=user) | Q(pk__in=handed_in)).distinct()


def _version(version, files: list) -> dict:
    names = []
    for f in version.files.all():
        path = f"{version.submission_id}/v{version.number}/{f.name}"
        files.append((path, f.file))
        names.append(f"files/assignments/{path}")
    return {
        "number": version.number,
        "submitted_at": iso(version.submitted_at),
        "late": version.is_late,
        "text": version.text,
        "files": names,
    }


def _review(review, files: list) -> dict:
    name = None
    if review.file:
        name = f"{review.submission_id}/reviews/{review.pk}-{review.file_name or 'feedback'}"
        files.append((name, review.file))
    return {
        "version": review.version.number,
        "reviewed_at": iso(review.created_at),
        "decision": review.decision,
        "scores": review.scores,
        "total": str(review.total_points),
        "out_of": str(review.max_points),
        "feedback": review.feedback,
        "file": name and f"files/assignments/{name}",
    }


def assignments_export(user: User) -> ExportedPart:
    submissions = (
        _submissions(user)
        .select_related("assignment", "team")
        .prefetch_related("versions__files", "reviews__version")
    )
    files: list = []
    rows = [
        {
            "assignment": s.assignment.title_th,
            "team": s.team.name if s.team_id else None,
            "status": s.status,
            "draft_text": s.draft_text if s.learner_id == user.pk else "",
            "versions": [_version(v, files) for v in s.versions.all()],
            "reviews": [_review(r, files) for r in s.reviews.all()],
        }
        for s in submissions.order_by("assignment_id", "pk")
    ]
    return ExportedPart({"submissions": rows}, files)


def assignments_erase(user: User) -> dict[str, int]:
    """Handed-in versions are the programme's record and never change: team work keeps the
    team's name, and the person who handed it in is the pseudonymised account. Drafts of their
    own work that were never handed in are erased."""
    drafts = Submission.objects.filter(learner=user).exclude(draft_text="").update(draft_text="")
    return {"drafts": drafts}
