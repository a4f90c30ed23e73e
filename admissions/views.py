"""Applying without an account, on a phone: the form, the receipt, the status page."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from admissions import selectors, services
from admissions.forms import ApplicationForm, StatusForm, letter_token, read_letter_token
from admissions.services import PENDING_LETTERS
from core.filekinds import FileKind
from core.ratelimit import client_ip, hits
from core.storage import private_storage
from core.uploads import Inspected, SizeLimitedUploadHandler, UploadRefused, inspect_upload

LETTER_MAX_BYTES = 5 * 1024 * 1024
# Per client address: sends of the form per hour (a municipal office shares one address,
# so this is the ceiling a real office stays under), status look-ups per ten minutes.
APPLY_POSTS_PER_HOUR = 20
STATUS_LOOKUPS_PER_WINDOW = 20
STATUS_WINDOW = 10 * 60


def _over_limit(request, name: str, limit: int, window: int) -> bool:
    return hits(f"admissions:{name}:{client_ip(request)}", window_seconds=window) > limit


def _intake_or_404(pk: int):
    intake = selectors.intake_for_apply(pk)
    if intake is None:
        raise Http404
    return intake


@csrf_exempt
def apply(request, pk: int):
    """The form; a POST streams the letter under the size limit before the CSRF check."""
    if request.method == "POST":
        request.upload_handlers = [SizeLimitedUploadHandler(request, max_bytes=LETTER_MAX_BYTES)]
    return _apply(request, pk)


@csrf_protect
def _apply(request, pk: int):
    intake = _intake_or_404(pk)
    context = {"intake": intake, "max_mb": LETTER_MAX_BYTES // (1024 * 1024)}
    if not intake.is_open():
        return render(request, "admissions/closed.html", context, status=200)
    if request.method != "POST":
        return render(request, "admissions/apply.html", {**context, "form": ApplicationForm()})
    form = ApplicationForm(request.POST, request.FILES)
    if _over_limit(request, "apply", APPLY_POSTS_PER_HOUR, 3600):
        form.is_valid()  # show what was typed, as it was typed
        context |= {"form": form, "rate_limited": True}
        return render(request, "admissions/apply.html", context, status=429)
    valid = form.is_valid()
    if form.is_honeypot:
        # A field no person sees was filled: nothing is kept, nothing is said about why.
        context |= {"form": ApplicationForm(), "refused": True}
        return render(request, "admissions/apply.html", context, status=400)
    letter, kept = _letter(request, form)
    if valid and letter is not None:
        try:
            application = services.application_submit(
                intake=intake,
                values=form.application_values(),
                letter=letter[0],
                inspected=letter[1],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            _forget_kept(kept)
            request.session["admissions_reference"] = application.reference
            return redirect("admissions:sent")
    return render(request, "admissions/apply.html", {**context, "form": form}, status=400)


def _letter(request, form):
    """The checked letter as (file, Inspected), or None with the error on the form.

    A good letter is kept (private storage, a signed token in the form), so another
    field's mistake never makes the applicant choose it again."""
    upload = request.FILES.get("letter")
    kept = read_letter_token(request.POST.get("letter_token", ""))
    if upload:
        try:
            inspected = inspect_upload(
                upload, accepted_kinds=[FileKind.PDF], max_bytes=LETTER_MAX_BYTES
            )
        except UploadRefused as refused:
            form.add_error("letter", refused.message)
            return None, None
        content = upload.read()
        upload.seek(0)
        path = private_storage().save(
            f"{PENDING_LETTERS}{uuid.uuid4().hex}.pdf", ContentFile(content)
        )
        token = letter_token(path, inspected.name, inspected.sha256)
        form.data = form.data.copy()
        form.data["letter_token"] = token
        form.kept_letter_name = inspected.name
        return (ContentFile(content, name=inspected.name), inspected), {"path": path}
    if kept and private_storage().exists(kept["path"]):
        form.kept_letter_name = kept["name"]
        with private_storage().open(kept["path"], "rb") as stored:
            content = stored.read()
        inspected = Inspected(
            kept["name"], FileKind.PDF, "application/pdf", len(content), kept["sha256"]
        )
        return (ContentFile(content, name=kept["name"]), inspected), kept
    form.add_error("letter", _("Choose the nomination letter (a PDF file)."))
    return None, None


def _forget_kept(kept: dict | None) -> None:
    if kept and kept.get("path"):
        private_storage().delete(kept["path"])


def sent(request):
    """After a successful application: the reference, once more than in the email."""
    reference = request.session.get("admissions_reference")
    if not reference:  # nothing sent from this browser: the way to look one up
        return render(request, "admissions/status.html", {"form": StatusForm()})
    return render(request, "admissions/sent.html", {"reference": reference})


def status(request):
    """The applicant's application, found by reference code and email together."""
    form = StatusForm(request.POST or None)
    context = {"form": form}
    if request.method == "POST":
        if _over_limit(request, "status", STATUS_LOOKUPS_PER_WINDOW, STATUS_WINDOW):
            context["rate_limited"] = True
            return render(request, "admissions/status.html", context, status=429)
        if form.is_valid():
            application = selectors.application_by_reference(
                form.cleaned_data["reference"], form.cleaned_data["email"]
            )
            if application is None:
                form.add_error(
                    None,
                    _(
                        "No application matches this reference code and email address. "
                        "Check both against the email you received."
                    ),
                )
            else:
                context["application"] = application
    return render(request, "admissions/status.html", context, status=200)


@require_POST
def withdraw(request):
    """The applicant withdraws (or gives up the place offered), proving it with code + email."""
    form = StatusForm(request.POST)
    if _over_limit(request, "status", STATUS_LOOKUPS_PER_WINDOW, STATUS_WINDOW):
        return render(
            request, "admissions/status.html", {"form": form, "rate_limited": True}, status=429
        )
    application = None
    if form.is_valid():
        application = selectors.application_by_reference(
            form.cleaned_data["reference"], form.cleaned_data["email"]
        )
    if application is None:
        raise Http404
    try:
        services.application_withdraw(application=application)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your application is withdrawn. Thank you for telling us."))
    application.refresh_from_db()
    return render(request, "admissions/status.html", {"form": form, "application": application})
