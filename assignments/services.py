"""Writes: opening, drafting and submitting work; reviewing it; extensions; copying.

Every rule is decided here, for the portal, the admin, the demo and the tests.
Handed-in work only ever grows: a submit adds a version, a review adds a review.
"""

import datetime as dt
import logging
import uuid
from collections.abc import Iterable
from decimal import Decimal
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from assignments.access import current_enrolment
from assignments.models import (
    AdvisorNotice,
    Assignment,
    AssignmentAttachment,
    Delivery,
    Extension,
    Review,
    Submission,
    SubmissionVersion,
    VersionFile,
)
from assignments.selectors import effective_due
from cohorts.models import Cohort, Team
from core.delivery import STALE_AFTER, Outbox, deliver_once, pending_ids, stale_ids
from core.emails import send
from core.queue import enqueue
from core.storage import private_storage
from core.uploads import EXTENSIONS, UploadRefused, inspect_upload
from notifications.models import NoticeKind
from notifications.selectors import email_recipients
from notifications.services import line_queue, line_render

logger = logging.getLogger(__name__)
MAX_FILES = 10
REVIEW_FILE_MB = 20


class SubmissionError(ValidationError):
    """A submit or review that was refused; earlier versions are untouched."""


class ReviewOutdated(SubmissionError):
    """The team handed in a newer version after the reviewer opened the form."""

    def __init__(self, *, read: int, latest: int):
        self.read, self.latest = read, latest
        super().__init__(
            _(
                "Version %(latest)s was handed in after you opened version %(read)s, so this "
                "review was not saved. Read version %(latest)s below: your scores and feedback "
                "are still in the form, ready to send for version %(latest)s (choose a "
                "feedback file again if you attached one)."
            )
            % {"read": read, "latest": latest}
        )


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


def submission_open(*, assignment: Assignment, user: User) -> Submission:
    """The owner's submission, created as a draft the first time."""
    owner = _owner(assignment, user)
    try:
        with transaction.atomic():
            submission, _created = Submission.objects.get_or_create(assignment=assignment, **owner)
    except IntegrityError:  # a team mate opened it at the same moment
        submission = Submission.objects.get(assignment=assignment, **owner)
    return submission


def submission_save_draft(*, assignment: Assignment, user: User, text: str) -> Submission:
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
    *,
    assignment: Assignment,
    user: User,
    text: str = "",
    files: Iterable[File] = (),
    at: dt.datetime | None = None,
    notify: bool = True,
) -> SubmissionVersion:
    """Hand in text and files as a new version; refused whole if any file is refused.

    ``at`` is the moment of handing in: now, except for imports and the demo. The team's
    advisor is told after commit (hand-ins close together in one email) unless ``notify``
    is off (demo, imports).
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
            if notify:
                _advisor_notice(version, user)
    except Exception:
        for name in saved:  # the rows rolled back; do not leave their files behind
            private_storage().delete(name)
        raise
    return version


# Hand-ins within this long of the first are told to the advisor in one email.
ADVISOR_NOTICE_DELAY = dt.timedelta(minutes=5)


def _advisor_notice(version: SubmissionVersion, user) -> None:
    """Queue the advisor's notice of this hand-in (inside the submit's transaction)."""
    submission = version.submission
    team = submission.team
    if team is None:
        enrolment = current_enrolment(user, submission.assignment.cohort_id)
        team = enrolment.team if enrolment else None
    advisor = team.advisor if team else None
    if advisor is None or not advisor.is_active or not advisor.email:
        return
    AdvisorNotice.objects.create(version=version, advisor=advisor)
    from assignments.tasks import advisor_notify_task  # tasks import this module

    delay = ADVISOR_NOTICE_DELAY.total_seconds()
    transaction.on_commit(lambda: enqueue(advisor_notify_task, advisor.pk, countdown=delay))


def advisor_notify(*, advisor_id: int) -> bool:
    """Email the advisor every hand-in not yet told, in one message, each at most once.

    Each notice is claimed with a conditional update (pending -> sending), so a second
    task for the same advisor (one is queued per hand-in) finds nothing left and sends
    nothing. On a failure the claims are released for the task's retry or the sweep.
    """
    pending = AdvisorNotice.objects.filter(advisor_id=advisor_id, status=Delivery.PENDING)
    claimed = [
        pk
        for pk in pending.values_list("pk", flat=True)
        if AdvisorNotice.objects.filter(pk=pk, status=Delivery.PENDING).update(
            status=Delivery.SENDING, claimed_at=timezone.now()
        )
    ]
    if not claimed:
        return False
    notices = list(
        AdvisorNotice.objects.filter(pk__in=claimed)
        .select_related(
            "advisor",
            "version__submission__assignment__cohort",
            "version__submission__team",
            "version__submission__learner",
            "version__submitted_by",
        )
        .order_by("version__submitted_at")
    )
    try:
        send("assignment-handed-in", [notices[0].advisor.email], {"notices": notices})
    except Exception:
        AdvisorNotice.objects.filter(pk__in=claimed).update(
            status=Delivery.PENDING, claimed_at=None
        )
        raise
    AdvisorNotice.objects.filter(pk__in=claimed).update(
        status=Delivery.SENT, sent_at=timezone.now()
    )
    return True


def advisors_notify_stale(*, now: dt.datetime | None = None) -> list[int]:
    """Advisors with a notice whose task was lost: still pending well after its delay."""
    cutoff = (now or timezone.now()) - ADVISOR_NOTICE_DELAY - STALE_AFTER
    return sorted(
        set(
            AdvisorNotice.objects.filter(
                status=Delivery.PENDING, created_at__lt=cutoff
            ).values_list("advisor_id", flat=True)
        )
    )


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
    reviewer: User,
    levels: dict,
    feedback: str,
    decision: str,
    file: File | None = None,
    at: dt.datetime | None = None,
    notify: bool = True,
    version_number: int | None = None,
) -> Review:
    """Score the latest version against the rubric, give feedback, return or accept it.

    ``version_number`` is the version the reviewer read (the review form carries it): when
    the team has handed in a newer one since, the review is refused (ReviewOutdated), so
    scores written about one version are never attached to another. The team or learner is
    emailed after commit, unless ``notify`` is off (demo, imports).
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
        if version_number is not None and version.number != version_number:
            raise ReviewOutdated(read=version_number, latest=version.number)
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
            # Not at the top: assignments.tasks imports these services back.
            from assignments.tasks import review_notify_task

            transaction.on_commit(lambda: enqueue(review_notify_task, review.pk))
            _review_line_queue(review)
    return review


