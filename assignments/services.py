"""Writes: opening, drafting and submitting work; reviewing it; extensions; copying.

Every rule is decided here, for the portal, the admin, the demo and the tests.
Handed-in work only ever grows: a submit adds a version, a review adds a review.
"""

import datetime as dt
import logging
import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assignments.access import current_enrolment
from assignments.models import (
    Assignment,
    AssignmentAttachment,
    Extension,
    Review,
    Submission,
    SubmissionVersion,
    VersionFile,
)
from assignments.selectors import effective_due
from assignments.uploads import EXTENSIONS, UploadRefused, inspect_upload
from cohorts.models import Cohort
from core.delivery import Outbox, deliver_once, stale_ids
from core.storage import private_storage

logger = logging.getLogger(__name__)
MAX_FILES = 10
REVIEW_FILE_MB = 20


class SubmissionError(ValidationError):
    """A submit or review that was refused; earlier versions are untouched."""


def _owner(assignment: Assignment, user) -> dict:
    enrolment = current_enrolment(user, assignment.cohort_id)
    if enrolment is None:
        raise SubmissionError(_("You are not enrolled in this assignment's cohort."))
    if not assignment.is_team:
        return {"learner": user}
    if enrolment.team_id is None:
        raise SubmissionError(
            _("This is a team assignment and you are not in a team yet. Ask the programme team.")
        )
    return {"team": enrolment.team}


def submission_open(*, assignment: Assignment, user) -> Submission:
    """The owner's submission, created as a draft the first time."""
    owner = _owner(assignment, user)
    try:
        with transaction.atomic():
            submission, _created = Submission.objects.get_or_create(assignment=assignment, **owner)
    except IntegrityError:  # a team mate opened it at the same moment
        submission = Submission.objects.get(assignment=assignment, **owner)
    return submission


def submission_save_draft(*, assignment: Assignment, user, text: str) -> Submission:
    submission = submission_open(assignment=assignment, user=user)
    if submission.status == Submission.Status.ACCEPTED:
        raise SubmissionError(_("This work has been accepted; there is nothing more to hand in."))
    submission.draft_text = text
    submission.save(update_fields=["draft_text", "updated_at"])
    return submission


def _inspect_all(assignment: Assignment, files) -> list:
    if len(files) > MAX_FILES:
        raise SubmissionError(_("Hand in at most %(n)s files at a time.") % {"n": MAX_FILES})
    inspected, errors = [], []
    for upload in files:
        try:
            inspected.append(
                (
                    upload,
                    inspect_upload(
                        upload,
                        accepted_kinds=assignment.accepted_kinds,
                        max_bytes=assignment.max_bytes,
                    ),
                )
            )
        except UploadRefused as refusal:
            errors.append(refusal.message)
    if errors:
        raise SubmissionError(errors)
    return inspected


def _stored_name(name: str) -> str:
    ext = name.rsplit(".", 1)[-1] if "." in name else "bin"
    return f"{uuid.uuid4().hex}.{ext}"


def _save_files(version: SubmissionVersion, inspected, saved: list[str]) -> None:
    for upload, info in inspected:
        record = VersionFile(
            version=version,
            name=info.name,
            kind=info.kind,
            content_type=info.content_type,
            size=info.size,
            sha256=info.sha256,
        )
        upload.seek(0)
        record.file.save(_stored_name(info.name), upload, save=False)
        saved.append(record.file.name)
        record.full_clean()
        record.save()


def submission_submit(
    *, assignment: Assignment, user, text: str = "", files=(), at: dt.datetime | None = None
) -> SubmissionVersion:
    """Hand in text and files as a new version; refused whole if any file is refused.

    ``at`` is the moment of handing in: now, except for imports and the demo.
    """
    text = (text or "").strip()
    if not text and not files:
        raise SubmissionError(_("Write something or choose at least one file to hand in."))
    inspected = _inspect_all(assignment, list(files))
    submission = submission_open(assignment=assignment, user=user)
    saved: list[str] = []
    try:
        with transaction.atomic():
            submission = Submission.objects.select_for_update().get(pk=submission.pk)
            if submission.status == Submission.Status.ACCEPTED:
                raise SubmissionError(
                    _("This work has been accepted; there is nothing more to hand in.")
                )
            due_at, _extended = effective_due(
                assignment, team=submission.team, learner=submission.learner
            )
            now = at or timezone.now()
            last = submission.versions.order_by("-number").values_list("number", flat=True).first()
            version = SubmissionVersion(
                submission=submission,
                number=(last or 0) + 1,
                submitted_by=user,
                submitted_at=now,
                due_at=due_at,
                is_late=now > due_at,
                text=text,
            )
            version.full_clean()
            version.save()
            _save_files(version, inspected, saved)
            submission.status = Submission.Status.SUBMITTED
            submission.draft_text = ""
            submission.save(update_fields=["status", "draft_text", "updated_at"])
    except Exception:
        for name in saved:  # the rows rolled back; do not leave their files behind
            private_storage().delete(name)
        raise
    return version


def _scores(assignment: Assignment, levels: dict) -> tuple[list[dict], Decimal, Decimal]:
    scores, total, maximum = [], Decimal(0), Decimal(0)
    for criterion in assignment.criteria:
        index = levels.get(criterion.id)
        if index is None or not 0 <= int(index) < len(criterion.levels):
            raise SubmissionError(
                _("Choose a level for “%(criterion)s”.") % {"criterion": criterion.title}
            )
        level = criterion.levels[int(index)]
        scores.append(
            {
                "criterion_id": criterion.id,
                "criterion": criterion.title,
                "criterion_en": criterion.title_en,
                "level": level.label,
                "points": str(level.points),
                "max_points": str(criterion.max_points),
            }
        )
        total += level.points
        maximum += criterion.max_points
    return scores, total, maximum


