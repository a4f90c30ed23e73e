"""Learner-facing check-in: the QR link and the typed-code fallback."""

import time

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from attendance import tokens
from attendance.forms import CodeForm
from attendance.services import (
    CheckInRefused,
    attendance_check_in_by_code,
    attendance_check_in_by_token,
)
from cohorts.models import Session

SCANS_KEY = "attendance_scans"
SCAN_REMEMBERED_SECONDS = 10 * 60


def _remember_scan(request, token: str) -> None:
    """Keep a fresh scan across the login: the session survives allauth's login."""
    now = time.time()
    scans = {
        key: at
        for key, at in request.session.get(SCANS_KEY, {}).items()
        if now - at < SCAN_REMEMBERED_SECONDS
    }
    scans[token] = now
    request.session[SCANS_KEY] = scans


def _seen_fresh(request, token: str) -> bool:
    """Opened while current: proved by the confirm form, or remembered before a login."""
    proof = request.POST.get("seen", "") if request.method == "POST" else ""
    if proof and request.user.is_authenticated:
        user_id = request.user.pk
        if tokens.seen_proof_matches(proof, token, user_id, SCAN_REMEMBERED_SECONDS):
            return True
    at = request.session.get(SCANS_KEY, {}).get(token)
    return at is not None and time.time() - at < SCAN_REMEMBERED_SECONDS


def _result(request, *, record=None, refusal=None, status=200):
    return render(
        request,
        "attendance/check_in_result.html",
        {"record": record, "refusal": refusal},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def check_in(request, token: str):
    """GET shows the session and a confirm button; POST records the check-in."""
    data = tokens.read_token(token)
    if data is None:
        return _result(request, refusal=CheckInRefused("bad-token"), status=400)
    if data.fresh:
        # Only a scan before the login is remembered in the session: a signed-in scan puts
        # its proof in the confirm form, and a signed-in confirm records the check-in itself.
        if not request.user.is_authenticated:
            _remember_scan(request, token)
    elif not _seen_fresh(request, token):
        return _result(request, refusal=CheckInRefused("expired"), status=410)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.method == "GET":
        session = Session.objects.select_related("cohort").filter(pk=data.session_id).first()
        seen = tokens.seen_proof(token, request.user.pk) if data.fresh else ""
        context = {"token": token, "session": session, "day": data.day, "seen": seen}
        return render(request, "attendance/check_in_confirm.html", context)
    try:
        record = attendance_check_in_by_token(
            token=token, user=request.user, seen_fresh=_seen_fresh(request, token)
        )
    except CheckInRefused as refusal:
        return _result(request, refusal=refusal, status=409 if refusal.record else 403)
    return _result(request, record=record)


@require_http_methods(["GET", "POST"])
def check_in_by_code(request):
    """The fallback for a phone whose camera fails: type the six digits on the screen."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record = attendance_check_in_by_code(code=form.cleaned_data["code"], user=request.user)
        except CheckInRefused as refusal:
            if refusal.code in ("wrong-code", "too-many", "unavailable"):
                return render(
                    request,
                    "attendance/check_in_code.html",
                    {"form": form, "refusal": refusal},
                    status=503 if refusal.code == "unavailable" else 400,
                )
            return _result(request, refusal=refusal, status=409 if refusal.record else 403)
        return _result(request, record=record)
    return render(request, "attendance/check_in_code.html", {"form": form})