def _review_line_queue(review: Review) -> None:
    """A LINE message beside the email, for the owners who chose LINE for their work."""
    submission = review.submission
    owners = _owner_ids(team=submission.team, learner=submission.learner)
    context = {"review": review, "assignment": submission.assignment, "site_url": settings.SITE_URL}
    line_queue(
        user_ids=owners,
        kind=NoticeKind.WORK,
        key=f"review-{review.pk}",
        text=partial(line_render, "assignment-reviewed", context),
    )


def _owner_ids(*, team, learner) -> list[int]:
    if learner is not None:
        return [learner.pk]
    return list(team.members.current().values_list("user_id", flat=True))


def _owner_emails(*, team, learner) -> list[str]:
    """The learner, or the team's current members."""
    if learner is not None:
        return [learner.email]
    return sorted(team.members.current().values_list("user__email", flat=True))


def _recipients(submission: Submission) -> list[str]:
    return _owner_emails(team=submission.team, learner=submission.learner)


def _review_recipients(submission: Submission) -> list[str]:
    """The owners who keep email for returned or accepted work."""
    owners = _owner_ids(team=submission.team, learner=submission.learner)
    keep = email_recipients(user_ids=owners, kind=NoticeKind.WORK)
    return sorted(User.objects.filter(pk__in=keep).values_list("email", flat=True))


# The review's notification field is its email ledger (core.delivery).
REVIEW_EMAILS = Outbox.for_status(
    Review, field_name="notification", claimed_at=None, sent_at="notified_at"
)


def reviews_notify_stale(*, now: dt.datetime | None = None) -> list[int]:
    """Reviews whose email task was lost; the claim sends each one once."""
    return stale_ids(REVIEW_EMAILS, now=now)


def reviews_notify_pending() -> list[int]:
    """Every review whose email is still pending, young or old: a worker starting again
    hands them to a sender at once (each is claimed first, so queued twice goes once)."""
    return pending_ids(REVIEW_EMAILS)


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
    context = {
        "review": review,
        "submission": review.submission,
        "assignment": review.submission.assignment,
    }
    recipients = _review_recipients(review.submission)
    if recipients:  # everyone may have chosen LINE only
        send("assignment-reviewed", recipients, context)


def extension_grant(
    *,
    assignment: Assignment,
    due_at: dt.datetime,
    granted_by: User | None = None,
    team: Team | None = None,
    learner: User | None = None,
    reason: str = "",
    extension: Extension | None = None,
    notify: bool = True,
) -> Extension:
    """Move the due date for one team or learner (replacing an earlier extension, or the
    ``extension`` given when one is edited). The date must be later than the assignment's
    own (Extension.clean). The team or learner is emailed the new date and the reason
    after commit, once per grant, unless ``notify`` is off (demo, imports)."""
    with transaction.atomic():
        extension = (
            extension
            or Extension.objects.filter(assignment=assignment, team=team, learner=learner).first()
            or Extension()
        )
        extension.assignment, extension.team, extension.learner = assignment, team, learner
        extension.due_at, extension.reason, extension.granted_by = due_at, reason, granted_by
        extension.notification = Delivery.PENDING if notify else Delivery.SKIPPED
        extension.notified_at = None
        extension.full_clean()
        extension.save()
        if notify:
            from assignments.tasks import extension_notify_task  # tasks import this module

            pk = extension.pk
            transaction.on_commit(lambda: enqueue(extension_notify_task, pk))
    return extension


def extension_notify(*, extension_id: int) -> bool:
    """Email the team or learner their new due date and its reason, at most once per grant."""
    claimed = Extension.objects.filter(pk=extension_id, notification=Delivery.PENDING).update(
        notification=Delivery.SENDING
    )
    if not claimed:
        return False
    extension = Extension.objects.select_related(
        "assignment__cohort", "team", "learner", "granted_by"
    ).get(pk=extension_id)
    try:
        send(
            "assignment-extended",
            _owner_emails(team=extension.team, learner=extension.learner),
            {"extension": extension, "assignment": extension.assignment},
        )
    except Exception:
        Extension.objects.filter(pk=extension_id).update(notification=Delivery.PENDING)
        raise
    Extension.objects.filter(pk=extension_id).update(
        notification=Delivery.SENT, notified_at=timezone.now()
    )
    return True


def extensions_notify_stale(*, now: dt.datetime | None = None) -> list[int]:
    cutoff = (now or timezone.now()) - STALE_AFTER
    return list(
        Extension.objects.filter(notification=Delivery.PENDING, created_at__lt=cutoff).values_list(
            "id", flat=True
        )
    )


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