def _review_file(review: Review, upload) -> None:
    kinds = list(EXTENSIONS)
    try:
        info = inspect_upload(upload, accepted_kinds=kinds, max_bytes=REVIEW_FILE_MB * 1024 * 1024)
    except UploadRefused as refusal:
        raise SubmissionError(refusal.message) from None
    upload.seek(0)
    review.file_name = info.name
    review.file.save(_stored_name(info.name), upload, save=False)


def review_record(
    *,
    submission: Submission,
    reviewer,
    levels: dict,
    feedback: str,
    decision: str,
    file=None,
    at: dt.datetime | None = None,
    notify: bool = True,
) -> Review:
    """Score the latest version against the rubric, give feedback, return or accept it.

    The team or learner is emailed after commit, unless ``notify`` is off (demo, imports).
    """
    feedback = (feedback or "").strip()
    if not feedback:
        raise SubmissionError(_("Write feedback for the team before returning or accepting."))
    if decision not in Review.Decision.values:
        raise SubmissionError(_("Choose whether to return the work or accept it."))
    scores, total, maximum = _scores(submission.assignment, levels)
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        if submission.status != Submission.Status.SUBMITTED:
            raise SubmissionError(
                _("Only work that has been handed in and not yet reviewed can be reviewed.")
            )
        version = submission.versions.order_by("-number").first()
        review = Review(
            submission=submission,
            version=version,
            reviewer=reviewer,
            scores=scores,
            total_points=total,
            max_points=maximum,
            feedback=feedback,
            decision=decision,
            created_at=at or timezone.now(),
        )
        if not notify:
            review.notification = Review.Notification.SKIPPED
        if file:
            _review_file(review, file)
        review.full_clean()
        review.save()
        submission.status = decision  # the decisions are named after the statuses they set
        submission.save(update_fields=["status", "updated_at"])
        if notify:
            from assignments.tasks import review_notify_task

            transaction.on_commit(lambda: review_notify_task.delay(review.pk))
    return review


def _recipients(submission: Submission) -> list[str]:
    if submission.learner_id:
        return [submission.learner.email]
    return sorted(submission.team.members.current().values_list("user__email", flat=True))


# The review's notification field is its email ledger (core.delivery).
REVIEW_EMAILS = Outbox.for_status(
    Review, field_name="notification", claimed_at=None, sent_at="notified_at"
)


def reviews_notify_stale(*, now=None) -> list[int]:
    """Reviews whose email task was lost; the claim sends each one once."""
    return stale_ids(REVIEW_EMAILS, now=now)


def review_notify(*, review_id: int) -> bool:
    """Email the team or learner about a review, exactly once (a conditional claim)."""
    related = (
        "submission__assignment__cohort",
        "submission__team",
        "submission__learner",
        "reviewer",
    )
    return deliver_once(REVIEW_EMAILS, pk=review_id, send=_send_review, select_related=related)


def _send_review(review: Review) -> None:
    from core.emails import send

    context = {
        "review": review,
        "submission": review.submission,
        "assignment": review.submission.assignment,
    }
    send("assignment-reviewed", _recipients(review.submission), context)


def extension_grant(
    *,
    assignment: Assignment,
    due_at: dt.datetime,
    granted_by=None,
    team=None,
    learner=None,
    reason: str = "",
) -> Extension:
    """Move the due date for one team or learner (replacing an earlier extension)."""
    with transaction.atomic():
        extension = Extension.objects.filter(
            assignment=assignment, team=team, learner=learner
        ).first()
        extension = extension or Extension(assignment=assignment, team=team, learner=learner)
        extension.due_at, extension.reason, extension.granted_by = due_at, reason, granted_by
        extension.full_clean()
        extension.save()
    return extension


def assignments_copy(*, source: Cohort, target: Cohort) -> list[Assignment]:
    """Copy a cohort's assignments into another, due dates moved by the cohorts' start gap.

    Sessions are matched by number; attachments come along; nothing handed in is copied.
    """
    if source.pk == target.pk:
        raise SubmissionError(_("Choose a different cohort to copy into."))
    shift = dt.timedelta(days=(target.starts_on - source.starts_on).days)
    sessions = {s.number: s for s in target.sessions.all()}
    copies = []
    with transaction.atomic():
        for original in source.assignments.select_related("session").prefetch_related(
            "attachments"
        ):
            copy = Assignment(
                cohort=target,
                session=sessions.get(original.session.number) if original.session else None,
                title_th=original.title_th,
                title_en=original.title_en,
                brief=original.brief,
                kind=original.kind,
                due_at=original.due_at + shift,
                accepted_kinds=list(original.accepted_kinds),
                max_file_mb=original.max_file_mb,
                rubric=original.rubric.raw_data,
                required_for_completion=original.required_for_completion,
            )
            copy.full_clean()
            copy.save()
            for attachment in original.attachments.all():
                AssignmentAttachment.objects.create(
                    assignment=copy,
                    document=attachment.document,
                    label=attachment.label,
                    sort_order=attachment.sort_order,
                )
            copies.append(copy)
    return copies
