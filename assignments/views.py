"""The learner's assignments under /me/, the review queue, and guarded downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from accounts.access import is_coordinator, is_facilitator
from assignments import selectors, services, showcase
from assignments.access import can_review_submission, can_view_submission, current_enrolment
from assignments.forms import ReviewForm, SubmitForm
from assignments.models import Assignment, Review, Submission, VersionFile
from core.uploads import SizeLimitedUploadHandler


def _limit_uploads(request, max_bytes: int) -> None:
    """Before the body is read: files are cut off at the limit while they stream in."""
    request.upload_handlers = [SizeLimitedUploadHandler(request, max_bytes=max_bytes)]


def _enrolment_for(request, assignment):
    enrolment = current_enrolment(request.user, assignment.cohort_id)
    if enrolment is None:
        raise PermissionDenied
    return enrolment


@login_required
def my_assignments(request):
    rows = selectors.assignment_rows(request.user)
    return render(request, "assignments/my_assignments.html", {"rows": rows})


def _detail_context(request, assignment, enrolment, form=None):
    submission = selectors.owner_submission(assignment, enrolment)
    owner = {"team": enrolment.team} if assignment.is_team else {"learner": request.user}
    due_at, extended = selectors.effective_due(assignment, **owner)
    extension = selectors.extension_for(assignment, **owner) if extended else None
    return {
        "assignment": assignment,
        "enrolment": enrolment,
        "submission": submission,
        "versions": selectors.submission_history(submission) if submission else [],
        "due_at": due_at,
        "extended": extended,
        "extension": extension,
        "form": form or SubmitForm(initial={"text": submission.draft_text if submission else ""}),
        "can_submit": not (submission and submission.status == Submission.Status.ACCEPTED)
        and (enrolment.team_id or not assignment.is_team),
    }


@login_required
def assignment_detail(request, pk: int):
    assignment = get_object_or_404(Assignment.objects.select_related("cohort", "session"), pk=pk)
    enrolment = _enrolment_for(request, assignment)
    context = _detail_context(request, assignment, enrolment)
    return render(request, "assignments/assignment_detail.html", context)


@csrf_exempt
@login_required
@require_POST
def assignment_submit(request, pk: int):
    assignment = get_object_or_404(Assignment.objects.select_related("cohort", "session"), pk=pk)
    _limit_uploads(request, assignment.max_bytes)
    return _assignment_submit(request, assignment)


@csrf_protect
def _assignment_submit(request, assignment):
    enrolment = _enrolment_for(request, assignment)
    form = SubmitForm(request.POST)
    if form.is_valid():
        text, files = form.cleaned_data["text"], request.FILES.getlist("files")
        try:
            if form.cleaned_data["action"] == "draft":
                services.submission_save_draft(assignment=assignment, user=request.user, text=text)
                messages.success(request, _("Draft saved. It is not handed in until you submit."))
            else:
                version = services.submission_submit(
                    assignment=assignment, user=request.user, text=text, files=files
                )
                messages.success(request, _submitted_message(version))
            return redirect("assignments:detail", pk=assignment.pk)
        except services.SubmissionError as error:
            for message in error.messages:
                form.add_error(None, message)
    context = _detail_context(request, assignment, enrolment, form=form)
    return render(request, "assignments/assignment_detail.html", context, status=400)


def _submitted_message(version) -> str:
    if version.is_late:
        return _("Version %(n)s handed in after the due date; it is marked late.") % {
            "n": version.number
        }
    return _("Version %(n)s handed in. Your advisor will review it.") % {"n": version.number}


@login_required
def version_file_download(request, pk: int):
    record = get_object_or_404(
        VersionFile.objects.select_related(
            "version__submission__team", "version__submission__assignment"
        ),
        pk=pk,
    )
    if not can_view_submission(request.user, record.version.submission):
        raise PermissionDenied
    return _file_response(record.file, record.name, record.content_type)


@login_required
def review_file_download(request, pk: int):
    review = get_object_or_404(
        Review.objects.select_related("submission__team", "submission__assignment"), pk=pk
    )
    if not review.file or not can_view_submission(request.user, review.submission):
        raise PermissionDenied
    return _file_response(review.file, review.file_name, "")


def _file_response(field_file, name: str, content_type: str) -> FileResponse:
    response = FileResponse(field_file.open("rb"), as_attachment=True, filename=name)
    if content_type:
        response["Content-Type"] = content_type
    response["Cache-Control"] = "private, no-store"
    return response


def _require_reviewer(user) -> None:
    if not (is_coordinator(user) or is_facilitator(user)):
        raise PermissionDenied


REVIEW_QUEUE_PER_PAGE = 50


@login_required
def review_queue(request):
    _require_reviewer(request.user)
    status = request.GET.get("status", Submission.Status.SUBMITTED)
    if status not in Submission.Status.values and status != "all":
        status = Submission.Status.SUBMITTED
    queue = selectors.review_queue(request.user, status="" if status == "all" else status)
    page = Paginator(queue, REVIEW_QUEUE_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "assignments/review_queue.html",
        {"submissions": page, "status": status, "statuses": Submission.Status.choices},
    )


def _reviewable(request, pk: int) -> Submission:
    submission = get_object_or_404(
        Submission.objects.select_related(
            "assignment__cohort", "assignment__session", "team__organisation", "learner"
        ),
        pk=pk,
    )
    if not can_review_submission(request.user, submission):
        raise PermissionDenied
    return submission


def _review_context(submission, form, user=None):
    return {
        "submission": submission,
        "assignment": submission.assignment,
        "versions": selectors.submission_history(submission),
        "form": form,
        "can_review": submission.status == Submission.Status.SUBMITTED,
        "can_showcase": bool(
            user
            and is_coordinator(user)
            and submission.team_id
            and submission.status == Submission.Status.ACCEPTED
        ),
        "showcase_draft": showcase.showcase_draft_for(submission),
    }


@login_required
def review_detail(request, pk: int):
    submission = _reviewable(request, pk)
    latest = submission.versions.order_by("-number").values_list("number", flat=True).first()
    form = ReviewForm(assignment=submission.assignment, initial={"version": latest})
    context = _review_context(submission, form, request.user)
    return render(request, "assignments/review_detail.html", context)


@csrf_exempt
@login_required
@require_POST
def review_submit(request, pk: int):
    _limit_uploads(request, services.REVIEW_FILE_MB * 1024 * 1024)
    return _review_submit(request, pk)


@csrf_protect
def _review_submit(request, pk: int):
    submission = _reviewable(request, pk)
    form = ReviewForm(request.POST, assignment=submission.assignment)
    if form.is_valid():
        try:
            review = services.review_record(
                submission=submission,
                reviewer=request.user,
                levels=form.levels(),
                feedback=form.cleaned_data["feedback"],
                decision=form.cleaned_data["decision"],
                file=request.FILES.get("file"),
                version_number=form.cleaned_data["version"],
            )
            messages.success(request, _review_message(review))
            return redirect("assignments:review_queue")
        except services.ReviewOutdated as outdated:
            # Keep everything typed; the form now carries the version the page shows.
            data = request.POST.copy()
            data["version"] = str(outdated.latest)
            form = ReviewForm(data, assignment=submission.assignment)
            form.is_valid()
            form.add_error(None, outdated.messages[0])
        except services.SubmissionError as error:
            for message in error.messages:
                form.add_error(None, message)
    context = _review_context(submission, form, request.user)
    return render(request, "assignments/review_detail.html", context, status=400)


def _review_message(review) -> str:
    if review.decision == Review.Decision.ACCEPTED:
        return _("Accepted: %(owner)s. They will be notified by email.") % {
            "owner": review.submission.owner_name
        }
    return _("Returned for revision: %(owner)s. They will be notified by email.") % {
        "owner": review.submission.owner_name
    }


@login_required
@require_POST
def showcase_publish(request, pk: int):
    """Coordinators turn an accepted team project into a showcase draft in the CMS."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    submission = _reviewable(request, pk)
    ids = [int(i) for i in request.POST.getlist("files") if i.isdigit()]
    files = list(VersionFile.objects.filter(pk__in=ids, version__submission=submission))
    try:
        page = showcase.showcase_draft_create(submission=submission, files=files, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("assignments:review", pk=submission.pk)
    messages.success(request, _("Showcase draft ready: check it and publish it in the CMS."))
    return redirect("wagtailadmin_pages:edit", page.pk)
